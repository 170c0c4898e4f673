import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseOpenError } from './open-error.ts';

/** Copies made before migrating live beside the books, in this folder. */
export function backupsFolderOf(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

/** balancete-<UTC date>-<time>-<milliseconds>-before-<first pending migration>.sqlite: by name is by age. */
const backupName = /^balancete-\d{8}-\d{6}-\d{3}-before-.+\.sqlite$/;

function backupFileName(before: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return `balancete-${stamp}-before-${before}.sqlite`;
}

export interface BackupOptions {
  /** Where the copies go (backupsFolderOf the books). */
  folder: string;
  /** The first migration about to run, which names the copy. */
  before: string;
  /** How many copies to keep, this one included: older ones are deleted. */
  keep: number;
  now?: Date;
}

/**
 * Copies the books with SQLite's online backup API (a consistent copy, whatever the WAL
 * holds) and then deletes all but the newest `keep` copies. A copy that fails is removed
 * and reported as DATABASE_BACKUP_FAILED, before anything was migrated.
 */
export async function backUpDatabase(sqlite: Database.Database, options: BackupOptions): Promise<string> {
  const destination = join(options.folder, backupFileName(options.before, options.now ?? new Date()));
  try {
    mkdirSync(options.folder, { recursive: true });
    await sqlite.backup(destination);
  } catch (error) {
    // A partial copy is no copy. (No folder, as when it could not be made: nothing to remove.)
    if (existsSync(destination)) rmSync(destination);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError('DATABASE_BACKUP_FAILED', `The copy before migrating failed: ${reason}`, {
      cause: error,
    });
  }
  pruneBackups(options.folder, options.keep);
  return destination;
}

/** Deletes all but the newest `keep` copies; other files in the folder are never touched. */
function pruneBackups(folder: string, keep: number): void {
  const copies = readdirSync(folder)
    .filter((name) => backupName.test(name))
    .sort();
  for (const name of copies.slice(0, Math.max(0, copies.length - keep))) {
    // A copy someone opened in SQLite may have left its journal files beside it.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(folder, name + suffix), { force: true });
  }
}
