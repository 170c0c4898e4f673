import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../electron/launcher/electron-binary.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('installedElectronBinary', () => {
  it('finds an Electron named by ELECTRON_OVERRIDE_DIST_PATH', () => {
    writeFileSync(join(temp.path, 'electron'), '');
    expect(installedElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: temp.path })).toBe(join(temp.path, 'electron'));
  });

  it('reports none when that folder has no Electron', () => {
    expect(installedElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: temp.path })).toBeNull();
  });
});

describe('npm start without an Electron runtime', () => {
  function start(env: Record<string, string>) {
    const { BALANCETE_VERBOSE: _verbose, ...inherited } = process.env;
    return spawnSync(process.execPath, ['electron/launcher/start.ts'], {
      env: { ...inherited, ELECTRON_OVERRIDE_DIST_PATH: temp.path, ...env },
      encoding: 'utf8',
      timeout: 120_000,
    });
  }

  it('fails with one plain sentence, not a stack trace', () => {
    const result = start({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Balancete cannot start: the Electron runtime is not installed[^\n]*$/);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('says the same, without a stack trace, when the download fails', () => {
    // A mirror on a closed loopback port and an empty cache make the download fail on any machine.
    const result = start({
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(temp.path, 'cache'),
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('downloading the Electron runtime');
    expect(result.stderr.trim()).toMatch(/^Balancete cannot start: [^\n]*could not be downloaded[^\n]*$/);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });
});
