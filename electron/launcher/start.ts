/**
 * `npm start` (and `npm run dev`): makes sure the Electron runtime is present, then
 * builds and launches Balancete with electron-vite. Run directly by Node 24.
 *
 * Electron ≥ 42 downloads its binary on first use rather than at install time; when that
 * download cannot happen, this says so in one plain sentence instead of a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronPackageDir, installedElectronBinary, missingElectronMessage } from './electron-binary.ts';

const dev = process.argv.includes('--dev');
const downloadTimeoutMs = 10 * 60 * 1000;

const mayDownload = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1';
if (!installedElectronBinary() && mayDownload) {
  console.log('Balancete: downloading the Electron runtime (first start only)…');
  // Electron's own installer prints a stack trace when it fails; keep it for the verbose case only.
  const download = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    encoding: 'utf8',
    timeout: downloadTimeoutMs,
  });
  if (download.status !== 0 && process.env.BALANCETE_VERBOSE) console.error(download.stderr);
}
const binary = installedElectronBinary();
if (!binary) {
  console.error(`Balancete cannot start: ${missingElectronMessage(mayDownload)}`);
  process.exit(1);
}

// electron-vite finds Electron through ELECTRON_EXEC_PATH (or the package's path.txt);
// naming it keeps an ELECTRON_OVERRIDE_DIST_PATH choice in force.
const child = spawn('electron-vite', [dev ? 'dev' : 'preview'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
