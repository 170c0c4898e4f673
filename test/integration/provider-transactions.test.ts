import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { transactions, transactionUserData } from '../../db/schema.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let writer: ProviderTransactionWriter;
let accountId: string;

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  accountId = seedTwoAccounts(database.db).checking;
  writer = new ProviderTransactionWriter(database.sqlite);
});
afterEach(() => {
  database.close();
  temp.remove();
});

const count = () => database.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM transactions').get()?.n;

describe('ProviderTransactionWriter', () => {
  it('inserts new rows with every provider field', () => {
    const rows = generateProviderTransactions({ count: 500, accountId });
    expect(writer.write(rows)).toEqual({ created: 500, updated: 0, unchanged: 0 });
    expect(count()).toBe(500);
    const first = rows[0];
    if (!first) throw new Error('no rows');
    const stored = database.db.select().from(transactions).where(eq(transactions.id, first.id)).get();
    expect(stored).toMatchObject({ ...first, merchantName: null, updatedAt: null, removedAt: null });
  });

  it('is idempotent: writing the same rows again changes nothing', () => {
    const rows = generateProviderTransactions({ count: 200, accountId });
    writer.write(rows, new Date('2026-01-01T00:00:00Z'));
    const before = database.db.select().from(transactions).all();
    expect(writer.write(rows, new Date('2026-02-01T00:00:00Z'))).toEqual({ created: 0, updated: 0, unchanged: 200 });
    expect(database.db.select().from(transactions).all()).toEqual(before);
  });

  it('rewrites only rows whose provider fields changed', () => {
    const rows = generateProviderTransactions({ count: 50, accountId });
    writer.write(rows);
    const changed = rows.map((row, index) =>
      index % 10 === 0 ? { ...row, status: 'POSTED', amountCents: row.amountCents + 1 } : row,
    );
    expect(writer.write(changed)).toEqual({ created: 0, updated: 5, unchanged: 45 });
    const row = changed[0];
    if (!row) throw new Error('no rows');
    expect(database.db.select().from(transactions).where(eq(transactions.id, row.id)).get()?.amountCents).toBe(
      row.amountCents,
    );
  });

  it('notices a field going from null to a value and back', () => {
    const [row] = generateProviderTransactions({ count: 1, accountId });
    if (!row) throw new Error('no rows');
    writer.write([{ ...row, merchantName: null }]);
    expect(writer.write([{ ...row, merchantName: 'null' }])).toMatchObject({ updated: 1 });
    expect(writer.write([{ ...row, merchantName: null }])).toMatchObject({ updated: 1 });
    expect(writer.write([{ ...row, raw: { ...(row.raw as object), extra: 1 } }])).toMatchObject({ updated: 1 });
  });

  it('never touches user fields', () => {
    const rows = generateProviderTransactions({ count: 3, accountId });
    writer.write(rows);
    const [row] = rows;
    if (!row) throw new Error('no rows');
    database.db
      .insert(transactionUserData)
      .values({ transactionId: row.id, notes: 'Nota fiscal 123', usage: 'business' })
      .run();
    writer.write([{ ...row, description: 'CHANGED BY THE BANK' }]);
    expect(
      database.db.select().from(transactionUserData).where(eq(transactionUserData.transactionId, row.id)).get(),
    ).toMatchObject({ notes: 'Nota fiscal 123', usage: 'business' });
  });

  it('restores a row the bank had dropped when it comes back', () => {
    const rows = generateProviderTransactions({ count: 1, accountId });
    writer.write(rows);
    database.sqlite.prepare("UPDATE transactions SET removed_at = '2026-01-01T00:00:00.000Z'").run();
    expect(writer.write(rows)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(database.db.select().from(transactions).get()?.removedAt).toBeNull();
  });

  it('writes a batch all or nothing', () => {
    const rows = generateProviderTransactions({ count: 100, accountId });
    const broken = rows.map((row, index) => (index === 99 ? { ...row, accountId: 'no-such-account' } : row));
    expect(() => writer.write(broken)).toThrow(/FOREIGN KEY/);
    expect(count()).toBe(0);
  });
});
