/**
 * Why the books could not be opened. Stable codes: main turns each into a message in the
 * user's language (electron/core/startup/startup-failure.ts).
 */
export const databaseOpenFailures = [
  /** Written by a newer Balancete (a migration this build does not know): refused, left untouched. */
  'DATABASE_TOO_NEW',
  /** Not a SQLite database, or a damaged one. */
  'DATABASE_UNREADABLE',
  /** The file or its folder cannot be written or created (permissions, a read-only disk). */
  'DATA_FOLDER_NOT_WRITABLE',
  /** The copy made before migrating failed (e.g. a full disk); nothing was migrated. */
  'DATABASE_BACKUP_FAILED',
  /** A migration failed and was rolled back as a whole: the file is as it was. */
  'DATABASE_MIGRATION_FAILED',
] as const;

export type DatabaseOpenFailure = (typeof databaseOpenFailures)[number];

export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  readonly code: DatabaseOpenFailure;

  constructor(code: DatabaseOpenFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** SQLite's result codes (better-sqlite3's `SqliteError.code`) that say the file cannot be read as a database. */
const unreadableCodes = /^SQLITE_(NOTADB|CORRUPT)/;
/** ...and those that say it, or the folder its journal goes in, cannot be opened for writing. */
const notWritableCodes = /^SQLITE_(CANTOPEN|READONLY|PERM)/;

/**
 * A failure while opening, as a DatabaseOpenError where SQLite's code says what it was;
 * `duringMigration` files anything else a migration threw as a failed migration. Other
 * errors are returned as they are.
 */
export function asDatabaseOpenError(error: unknown, duringMigration: boolean): unknown {
  if (error instanceof DatabaseOpenError || !(error instanceof Error)) return error;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (unreadableCodes.test(code)) return new DatabaseOpenError('DATABASE_UNREADABLE', error.message, { cause: error });
  if (notWritableCodes.test(code)) {
    return new DatabaseOpenError('DATA_FOLDER_NOT_WRITABLE', error.message, { cause: error });
  }
  if (duringMigration) {
    return new DatabaseOpenError('DATABASE_MIGRATION_FAILED', `A migration failed: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}
