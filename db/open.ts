import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

/** The query builder; `$client` is its connection, for raw prepared statements on hot paths. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  /** Typed query builder over the schema. */
  db: Db;
  /** The raw connection, for prepared statements on hot paths and for closing. */
  sqlite: Database.Database;
  close(): void;
}

/**
 * Where the committed migrations live when running from source (tests, scripts,
 * benchmarks). The bundled main process passes its own path instead.
 */
export const sourceMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  migrationsFolder?: string;
  /**
   * False for a second connection to a database its first one already opened and migrated
   * (a worker thread's): it needs the pragmas, not the migrations, whose folder it may not know.
   */
  migrate?: boolean;
}

/**
 * Opens (creating if needed) the database file, sets the pragmas every connection
 * needs, and applies pending migrations in one transaction. Opening an up-to-date
 * database changes nothing.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode against application crashes; only an OS crash or
    // power loss can roll back the last commits, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Years of transactions are a few hundred MB: reading them through the OS page cache
    // (mmap) and keeping 64 MB of pages in SQLite's own cache lets the workspace's counts
    // and totals, which visit every matching row, avoid a read call per page.
    sqlite.pragma('mmap_size = 268435456');
    sqlite.pragma('cache_size = -65536');
    const db = drizzle(sqlite, { schema });
    if (options.migrate !== false) {
      migrate(db, { migrationsFolder: options.migrationsFolder ?? sourceMigrationsFolder });
      refreshPlannerStatistics(sqlite);
    }
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Statistics for the query planner, gathered where missing or stale, from a sample so it
 * stays quick on large books (SQLite's advice for start-up): the transactions page's
 * choice between the date index and the listing index depends on them.
 */
export function refreshPlannerStatistics(sqlite: Database.Database): void {
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma('optimize = 0x10002');
}
