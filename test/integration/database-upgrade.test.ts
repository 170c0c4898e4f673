import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsFolderOf } from '../../db/backups.ts';
import { openDatabase, openDatabaseWithBackup, sourceMigrationsFolder } from '../../db/open.ts';
import { DatabaseOpenError } from '../../db/open-error.ts';
import { accounts } from '../../db/schema.ts';
import { startupFailureReason } from '../../electron/core/startup/startup-failure.ts';
import { readStoredLanguage } from '../../electron/core/startup/startup-language.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { addMigration, copyMigrations, seedBooksFromANewerBalancete } from '../support/migrations.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.path, 'balancete.sqlite');
});
afterEach(() => temp.remove());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Everything the books hold, schema and rows, to compare two files by content. */
function contentOf(path: string): unknown {
  const sqlite = new Database(path, { readonly: true });
  try {
    const objects = sqlite
      .prepare<[], { type: string; name: string; sql: string | null }>(
        'SELECT type, name, sql FROM sqlite_master ORDER BY type, name',
      )
      .all();
    const rows = objects
      .filter((object) => object.type === 'table' && !object.name.startsWith('transactions_search_'))
      // A WITHOUT ROWID table (the running totals, 0011) is read in its key's order.
      .map((table) => [
        table.name,
        sqlite
          .prepare(`SELECT * FROM "${table.name}"${table.sql?.includes('WITHOUT ROWID') ? '' : ' ORDER BY rowid'}`)
          .all(),
      ]);
    return { objects, rows };
  } finally {
    sqlite.close();
  }
}

/** Books with two accounts, migrated with `migrationsFolder`, closed cleanly (no WAL left). */
function seedBooks(migrationsFolder = sourceMigrationsFolder): void {
  const books = openDatabase(file, { migrationsFolder });
  seedTwoAccounts(books.db);
  books.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
}

async function failureOf(opening: () => unknown): Promise<DatabaseOpenError> {
  const error: unknown = await Promise.resolve()
    .then(opening)
    .then(
      () => null,
      (thrown: unknown) => thrown,
    );
  if (!(error instanceof DatabaseOpenError)) throw new Error(`expected a DatabaseOpenError, got ${String(error)}`);
  return error;
}

describe('books from a newer Balancete', () => {
  it('are refused by both openers, before anything is written, the file left byte for byte', async () => {
    seedBooksFromANewerBalancete(file);
    const before = sha256(file);
    const filesBefore = readdirSync(temp.path);

    expect((await failureOf(() => openDatabase(file))).code).toBe('DATABASE_TOO_NEW');
    const refusal = await failureOf(() => openDatabaseWithBackup(file));
    expect(refusal.code).toBe('DATABASE_TOO_NEW');
    expect(startupFailureReason(refusal)).toBe('DATABASE_TOO_NEW');

    expect(sha256(file)).toBe(before);
    // No backup, no journal left behind: nothing but the file itself.
    expect(readdirSync(temp.path)).toEqual(filesBefore);
  });

  it("still tell which language the user chose, read without writing, for the failure's message", () => {
    seedBooksFromANewerBalancete(file);
    const before = sha256(file);
    expect(readStoredLanguage(file)).toBe('en');
    expect(sha256(file)).toBe(before);
  });
});

describe('migrating books that hold data', () => {
  it('copies them into backups/ with the backup API first, named for the first migration to run', async () => {
    const migrations = copyMigrations(join(temp.path, 'migrations'));
    seedBooks(migrations);
    const contentBefore = contentOf(file);
    addMigration(migrations, '9001_test_note', 'ALTER TABLE `accounts` ADD `test_note` text;');

    const books = await openDatabaseWithBackup(file, { migrationsFolder: migrations });
    try {
      const columns = books.sqlite.pragma('table_info(accounts)') as { name: string }[];
      expect(columns.map((column) => column.name)).toContain('test_note');
    } finally {
      books.close();
    }

    const copies = readdirSync(backupsFolderOf(file));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^balancete-\d{8}-\d{6}-\d{3}-before-9001_test_note\.sqlite$/);
    // The copy is the books as they were, and opens with the build that made them.
    const copy = join(backupsFolderOf(file), copies[0] ?? '');
    expect(contentOf(copy)).toEqual(contentBefore);
  });

  it('keeps the newest copies only (three by default), and nothing else in the folder is touched', async () => {
    const migrations = copyMigrations(join(temp.path, 'migrations'));
    seedBooks(migrations);
    const folder = backupsFolderOf(file);
    for (const tag of ['9001_a', '9002_b', '9003_c', '9004_d']) {
      addMigration(migrations, tag, `CREATE TABLE \`test_${tag}\` (id integer);`);
      (await openDatabaseWithBackup(file, { migrationsFolder: migrations })).close();
      if (tag === '9001_a') writeFileSync(join(folder, 'my-own-copy.sqlite'), 'kept');
    }

    const copies = readdirSync(folder).sort();
    expect(
      copies.filter((name) => name.startsWith('balancete-')).map((name) => name.replace(/^.*-before-/, '')),
    ).toEqual(['9002_b.sqlite', '9003_c.sqlite', '9004_d.sqlite']);
    expect(copies).toContain('my-own-copy.sqlite');
  });

  it('makes no copy of new or up-to-date books', async () => {
    (await openDatabaseWithBackup(file)).close();
    const books = await openDatabaseWithBackup(file);
    seedTwoAccounts(books.db);
    books.close();
    (await openDatabaseWithBackup(file)).close();
    expect(existsSync(backupsFolderOf(file))).toBe(false);
  });

  it('a failing migration leaves the file byte for byte as it was, the copy beside it, and the old build still opens it', async () => {
    const migrations = copyMigrations(join(temp.path, 'migrations'));
    seedBooks(migrations);
    const before = sha256(file);
    const contentBefore = contentOf(file);
    addMigration(
      migrations,
      '9001_broken',
      'ALTER TABLE `accounts` ADD `test_note` text;--> statement-breakpoint\nALTER TABLE `no_such_table` ADD `x` text;',
    );

    const failure = await failureOf(() => openDatabaseWithBackup(file, { migrationsFolder: migrations }));
    expect(failure.code).toBe('DATABASE_MIGRATION_FAILED');
    expect(failure.message).toMatch(/no_such_table/);

    expect(sha256(file)).toBe(before);
    const [copy, ...others] = readdirSync(backupsFolderOf(file));
    expect(others).toEqual([]);
    expect(contentOf(join(backupsFolderOf(file), copy ?? ''))).toEqual(contentBefore);
    const reopened = openDatabase(file);
    try {
      expect(reopened.db.select().from(accounts).all()).toHaveLength(2);
    } finally {
      reopened.close();
    }
  });

  it('does not migrate when the copy cannot be made', async () => {
    const migrations = copyMigrations(join(temp.path, 'migrations'));
    seedBooks(migrations);
    const before = sha256(file);
    // A file where the backups folder should be: the folder cannot be made.
    writeFileSync(backupsFolderOf(file), 'in the way');
    addMigration(migrations, '9001_test_note', 'ALTER TABLE `accounts` ADD `test_note` text;');

    const failure = await failureOf(() => openDatabaseWithBackup(file, { migrationsFolder: migrations }));
    expect(failure.code).toBe('DATABASE_BACKUP_FAILED');
    expect(sha256(file)).toBe(before);
  });
});

describe('files that cannot be books', () => {
  it('a file that is not a SQLite database is refused as unreadable and left as it was', async () => {
    writeFileSync(file, 'these are not the books you are looking for'.repeat(200));
    const before = sha256(file);
    expect((await failureOf(() => openDatabaseWithBackup(file))).code).toBe('DATABASE_UNREADABLE');
    expect(sha256(file)).toBe(before);
    expect(readStoredLanguage(file)).toBeNull();
  });

  it('a data folder that cannot be made is told as not writable', async () => {
    const inTheWay = join(temp.path, 'a-file');
    writeFileSync(inTheWay, '');
    const error: unknown = await openDatabaseWithBackup(join(inTheWay, 'data', 'balancete.sqlite')).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(startupFailureReason(error)).toBe('DATA_FOLDER_NOT_WRITABLE');
  });

  it('without books, no stored language', () => {
    expect(readStoredLanguage(file)).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
