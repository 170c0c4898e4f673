import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { transactions, transactionUserData } from '../../db/schema.ts';
import {
  type ProviderTransaction,
  ProviderTransactionWriter,
} from '../../electron/core/books/provider-transactions.ts';
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

/** A row with every provider field set, so a change to any one of them can be seen. */
function fullRow(): ProviderTransaction {
  return {
    id: 'tx-full',
    accountId,
    description: 'NETFLIX.COM',
    descriptionRaw: 'NETFLIX.COM 866-579-7172',
    amountCents: -5590,
    currencyCode: 'USD',
    amountInAccountCurrencyCents: -30412,
    date: '2026-03-01',
    occurredAt: '2026-03-01T12:00:00.000Z',
    status: 'PENDING',
    type: 'DEBIT',
    pluggyCategoryId: '09030000',
    paymentMethod: 'CREDIT_CARD',
    counterpartyName: 'Netflix',
    counterpartyDocument: '13590585000199',
    counterpartyDocumentType: 'CNPJ',
    merchantName: 'NETFLIX ENTRETENIMENTO BRASIL LTDA',
    merchantCnpj: '13590585000199',
    installmentNumber: 1,
    totalInstallments: 1,
    providerCreatedAt: '2026-03-01T12:00:00.000Z',
    providerUpdatedAt: '2026-03-01T12:00:00.000Z',
    raw: { id: 'tx-full', status: 'PENDING' },
  };
}

function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value} (changed)`;
  return { ...(value as object), changed: true };
}

describe('ProviderTransactionWriter', () => {
  it('stores every provider field of a row', () => {
    const row = fullRow();
    writer.write([row]);
    expect(database.db.select().from(transactions).get()).toEqual({
      ...row,
      firstSeenAt: expect.any(String) as string,
      updatedAt: null,
      removedAt: null,
      userCategoryId: null,
      userUsage: null,
      origin: 'bank',
      importId: null,
      externalId: null,
      transferId: null,
    });
  });

  it.each(Object.keys(fullRow()).filter((key) => key !== 'id' && key !== 'accountId'))(
    'notices a change to %s alone, and keeps when the row was first seen',
    (key) => {
      const row = fullRow();
      writer.write([row], new Date('2026-03-01T13:00:00.000Z'));
      const firstSeen = database.db.select().from(transactions).get()?.firstSeenAt;
      const edited = { ...row, [key]: changed(row[key as keyof ProviderTransaction]) };
      expect(writer.write([edited], new Date('2026-03-02T09:00:00.000Z'))).toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      const stored = database.db.select().from(transactions).get();
      expect(stored?.[key as keyof typeof stored]).toEqual(edited[key as keyof ProviderTransaction]);
      expect(stored?.updatedAt).toBe('2026-03-02T09:00:00.000Z');
      expect(stored?.firstSeenAt).toBe(firstSeen);
    },
  );

  it("notices a move to another of the user's accounts", () => {
    const row = fullRow();
    writer.write([row]);
    expect(writer.write([{ ...row, accountId: 'acc-card' }])).toMatchObject({ updated: 1 });
  });

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
