/**
 * The demo bank as a new user first sees it: the sandbox bank linked with every default
 * (user-ok), synced into real books over HTTPS, and the reports the app opens on. Every
 * figure is worked out from the synced books; the freelancer behind them changes with
 * each run (the item's id seeds it), so these hold for any of them.
 */
import { describe, expect, it } from 'vitest';
import { ensurePresetCategories, importPluggyCategories } from '../../../electron/core/books/categories.ts';
import { openingAtAccountStart } from '../../../electron/core/books/reconciliation/statement-suggestion.ts';
import { profitAndLoss } from '../../../electron/core/reports/profit-and-loss.ts';
import { ItemData, type PluggyTransaction } from '../../../electron/core/sandbox/data/item-data.ts';
import { presetRange } from '../../../renderer/src/features/reports/report-view.ts';
import { syncSession } from '../../support/sync-session.ts';

const session = syncSession();
/** The session's clock, 21/11/2026 at 09:00 in São Paulo. */
const today = '2026-11-21';

async function syncedDemoBooks() {
  const { db } = session.database;
  await importPluggyCategories(db, session.client);
  ensurePresetCategories(db);
  await session.sync.syncItem(session.itemId, 'connect');
}

/** The months of a period, first to last day; the last one is this month, still under way. */
function monthsOf(period: { from: string; to: string }) {
  const months: { month: string; from: string; to: string }[] = [];
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7);) {
    const [year, index] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, index, 0)).toISOString().slice(0, 10);
    months.push({ month, from: `${month}-01`, to: last });
    month = new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 7);
  }
  return months;
}

const accountId = (subtype: string) =>
  session.database.sqlite.prepare('SELECT id FROM accounts WHERE subtype = ?').pluck().get(subtype) as string;

describe("the demo freelancer's first reports", () => {
  it('show a year in profit, a few months at a loss, with next to nothing unclassified', async () => {
    await syncedDemoBooks();
    const period = presetRange('last-12', today);
    const year = profitAndLoss(session.database.sqlite, period);
    expect(year.incomeCents).toBeGreaterThan(0);
    expect(year.netCents).toBeGreaterThan(0);
    const unclassified = year.sections.find((section) => section.section === 'unclassified_expense')?.totalCents ?? 0;
    expect(Math.abs(unclassified)).toBeLessThanOrEqual(Math.abs(year.expenseCents) * 0.05);

    const months = monthsOf(period).map((month) => ({
      ...month,
      pnl: profitAndLoss(session.database.sqlite, { from: month.from, to: month.to }),
    }));
    expect(months).toHaveLength(12);
    expect(months.reduce((sum, month) => sum + month.pnl.netCents, 0)).toBe(year.netCents);
    const whole = months.slice(0, -1); // this month has only begun
    const income = whole.map((month) => month.pnl.incomeCents);
    const average = income.reduce((sum, cents) => sum + cents, 0) / income.length;
    expect(average).toBeGreaterThanOrEqual(10_000_00);
    expect(average).toBeLessThanOrEqual(25_000_00);
    // Irregular: some months bring far less than others.
    expect(Math.max(...income)).toBeGreaterThan(1.5 * Math.min(...income));
    const atALoss = whole.filter((month) => month.pnl.netCents < 0);
    expect(atALoss.length).toBeGreaterThanOrEqual(1);
    expect(atALoss.length).toBeLessThanOrEqual(Math.ceil(whole.length / 2)); // a few, not most

    // Groceries in proportion: bought every month, under R$ 2.500 a month on average.
    const groceries = year.sections.flatMap((section) => section.lines).find((line) => line.categoryId === '10000000');
    expect(groceries?.cents).toBeLessThan(0);
    expect(-(groceries?.cents ?? 0) / 12).toBeLessThan(2_500_00);
    // Rent is the largest expense of all.
    const expenses = year.sections.filter((section) => section.side === 'expense').flatMap((section) => section.lines);
    expect(expenses.toSorted((a, b) => a.cents - b.cents)[0]?.categoryId).toBe('17010000');
  });

  it('are paid by 4 to 8 clients, people and companies, by PIX and TED', async () => {
    await syncedDemoBooks();
    const payers = session.database.sqlite
      .prepare(
        `SELECT DISTINCT t.counterparty_document AS document, t.counterparty_document_type AS type, t.description
           FROM transactions t JOIN categories c ON c.id = coalesce(t.user_category_id, t.pluggy_category_id)
          WHERE c.report_group = 'income' AND t.removed_at IS NULL`,
      )
      .all() as { document: string | null; type: string | null; description: string }[];
    const documents = new Set(payers.map((payer) => payer.document));
    expect(documents.has(null)).toBe(false);
    expect(documents.size).toBeGreaterThanOrEqual(4);
    expect(documents.size).toBeLessThanOrEqual(8);
    expect(new Set(payers.map((payer) => payer.type))).toEqual(new Set(['CPF', 'CNPJ']));
    expect(payers.every((payer) => /^(PIX RECEBIDO|TED RECEBIDA) /.test(payer.description))).toBe(true);
  });

  it('pay INSS every month, and put money aside: savings grow month after month, checking stays in credit', async () => {
    await syncedDemoBooks();
    const { sqlite } = session.database;
    const period = presetRange('last-12', today);
    const inssMonths = sqlite
      .prepare(
        `SELECT DISTINCT substr(t.date, 1, 7) FROM transactions t
           JOIN categories c ON c.id = t.pluggy_category_id
          WHERE c.report_group = 'tax' AND (t.description LIKE '%INSS%' OR t.description LIKE '%DAS%')
            AND t.date BETWEEN ? AND ? AND t.removed_at IS NULL ORDER BY 1`,
      )
      .pluck()
      .all(period.from, period.to);
    expect(inssMonths).toEqual(monthsOf(period).map((month) => month.month));

    // Each whole month of history adds to savings (the first and this one are partial).
    const savingsByMonth = sqlite
      .prepare(
        `SELECT substr(date, 1, 7) AS month, sum(amount_cents) AS cents FROM transactions
          WHERE account_id = ? AND removed_at IS NULL GROUP BY 1 ORDER BY 1`,
      )
      .all(accountId('SAVINGS_ACCOUNT')) as { month: string; cents: number }[];
    expect(savingsByMonth.length).toBeGreaterThanOrEqual(13);
    for (const { month, cents } of savingsByMonth.slice(1, -1)) expect(cents, month).toBeGreaterThan(0);

    const checking = accountId('CHECKING_ACCOUNT');
    let balance = openingAtAccountStart(session.database.db, checking);
    const days = sqlite
      .prepare(
        `SELECT date, sum(amount_cents) AS cents FROM transactions
          WHERE account_id = ? AND removed_at IS NULL GROUP BY date ORDER BY date`,
      )
      .all(checking) as { date: string; cents: number }[];
    for (const { date, cents } of days) {
      balance += cents;
      expect(balance, date).toBeGreaterThan(0);
    }
  });
});

describe("the sandbox's seeded year", () => {
  const createdAt = Date.parse(`${today}T12:00:00.000Z`);
  const everyRow = (seed: number, itemId = 'item-1') => {
    const data = new ItemData({ seed, itemId, createdAt, transactionsPerItem: 1200 });
    const rows: PluggyTransaction[] = [];
    for (const account of data.accounts) {
      rows.push(...data.page(account, {}, undefined, data.count(account, {})).results);
    }
    return rows;
  };

  it('is the same for the same seed and item, and another for another seed or item', () => {
    const rows = everyRow(7);
    expect(rows.length).toBeGreaterThan(1200); // the history rows, and the year's scheduled ones
    expect(everyRow(7)).toEqual(rows);
    const fees = (list: PluggyTransaction[]) => list.filter((row) => row.categoryId === '01030000');
    expect(fees(everyRow(8))).not.toEqual(fees(rows));
    expect(fees(everyRow(7, 'item-2'))).not.toEqual(fees(rows));
  });
});
