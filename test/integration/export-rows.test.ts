import { describe, expect, it } from 'vitest';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { type ExportRow, exportPages } from '../../electron/core/books/export-rows.ts';
import type { TransactionFilters, TransactionPage, TransactionRow } from '../../electron/shared/transactions.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';

/**
 * The exports read their rows with `exportPages`, which takes accounts and split counts
 * from maps rather than from the page query's joins: its rows must still be the rows the
 * Transactions screen lists for the same filters, field for field.
 */
const session = handlerSession({
  seed: (database) => {
    const { checking, card } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write([
      ...generateProviderTransactions({ count: 1_200, accountId: checking, seed: 3 }),
      ...generateProviderTransactions({ count: 300, accountId: card, seed: 4, idPrefix: 'card' }),
    ]);
  },
});

/** What the screen lists for the filters, oldest first. */
async function screenRows(filters: TransactionFilters): Promise<TransactionRow[]> {
  const rows: TransactionRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await session.call<TransactionPage>('transactions:list', {
      filters,
      sort: 'date',
      descending: false,
      offset,
      limit: 1000,
    });
    rows.push(...page.rows);
    if (page.rows.length < 1000) return rows;
  }
}

async function exportRows(filters: TransactionFilters): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  // Small pages, so that the keyset resumes many times.
  for await (const page of exportPages(session.database.sqlite, filters, 97)) {
    expect(page.total).toBeGreaterThanOrEqual(rows.length + page.rows.length);
    rows.push(...page.rows);
  }
  return rows;
}

/** Splits of two and three parts, a category, notes, tags and usage of the user's, on some rows. */
async function editSome(rows: TransactionRow[]): Promise<{ split2: string; split3: string }> {
  const [two, three, noted, tagged] = rows.filter((row) => row.amountCents < -1000 && !row.pending);
  if (!two || !three || !noted || !tagged) throw new Error('the fixture has too few rows to edit');
  const software = presetCategoryId('software');
  const food = presetCategoryId('food');
  await session.call('transactions:split', {
    id: two.id,
    parts: [
      { categoryId: software, amountCents: two.amountCents + 500, note: 'licença' },
      { categoryId: food, amountCents: -500 },
    ],
  });
  await session.call('transactions:split', {
    id: three.id,
    parts: [
      { categoryId: software, amountCents: three.amountCents + 2 },
      { categoryId: food, amountCents: -1 },
      { categoryId: food, amountCents: -1 },
    ],
  });
  await session.call('transactions:update', {
    id: noted.id,
    patch: { notes: 'almoço com cliente', categoryId: food, usage: 'business', deductible: true },
  });
  await session.call('transactions:update', { id: tagged.id, patch: { tags: ['viagem', 'sp'], usage: 'personal' } });
  return { split2: two.id, split3: three.id };
}

describe('export rows', () => {
  it("are the screen's rows for the same filters, splits, categories and notes included", async () => {
    const { split2, split3 } = await editSome(await screenRows({}));
    const cases: TransactionFilters[] = [
      {},
      { accountIds: ['acc-card'] },
      { from: '2025-01-01', direction: 'out' },
      { usage: 'business' },
    ];
    for (const filters of cases) {
      const expected = await screenRows(filters);
      const exported = await exportRows(filters);
      expect(exported.length).toBeGreaterThan(0);
      expect(exported.map(({ accountAmountCents: _, accountCurrencyCode: __, ...row }) => row)).toEqual(expected);
      for (const row of exported) {
        expect(row.accountCurrencyCode).toBe('BRL');
        expect(row.accountAmountCents).toBe(row.amountCents);
      }
    }
    const all = await exportRows({});
    expect(all.find((row) => row.id === split2)).toMatchObject({ split: true, splitParts: 2 });
    expect(all.find((row) => row.id === split3)).toMatchObject({ split: true, splitParts: 3 });
    expect(all.filter((row) => row.split)).toHaveLength(2);
    expect(all.find((row) => row.notes === 'almoço com cliente')).toMatchObject({
      categoryId: presetCategoryId('food'),
      categorySource: 'manual',
      usage: 'business',
      deductible: true,
    });
    expect(all.find((row) => row.tags.length > 0)?.tags).toEqual(['viagem', 'sp']);
  });
});
