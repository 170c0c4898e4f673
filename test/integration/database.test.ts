import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, sourceMigrationsFolder } from '../../db/open.ts';
import { accounts } from '../../db/schema.ts';
import { seedTwoAccounts, seedTwoAccountsInOlderBooks } from '../fixtures/seed.ts';
import { addMigration } from '../support/migrations.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const expectedTables = [
  // Who holds each connection's accounts, for the PDF report (migration 0007).
  'account_holders',
  'accounts',
  'categories',
  'connections',
  'credit_card_bills',
  'csv_mappings',
  'institution_logos',
  // The reports' running totals (migrations 0011 and 0013).
  'monthly_counterparty_sides',
  'monthly_counterparty_totals',
  'monthly_totals',
  'monthly_totals_pending',
  'monthly_totals_state',
  // Reconciliation (migration 0006).
  'reconciliation_conflicts',
  'reconciliation_events',
  'reconciliation_items',
  'reconciliations',
  'rules',
  'settings',
  'statement_imports',
  'sync_runs',
  'transaction_splits',
  'transaction_user_data',
  'transactions',
  // The full-text index (migration 0003) and FTS5's own shadow tables behind it.
  'transactions_search',
  'transactions_search_config',
  'transactions_search_data',
  'transactions_search_docsize',
  'transactions_search_idx',
  'transactions_search_queue',
  'transactions_search_state',
  'undo_actions',
];

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.path, 'nested', 'balancete.sqlite');
});
afterEach(() => temp.remove());

function schemaOf(open: ReturnType<typeof openDatabase>): string[] {
  return open.sqlite
    .prepare<[], { sql: string }>('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name')
    .all()
    .map((row) => row.sql);
}

function appliedMigrations(open: ReturnType<typeof openDatabase>): unknown[] {
  return open.sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all();
}

describe('openDatabase', () => {
  it('creates the file (and its folder) and applies every committed migration', () => {
    const open = openDatabase(file);
    try {
      const tables = open.sqlite
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
        )
        .all()
        .map((row) => row.name);
      expect(tables).toEqual(expectedTables);
      const migrationFiles = readdirSync(sourceMigrationsFolder).filter((name) => name.endsWith('.sql'));
      expect(appliedMigrations(open)).toHaveLength(migrationFiles.length);
    } finally {
      open.close();
    }
  });

  it('runs in WAL mode with foreign keys enforced', () => {
    const open = openDatabase(file);
    try {
      expect(open.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(open.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() =>
        open.db
          .insert(accounts)
          .values({ id: 'orphan', connectionId: 'no-such-item', type: 'BANK', name: 'Orphan' })
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      open.close();
    }
  });

  it('a second open of an up-to-date database changes nothing', () => {
    const first = openDatabase(file);
    const schemaBefore = schemaOf(first);
    const migrationsBefore = appliedMigrations(first);
    first.close();

    const second = openDatabase(file);
    try {
      expect(schemaOf(second)).toEqual(schemaBefore);
      expect(appliedMigrations(second)).toEqual(migrationsBefore);
    } finally {
      second.close();
    }
  });

  it('keeps data across re-opens', () => {
    const first = openDatabase(file);
    seedTwoAccounts(first.db);
    first.close();

    const second = openDatabase(file);
    try {
      const rows = second.db.select().from(accounts).orderBy(accounts.id).all();
      expect(rows.map((row) => [row.id, row.balanceCents])).toEqual([
        ['acc-card', -98765],
        ['acc-checking', 1234567],
      ]);
    } finally {
      second.close();
    }
  });

  it('applies a pending migration on open, once, and keeps existing data', () => {
    const migrations = join(temp.path, 'migrations');
    cpSync(sourceMigrationsFolder, migrations, { recursive: true });
    const first = openDatabase(file, { migrationsFolder: migrations });
    seedTwoAccounts(first.db);
    first.close();

    addMigration(migrations, '9999_test_note', 'ALTER TABLE `accounts` ADD `test_note` text;');
    const second = openDatabase(file, { migrationsFolder: migrations });
    const migrationsAfterUpgrade = appliedMigrations(second);
    try {
      const columns = second.sqlite.pragma('table_info(accounts)') as { name: string }[];
      expect(columns.map((column) => column.name)).toContain('test_note');
      expect(second.db.select().from(accounts).all()).toHaveLength(2);
    } finally {
      second.close();
    }

    const third = openDatabase(file, { migrationsFolder: migrations });
    try {
      expect(appliedMigrations(third)).toEqual(migrationsAfterUpgrade);
    } finally {
      third.close();
    }
  });

  it("a database from the first release (migration 0000) upgrades to today's, keeping its data", () => {
    const firstRelease = join(temp.path, 'first-release');
    cpSync(sourceMigrationsFolder, firstRelease, { recursive: true });
    const journalPath = join(firstRelease, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag.startsWith('0000_'));
    writeFileSync(journalPath, JSON.stringify(journal));
    const old = openDatabase(file, { migrationsFolder: firstRelease });
    seedTwoAccountsInOlderBooks(old.sqlite);
    old.close();

    const upgraded = openDatabase(file);
    try {
      expect(upgraded.db.select().from(accounts).all()).toHaveLength(2);
      const tables = upgraded.sqlite
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all();
      expect(tables.map((table) => table.name)).toContain('institution_logos');
    } finally {
      upgraded.close();
    }
  });

  it('rolls back a failing migration as a whole and leaves the file usable', () => {
    const migrations = join(temp.path, 'migrations');
    cpSync(sourceMigrationsFolder, migrations, { recursive: true });
    openDatabase(file, { migrationsFolder: migrations }).close();

    addMigration(
      migrations,
      '9999_broken',
      'ALTER TABLE `accounts` ADD `test_note` text;--> statement-breakpoint\nALTER TABLE `no_such_table` ADD `x` text;',
    );
    expect(() => openDatabase(file, { migrationsFolder: migrations })).toThrow(/no_such_table/);

    const reopened = openDatabase(file);
    try {
      const columns = reopened.sqlite.pragma('table_info(accounts)') as { name: string }[];
      expect(columns.map((column) => column.name)).not.toContain('test_note');
    } finally {
      reopened.close();
    }
  });
});
