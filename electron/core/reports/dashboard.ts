import type Database from 'better-sqlite3';
import { type Dashboard, type DashboardMonth, ReportQuery, type TopCounterparty } from '../../shared/reports.ts';
import { inAccountOrder } from '../books/account-labels.ts';
import { balancesAtEnd, movementNets, reportAccounts } from './balances.ts';
import { counterpartySides, splitPartSides } from './counterparty-sides.ts';
import { categoryLines } from './profit-and-loss.ts';
import { monthlySums, monthsOf, prepared } from './report-rows.ts';

/** How many payers and payees the dashboard lists. */
const topCount = 10;

/**
 * The dashboard's figures, each aggregated in SQL from the same counted movements as the
 * P&L (report-rows.ts), so its months add up to the P&L's income and expenses and its
 * spending is the P&L's expense lines.
 */
export function dashboard(sqlite: Database.Database, input: ReportQuery): Dashboard {
  const query = ReportQuery.parse(input);
  const lines = categoryLines(sqlite, query);
  return {
    query,
    months: monthly(sqlite, query, lines),
    spending: lines
      .filter((line) => line.side === 'expense')
      .map(({ section: _section, side: _side, ...line }) => line)
      .sort((a, b) => a.cents - b.cents),
    balances: balances(sqlite, query),
    ...counterparties(sqlite, query, lines),
  };
}

/**
 * Income and expenses per month, summed by account and month as the buckets are read
 * (`monthlySums`), each category without a group on the side the P&L's `lines` put it.
 */
function monthly(sqlite: Database.Database, query: ReportQuery, lines: readonly CategoryLine[]): DashboardMonth[] {
  const sums = monthlySums(
    query,
    { ungroupedIncoming: ungroupedIncoming(lines) },
    ({ side }) => `
      sum(CASE WHEN (${side}) = 'income' THEN b.cents END) AS incomeCents,
      sum(CASE WHEN (${side}) = 'expense' THEN b.cents END) AS expenseCents`,
  );
  const rows = prepared(
    sqlite,
    `SELECT month, coalesce(sum(incomeCents), 0) AS incomeCents, coalesce(sum(expenseCents), 0) AS expenseCents
     FROM (${sums.sql}) GROUP BY month`,
  ).all(...sums.values) as Omit<DashboardMonth, 'netCents'>[];
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return monthsOf(query.from, query.to).map((month) => {
    const { incomeCents, expenseCents } = byMonth.get(month) ?? { incomeCents: 0, expenseCents: 0 };
    return { month, incomeCents, expenseCents, netCents: incomeCents + expenseCents };
  });
}

/** The P&L's lines as far as the dashboard reads them. */
type CategoryLine = { categoryId: string | null; reportGroup: string | null; section: string };

/** Which categories without a group the period's net puts on the income side, as the P&L's `lines` say. */
function ungroupedIncoming(lines: readonly CategoryLine[]): [string, number][] {
  return lines.flatMap((line) =>
    line.categoryId !== null && line.reportGroup === null
      ? [[line.categoryId, line.section === 'unclassified_income' ? 1 : 0] as [string, number]]
      : [],
  );
}

/**
 * Each account's balance at the end of every month of the period (at `to` for the last):
 * the balance at `to` (balances.ts) less what moved in the later months of the period
 * (`movementNets`).
 */
function balances(sqlite: Database.Database, query: ReportQuery): Dashboard['balances'] {
  const end = balancesAtEnd(query);
  const nets = movementNets(query, query.from, query.to);
  const accounts = reportAccounts(query);
  const rows = prepared(
    sqlite,
    `WITH RECURSIVE months(month) AS (
       SELECT substr(?, 1, 7)
       UNION ALL SELECT strftime('%Y-%m', month || '-01', '+1 month') FROM months WHERE month < substr(?, 1, 7)
     ),
     nets AS (SELECT account_id, month, sum(cents) AS cents FROM (${nets.sql}) GROUP BY account_id, month)
     SELECT a.id AS accountId, m.month,
       b.cents - coalesce(sum(n.cents) OVER (PARTITION BY a.id ORDER BY m.month DESC
                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cents
     FROM accounts a
     CROSS JOIN months m
     JOIN ${end.sql} b ON b.account_id = a.id
     LEFT JOIN nets n ON n.account_id = a.id AND n.month = m.month
     WHERE ${accounts.sql}
     ORDER BY m.month`,
  ).all(query.from, query.to, ...nets.values, ...end.values, ...accounts.values) as {
    accountId: string;
    month: string;
    cents: number;
  }[];
  // Named and listed as everywhere (account-labels.ts); each month's balances in that order.
  const list = inAccountOrder(
    sqlite,
    [...new Set(rows.map((row) => row.accountId))].map((accountId) => ({ accountId })),
  );
  const months = monthsOf(query.from, query.to).map((month) => {
    const of = new Map(rows.filter((row) => row.month === month).map((row) => [row.accountId, row.cents]));
    const balances = list.map(({ accountId }) => ({ accountId, cents: of.get(accountId) ?? 0 }));
    return { month, balances, totalCents: balances.reduce((sum, each) => sum + each.cents, 0) };
  });
  return { accounts: list, months };
}

/**
 * Top payers and payees by net amount, by the counterparty's name (the user's, else the
 * bank's), from the sums by counterparty and side (counterparty-sides.ts): a category
 * without a group is on the side the P&L's `lines` put it, by its net over the period
 * (over every movement, those without a counterparty too). A split counts as one movement
 * on each side its parts fall on (the sums count every part: the parts beyond the first
 * are taken off, from `splitPartSides`), its amount as its parts add up.
 */
function counterparties(
  sqlite: Database.Database,
  query: ReportQuery,
  lines: readonly CategoryLine[],
): Pick<Dashboard, 'topPayers' | 'topPayees'> {
  const sides = counterpartySides(query);
  const splits = splitPartSides(query);
  const sideOf = (row: string) =>
    `CASE WHEN ${row}.side <> '' THEN ${row}.side WHEN u.incoming THEN 'income' ELSE 'expense' END`;
  const rows = prepared(
    sqlite,
    `WITH counterparty_sides AS (${sides.sql}),
     ungrouped AS MATERIALIZED (SELECT value ->> 0 AS category_id, value ->> 1 AS incoming FROM json_each(?)),
     sided AS (
       SELECT s.counterparty AS name, s.cents, s.count, ${sideOf('s')} AS side
       FROM counterparty_sides s LEFT JOIN ungrouped u ON u.category_id = s.category_id),
     split_parts AS (
       SELECT p.counterparty AS name, p.transaction_id, ${sideOf('p')} AS side
       FROM (${splits.sql}) p LEFT JOIN ungrouped u ON u.category_id = p.category_id),
     extra_parts AS (
       SELECT side, name, count(*) - count(DISTINCT transaction_id) AS extra FROM split_parts GROUP BY side, name),
     ranked AS (
       SELECT side, name, sum(cents) AS cents, sum(count) AS count,
         row_number() OVER (PARTITION BY side
                            ORDER BY CASE side WHEN 'income' THEN -sum(cents) ELSE sum(cents) END, name) AS rank
       FROM sided WHERE side IN ('income', 'expense')
       GROUP BY side, name HAVING sum(count) <> 0)
     SELECT r.side, r.name, r.cents, r.count - coalesce(e.extra, 0) AS count
     FROM ranked r LEFT JOIN extra_parts e ON e.side = r.side AND e.name = r.name
     WHERE r.rank <= ${topCount}
     ORDER BY r.side, r.rank`,
  ).all(...sides.values, JSON.stringify(ungroupedIncoming(lines)), ...splits.values) as (TopCounterparty & {
    side: 'income' | 'expense';
  })[];
  const of = (side: 'income' | 'expense') =>
    rows.filter((row) => row.side === side).map(({ name, cents, count }) => ({ name, cents, count }));
  return { topPayers: of('income'), topPayees: of('expense') };
}
