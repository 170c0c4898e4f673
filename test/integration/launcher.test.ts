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
  it('fails with one plain sentence, not a stack trace', () => {
    const result = spawnSync(process.execPath, ['electron/launcher/start.ts'], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: temp.path, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Balancete cannot start: the Electron runtime is not installed/);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
