import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKnownMigrations } from '../../db/migration-state.ts';
import { openDatabase, sourceMigrationsFolder } from '../../db/open.ts';
import { updateSettings } from '../../electron/core/settings/settings-store.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';

/** A copy of the committed migrations in `folder`, for a test to add to. */
export function copyMigrations(folder: string): string {
  cpSync(sourceMigrationsFolder, folder, { recursive: true });
  return folder;
}

/** Appends a migration to a copy of the migrations folder, as drizzle-kit would. */
export function addMigration(folder: string, tag: string, sql: string): void {
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('empty journal');
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
}

/**
 * Books a newer Balancete migrated, at `file`: two accounts, English chosen, and one more
 * migration recorded than this build knows (a minute after its newest).
 */
export function seedBooksFromANewerBalancete(file: string): void {
  const books = openDatabase(file);
  seedTwoAccounts(books.db);
  updateSettings(books.db, { language: 'en' });
  const lastKnown = Math.max(...readKnownMigrations(sourceMigrationsFolder).map((migration) => migration.when));
  books.sqlite
    .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
    .run('a-migration-from-the-future', lastKnown + 60_000);
  books.close();
}
