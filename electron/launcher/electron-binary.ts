import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron executable the `electron` package would run, without its
 * download-on-first-use: requiring `electron` from Node starts a ~100 MB download when
 * the binary is missing, which the launcher and the test suites must never trigger
 * by accident. Mirrors node_modules/electron/index.js.
 */
export function installedElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = electronPackageDir();
  const pathFile = join(packageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relativePath || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relativePath) return null;
  const candidate = join(packageDir, 'dist', relativePath);
  return existsSync(candidate) ? candidate : null;
}

export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/** One plain sentence on why Electron cannot run here, for people and CI logs alike. */
export function missingElectronMessage(downloadAttempted: boolean): string {
  const why = downloadAttempted
    ? "could not be downloaded (this machine cannot reach Electron's download server)"
    : 'was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1)';
  return (
    `the Electron runtime is not installed in node_modules/electron/dist and ${why}. ` +
    'On a computer with internet access it is downloaded automatically on first use; to use an ' +
    'Electron you already have, set ELECTRON_OVERRIDE_DIST_PATH to its folder ' +
    '(BALANCETE_VERBOSE=1 shows the download error).'
  );
}
