import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app } from 'electron';

/**
 * Balancete keeps everything (database, sandbox certificate) under Electron's user-data
 * folder. `BALANCETE_DATA_DIR` points it elsewhere, for tests and for a portable copy; a
 * relative path is taken from the current folder and created if missing (Electron's
 * setPath accepts neither). Must run before the app is ready.
 */
export function applyDataDirectoryOverride(env: NodeJS.ProcessEnv = process.env): void {
  const override = env.BALANCETE_DATA_DIR;
  if (!override) return;
  const directory = resolve(override);
  mkdirSync(directory, { recursive: true });
  app.setPath('userData', directory);
}

export function databasePath(): string {
  return join(app.getPath('userData'), 'balancete.sqlite');
}
