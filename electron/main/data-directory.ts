import { join } from 'node:path';
import { app } from 'electron';

/**
 * Balancete keeps everything (database, sandbox certificate) under Electron's user-data
 * folder. `BALANCETE_DATA_DIR` points it elsewhere, for tests and for a portable copy.
 * Must run before the app is ready.
 */
export function applyDataDirectoryOverride(env: NodeJS.ProcessEnv = process.env): void {
  const override = env.BALANCETE_DATA_DIR;
  if (override) app.setPath('userData', override);
}

export function databasePath(): string {
  return join(app.getPath('userData'), 'balancete.sqlite');
}
