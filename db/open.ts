import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backUpDatabase, backupsFolderOf } from './backups.ts';
import { type MigrationState, migrationState, readKnownMigrations } from './migration-state.ts';
import { asDatabaseOpenError, DatabaseOpenError } from './open-error.ts';
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
 * needs, and applies pending migrations in one transaction: a migration that fails
 * leaves the file as it was (DATABASE_MIGRATION_FAILED). Books a newer Balancete wrote
 * are refused before anything is written (DATABASE_TOO_NEW). Opening an up-to-date
 * database changes nothing.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const sqlite = connect(file);
  try {
    if (options.migrate !== false) refuseNewer(checkMigrations(sqlite, options.migrationsFolder));
    return finishOpening(sqlite, options);
  } catch (error) {
    sqlite.close();
    throw asDatabaseOpenError(error, false);
  }
}

export interface AppOpenOptions {
  migrationsFolder?: string;
  /** How many copies made before migrating to keep in the backups folder beside the file. */
  keepBackups?: number;
}

/**
 * openDatabase for the app's own books: when migrations are pending on books that hold
 * anything, the file is first copied into its backups folder (backupsFolderOf), keeping
 * the newest `keepBackups` copies; no copy, no migration (DATABASE_BACKUP_FAILED).
 */
export async function openDatabaseWithBackup(file: string, options: AppOpenOptions = {}): Promise<OpenedDatabase> {
  const sqlite = connect(file);
  try {
    const state = refuseNewer(checkMigrations(sqlite, options.migrationsFolder));
    if (state.kind === 'pending') {
      await backUpDatabase(sqlite, {
        folder: backupsFolderOf(file),
        before: state.pending[0].tag,
        keep: options.keepBackups ?? 3,
      });
    }
    return finishOpening(sqlite, { migrationsFolder: options.migrationsFolder });
  } catch (error) {
    sqlite.close();
    throw asDatabaseOpenError(error, false);
  }
}

function connect(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  try {
    return new Database(file);
  } catch (error) {
    throw asDatabaseOpenError(error, false);
  }
}

function checkMigrations(sqlite: Database.Database, migrationsFolder = sourceMigrationsFolder): MigrationState {
  return migrationState(sqlite, readKnownMigrations(migrationsFolder));
}

function refuseNewer(state: MigrationState): MigrationState {
  if (state.kind !== 'too-new') return state;
  throw new DatabaseOpenError(
    'DATABASE_TOO_NEW',
    `The database was migrated by a newer Balancete (its last migration is from ${state.lastApplied}, this build knows up to ${state.lastKnown})`,
  );
}

/** The pragmas, then the pending migrations: nothing here runs before the checks above. */
function finishOpening(sqlite: Database.Database, options: OpenOptions): OpenedDatabase {
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable in WAL mode against application crashes; only an OS crash or
  // power loss can roll back the last commits, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Memory is sized for the whole app to stay under 400 MiB resident with a million
  // transactions (issue 18), a book of about 1 GB. SQLite's own cache: 32 MiB, which holds
  // the pages a sync keeps going back to (the indexes' upper levels, the last leaves
  // written) and a screen's queries; twice that measured no faster for either. No memory
  // map (SQLite's default): every page a query reads through one stays resident in this
  // process, up to the map's size, and the books outgrow any size worth reserving; without
  // it the OS page cache keeps the file all the same, outside the process. The price: the
  // heaviest transactions-page queries take ~20% more CPU (p95), lighter ones and search the
  // same; a sync's writes gain nothing from a map.
  sqlite.pragma('cache_size = -32768');
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) {
    try {
      // drizzle runs every pending migration inside one BEGIN … COMMIT, rolled back on failure.
      migrate(db, { migrationsFolder: options.migrationsFolder ?? sourceMigrationsFolder });
    } catch (error) {
      throw asDatabaseOpenError(error, true);
    }
    refreshPlannerStatistics(sqlite);
  }
  return { db, sqlite, close: () => sqlite.close() };
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
