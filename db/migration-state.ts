import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

/** A migration this build ships, as drizzle-kit's journal lists it. */
export interface KnownMigration {
  tag: string;
  /** When drizzle-kit wrote it: what drizzle records as the migration's `created_at`. */
  when: number;
}

export type MigrationState =
  /** A new file: nothing in it to keep. */
  | { kind: 'empty' }
  | { kind: 'current' }
  /** Books this build will migrate, oldest first. */
  | { kind: 'pending'; pending: [KnownMigration, ...KnownMigration[]] }
  /** Books a newer Balancete migrated: the last migration they record is later than any this build knows. */
  | { kind: 'too-new'; lastApplied: number; lastKnown: number };

export function readKnownMigrations(migrationsFolder: string): KnownMigration[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: KnownMigration[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * Where the books stand against the migrations this build knows, read without writing.
 * It follows drizzle's own rule: a migration is applied when the database records one
 * created at or after it (`__drizzle_migrations.created_at`), so books that record one
 * later than this build's newest come from a newer Balancete.
 */
export function migrationState(sqlite: Database.Database, known: readonly KnownMigration[]): MigrationState {
  const schemaObjects = sqlite.prepare<[], { count: number }>('SELECT count(*) AS count FROM sqlite_master').get();
  if (!schemaObjects?.count) return { kind: 'empty' };
  const recorded = sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
    )
    .get();
  const lastApplied = recorded
    ? (sqlite.prepare<[], { last: number | null }>('SELECT max(created_at) AS last FROM __drizzle_migrations').get()
        ?.last ?? null)
    : null;
  const lastKnown = Math.max(...known.map((migration) => migration.when));
  if (lastApplied !== null && lastApplied > lastKnown) return { kind: 'too-new', lastApplied, lastKnown };
  const [next, ...later] = known.filter((migration) => lastApplied === null || migration.when > lastApplied);
  return next ? { kind: 'pending', pending: [next, ...later] } : { kind: 'current' };
}
