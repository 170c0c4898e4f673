import type Database from 'better-sqlite3';
import { type Dashboard, type DashboardMonth, ReportQuery, type TopCounterparty } from '../../shared/reports.ts';
import { inAccountOrder } from '../books/account-labels.ts';
import { balancesAtEnd, movementNets, reportAccounts } from './balances.ts';
import { categoryLines } from './profit-and-loss.ts';
import { classifiedMovements, monthsOf, prepared } from './report-rows.ts';

/** How many payers and payees the dashboard lists. */
const topCount = 10;

/**
 * The dashboard's figures, each aggregated in SQL from the same counted movements as the
 * P&L (`classifiedMovements`), so its months add up to the P&L's income and expenses and
 * its spending is the P&L's expense lines.
 */
export function dashboard(sqlite: Database.Database, input: ReportQuery): Dashboard {
  const query = ReportQuery.parse(input);
  return {
    query,
    months: monthly(sqlite, query),
    spending: categoryLines(sqlite, query)
      .filter((line) => line.side === 'expense')
      .map(({ section: _section, side: _side, ...line }) => line)
      .sort((a, b) => a.cents - b.cents),
    balances: balances(sqlite, query),
    ...counterparties(sqlite, query),
  };
}

function monthly(sqlite: Database.Database, query: ReportQuery): DashboardMonth[] {
  const movements = classifiedMovements(query);
  const rows = prepared(
    sqlite,
    `${movements.sql}
     SELECT month,
       coalesce(sum(CASE WHEN side = 'income' THEN cents END), 0) AS incomeCents,
       coalesce(sum(CASE WHEN side = 'expense' THEN cents END), 0) AS expenseCents
     FROM classified GROUP BY month`,
  ).all(...movements.values) as Omit<DashboardMonth, 'netCents'>[];
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return monthsOf(query.from, query.to).map((month) => {
    const { incomeCents, expenseCents } = byMonth.get(month) ?? { incomeCents: 0, expenseCents: 0 };
    return { month, incomeCents, expenseCents, netCents: incomeCents + expenseCents };
  });
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

/** Top payers and payees by net amount, by the counterparty's name (the user's, else the bank's). */
function counterparties(sqlite: Database.Database, query: ReportQuery): Pick<Dashboard, 'topPayers' | 'topPayees'> {
  const movements = classifiedMovements(query, { counterparty: true });
  const rows = prepared(
    sqlite,
    `${movements.sql}
     SELECT side, name, cents, count FROM (
       SELECT side, counterparty AS name, sum(cents) AS cents, sum(count) AS count,
         row_number() OVER (PARTITION BY side
                            ORDER BY CASE side WHEN 'income' THEN -sum(cents) ELSE sum(cents) END, counterparty) AS rank
       FROM classified WHERE side IS NOT NULL AND counterparty IS NOT NULL
       GROUP BY side, counterparty)
     WHERE rank <= ${topCount}
     ORDER BY side, rank`,
  ).all(...movements.values) as (TopCounterparty & { side: 'income' | 'expense' })[];
  const of = (side: 'income' | 'expense') =>
    rows.filter((row) => row.side === side).map(({ name, cents, count }) => ({ name, cents, count }));
  return { topPayers: of('income'), topPayees: of('expense') };
}
