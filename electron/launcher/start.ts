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

const mayDownload = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1';
if (!installedElectronBinary() && mayDownload) {
  console.log('Balancete: downloading the Electron runtime (first start only)…');
  spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: 'inherit' });
}
if (!installedElectronBinary()) {
  console.error(`Balancete cannot start: ${missingElectronMessage(mayDownload)}`);
  process.exit(1);
}

const child = spawn('electron-vite', [dev ? 'dev' : 'preview'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
