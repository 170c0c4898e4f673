import { describe, expect, it } from 'vitest';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { type ExportRow, exportPages } from '../../electron/core/books/export-rows.ts';
import type { ProfitAndLoss } from '../../electron/shared/reports.ts';
import type { TransactionFilters, TransactionRow, TransactionTotals } from '../../electron/shared/transactions.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { screenRows as listedRows } from '../support/screen-rows.ts';

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

const screenRows = (filters: TransactionFilters) => listedRows(session, filters);

async function exportRows(filters: TransactionFilters, parts = false): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  let transactions = 0;
  // Small pages, so that the keyset resumes many times.
  for await (const page of exportPages(session.database.sqlite, filters, { pageSize: 97, parts })) {
    transactions += page.transactions;
    expect(page.total).toBeGreaterThanOrEqual(transactions);
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
      expect(exported.map(({ part: _, ...row }) => row)).toEqual(expected);
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

describe('export rows as parts', () => {
  it('list a split as a line per part: its category, its share and its note; other rows as they are', async () => {
    const { split2, split3 } = await editSome(await screenRows({}));
    const whole = await exportRows({});
    const lines = await exportRows({}, true);
    expect(lines).toHaveLength(whole.length + 1 + 2);
    const two = lines.filter((line) => line.id === split2);
    const original = whole.find((row) => row.id === split2);
    expect(two.map((line) => [line.categoryId, line.accountAmountCents, line.notes, line.part])).toEqual([
      [presetCategoryId('software'), (original?.amountCents ?? 0) + 500, 'licença', { number: 1, of: 2 }],
      [presetCategoryId('food'), -500, original?.notes ?? null, { number: 2, of: 2 }],
    ]);
    const three = lines.filter((line) => line.id === split3);
    expect(three.map((line) => line.part)).toEqual([
      { number: 1, of: 3 },
      { number: 2, of: 3 },
      { number: 3, of: 3 },
    ]);
    expect(three.reduce((sum, line) => sum + line.accountAmountCents, 0)).toBe(
      whole.find((row) => row.id === split3)?.accountAmountCents,
    );
    const others = lines.filter((line) => line.id !== split2 && line.id !== split3);
    expect(others).toEqual(whole.filter((row) => row.id !== split2 && row.id !== split3));
  });

  it('sum by category to the DRE of the same period, to the cent (what an accountant checks first)', async () => {
    await editSome(await screenRows({}));
    const period = { from: '2024-01-01', to: '2026-12-31' };
    const lines = await exportRows(period, true);
    const byCategory = new Map<string | null, number>();
    for (const line of lines)
      byCategory.set(line.categoryId, (byCategory.get(line.categoryId) ?? 0) + line.accountAmountCents);
    const report = await session.call<ProfitAndLoss>('reports:profit-and-loss', period);
    const reported = new Map<string | null, number>();
    for (const section of report.sections)
      for (const line of section.lines)
        reported.set(line.categoryId, (reported.get(line.categoryId) ?? 0) + line.cents);
    expect(byCategory.size).toBeGreaterThan(3);
    expect(new Map([...byCategory].filter(([, cents]) => cents !== 0))).toEqual(
      new Map([...reported].filter(([, cents]) => cents !== 0)),
    );
  });

  it('filtered by a category, hold the parts in it, and sum to its DRE line (a split is found by its parts)', async () => {
    const before = await screenRows({});
    const { split2 } = await editSome(before);
    const food = presetCategoryId('food');
    const ownCategory = before.find((row) => row.id === split2)?.categoryId;
    if (!ownCategory || ownCategory === food || ownCategory === presetCategoryId('software'))
      throw new Error('the fixture split a row already in a part category');
    // The screen: the split is listed under its parts' categories, not under its own.
    expect((await screenRows({ categoryIds: [food] })).some((row) => row.id === split2)).toBe(true);
    expect((await screenRows({ categoryIds: [ownCategory] })).some((row) => row.id === split2)).toBe(false);
    // The file: only the food part of it, and food's lines add up to food's DRE line.
    const lines = await exportRows({ categoryIds: [food] }, true);
    expect(new Set(lines.map((line) => line.categoryId))).toEqual(new Set([food]));
    expect(lines.filter((line) => line.id === split2).map((line) => [line.accountAmountCents, line.part])).toEqual([
      [-500, { number: 2, of: 2 }],
    ]);
    const report = await session.call<ProfitAndLoss>('reports:profit-and-loss', {
      from: '2000-01-01',
      to: '2199-12-31',
    });
    const foodLine = report.sections.flatMap((section) => section.lines).filter((line) => line.categoryId === food);
    const foodCents = foodLine.reduce((sum, line) => sum + line.cents, 0);
    expect(lines.reduce((sum, line) => sum + line.accountAmountCents, 0)).toBe(foodCents);
    // The screen's totals for the filter count the split's food part too, not its whole.
    const totals = await session.call<TransactionTotals>('transactions:totals', { categoryIds: [food] });
    expect(totals.netCents).toBe(foodCents);
  });
});
