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
  try {
    mkdirSync(directory, { recursive: true });
  } catch {
    // Not now, before any window can say so: opening the books there fails the same way,
    // and start-up's failure dialog names this folder (dataDirectory).
    return;
  }
  app.setPath('userData', directory);
}

/** The folder the data is meant to be in, even when it could not be made. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.BALANCETE_DATA_DIR;
  return override ? resolve(override) : app.getPath('userData');
}

export function databasePath(): string {
  return join(dataDirectory(), 'balancete.sqlite');
}
