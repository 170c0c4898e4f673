import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { cashFlow } from '../../electron/core/reports/cash-flow.ts';
import { dashboard } from '../../electron/core/reports/dashboard.ts';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import { MonthlyTotalsCatchUp } from '../../electron/core/reports/totals-catch-up.ts';
import type { ReportQuery } from '../../electron/shared/reports.ts';
import { generateBookRows, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { foldLivroCaixa, foldProfitAndLoss, readMovements } from '../support/report-fold.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/**
 * The reports against a second, independent computation (test/support/report-fold.ts: a
 * TypeScript fold over the raw rows) on two years of generated books with every kind of
 * movement the rules talk about. They must agree to the cent.
 */
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let movements: ReturnType<typeof readMovements>;
/** seedReportBooks' accounts. */
const ids = { checking: 'acc-checking', card: 'acc-card', savings: 'acc-savings' };

beforeAll(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  expect(seedReportBooks(database.db)).toEqual(ids);
  writeBookRows(database.db, generateBookRows({ count: 4_000, seed: 8, ...ids }));
  // Counted into the running totals, as the app counts a sync's rows: whole months are then
  // read from the totals (monthly-totals.test.ts covers rows not counted yet).
  new MonthlyTotalsCatchUp(database.sqlite).countAll();
  movements = readMovements(database.sqlite);
});

afterAll(() => {
  database.close();
  temp.remove();
});

const queries = (): [string, ReportQuery][] => [
  ['two whole years', { from: '2025-01-01', to: '2026-12-31' }],
  ['one month', { from: '2026-03-01', to: '2026-03-31' }],
  ['mid-month to mid-month', { from: '2025-05-17', to: '2025-11-03' }],
  ['one day', { from: '2025-08-12', to: '2025-08-12' }],
  ['checking and card only', { from: '2025-01-01', to: '2025-12-31', accountIds: [ids.checking, ids.card] }],
  ['business only', { from: '2025-01-01', to: '2026-12-31', businessOnly: true }],
  ['savings, business only', { from: '2026-01-01', to: '2026-06-30', accountIds: [ids.savings], businessOnly: true }],
];

describe('reports against a fold over the raw rows', () => {
  it('has generated books with every kind of row the rules cover', () => {
    const count = (sql: string) => database.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(DISTINCT transaction_id) FROM transaction_splits')).toBeGreaterThan(100);
    expect(
      count("SELECT count(*) FROM transactions WHERE pluggy_category_id IN ('04000000', '05100000')"),
    ).toBeGreaterThan(100);
    expect(count('SELECT count(*) FROM transactions WHERE removed_at IS NOT NULL')).toBeGreaterThan(20);
    expect(count("SELECT count(*) FROM transactions WHERE origin = 'adjustment'")).toBeGreaterThan(20);
    expect(
      count('SELECT count(*) FROM transactions WHERE amount_in_account_currency_cents IS NOT NULL'),
    ).toBeGreaterThan(20);
    expect(count("SELECT count(*) FROM transactions WHERE user_usage = 'business'")).toBeGreaterThan(100);
    expect(count('SELECT count(*) FROM transaction_user_data WHERE deductible = 1')).toBeGreaterThan(50);
    expect(count('SELECT count(*) FROM transaction_user_data WHERE deductible = 0')).toBeGreaterThan(50);
    expect(
      count(
        "SELECT count(*) FROM transactions WHERE account_id = 'acc-card' AND amount_cents > 0 AND pluggy_category_id IS NOT '05100000'",
      ),
    ).toBeGreaterThan(20);
  });

  it.each(queries())('P&L agrees to the cent: %s', (_, query) => {
    const report = profitAndLoss(database.sqlite, query);
    const folded = foldProfitAndLoss(movements, query);
    const lines = new Map(
      report.sections.flatMap((section) =>
        section.lines.map((line) => [`${section.section}|${line.categoryId ?? ''}`, line.cents]),
      ),
    );
    expect(lines).toEqual(folded.lines);
    expect(report.incomeCents).toBe(folded.incomeCents);
    expect(report.expenseCents).toBe(folded.expenseCents);
    expect(report.notCountedCents).toBe(folded.notCountedCents);
    expect(report.netCents).toBe(report.incomeCents + report.expenseCents);
    for (const section of report.sections) {
      expect(section.totalCents).toBe(section.lines.reduce((sum, line) => sum + line.cents, 0));
    }
    // Nothing dropped: every counted movement is in a section.
    const all = movements.filter(
      (m) =>
        m.date >= query.from &&
        m.date <= query.to &&
        (!query.accountIds || query.accountIds.includes(m.accountId)) &&
        (!query.businessOnly || m.usage === 'business'),
    );
    expect(report.netCents + report.notCountedCents).toBe(all.reduce((sum, m) => sum + m.cents, 0));
  });

  it.each(queries())('livro-caixa agrees to the cent: %s', (_, query) => {
    const report = livroCaixa(database.sqlite, query);
    const folded = foldLivroCaixa(movements, query);
    expect(
      report.months.map(
        ({
          month,
          incomeCents,
          deductibleCents,
          deductionUsedCents,
          taxableBaseCents,
          carriedOutCents,
          lapsedCents,
        }) => ({
          month,
          incomeCents,
          deductibleCents,
          deductionUsedCents,
          taxableBaseCents,
          carriedOutCents,
          lapsedCents,
        }),
      ),
    ).toEqual(folded);
    expect(report.totals.taxableBaseCents).toBe(folded.reduce((sum, month) => sum + month.taxableBaseCents, 0));
    expect(report.totals.incomeCents).toBe(report.months.reduce((sum, month) => sum + month.incomeCents, 0));
  });

  it.each(queries())('cash flow and dashboard tie out with the P&L: %s', (_, query) => {
    const pnl = profitAndLoss(database.sqlite, query);
    const folded = foldProfitAndLoss(movements, query);
    const flow = cashFlow(database.sqlite, query);
    for (const account of flow.accounts) {
      expect({ inCents: account.inCents, outCents: account.outCents }).toEqual(
        folded.accounts.get(account.accountId) ?? { inCents: 0, outCents: 0 },
      );
      if (account.openingBalanceCents !== null && account.closingBalanceCents !== null) {
        expect(account.openingBalanceCents + account.netCents).toBe(account.closingBalanceCents);
      }
    }
    expect(flow.totals.netCents).toBe(pnl.netCents + pnl.notCountedCents);
    expect(flow.accounts.map((account) => account.accountId).sort()).toEqual(
      (query.accountIds ?? [ids.checking, ids.card, ids.savings]).sort(),
    );

    const board = dashboard(database.sqlite, query);
    expect(board.months.reduce((sum, month) => sum + month.incomeCents, 0)).toBe(pnl.incomeCents);
    expect(board.months.reduce((sum, month) => sum + month.expenseCents, 0)).toBe(pnl.expenseCents);
    expect(board.spending.reduce((sum, line) => sum + line.cents, 0)).toBe(pnl.expenseCents);
    const last = board.balances.months.at(-1);
    if (!query.businessOnly) {
      expect(last?.totalCents).toBe(flow.totals.closingBalanceCents);
      for (const balance of last?.balances ?? []) {
        expect(balance.cents).toBe(
          flow.accounts.find((account) => account.accountId === balance.accountId)?.closingBalanceCents,
        );
      }
    }
  });

  it('balances month by month: each month-end is the previous one plus the month’s movements', () => {
    const query = { from: '2025-01-01', to: '2025-12-31' };
    const board = dashboard(database.sqlite, query);
    const opening = cashFlow(database.sqlite, { from: '2025-01-01', to: '2025-01-31' });
    let previous = new Map(opening.accounts.map((account) => [account.accountId, account.openingBalanceCents ?? 0]));
    for (const month of board.balances.months) {
      const moved = foldProfitAndLoss(movements, { from: `${month.month}-01`, to: `${month.month}-31` }).accounts;
      for (const balance of month.balances) {
        const { inCents, outCents } = moved.get(balance.accountId) ?? { inCents: 0, outCents: 0 };
        expect(balance.cents).toBe((previous.get(balance.accountId) ?? 0) + inCents + outCents);
      }
      previous = new Map(month.balances.map((balance) => [balance.accountId, balance.cents]));
    }
    expect(board.months).toHaveLength(12);
  });
});
