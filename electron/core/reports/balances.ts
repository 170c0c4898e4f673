import { dayAfter } from '../../shared/calendar-day.ts';
import type { ReportQuery } from '../../shared/reports.ts';
import { totalNets } from './monthly-totals.ts';
import { accountAmount, accountSet, periodSources, type Sql } from './report-rows.ts';

/**
 * Account balances at a past date. The anchor is the balance the bank last reported
 * (accounts.balance_cents, in the user's sign: a card's debt is negative), walked back
 * through the books' live movements dated after the day: pending rows and reconciliation
 * adjustments included, as they stand in the books for money the balance already holds.
 * Balances are the account's, whatever the business-only switch says.
 */

/** The query's accounts, as `a` (without a filter, those not hidden: see `accountSet`). */
export function reportAccounts(query: ReportQuery): Sql {
  if (query.accountIds)
    return { sql: 'a.id IN (SELECT value FROM json_each(?))', values: [JSON.stringify(query.accountIds)] };
  return { sql: query.includeHidden === true ? '1' : 'a.hidden_at IS NULL', values: [] };
}

/**
 * What moved in each of the query's accounts in each month from `from` to `to` (inclusive
 * days; `to` null for no end), as `(account_id, month, cents)`: whole months from the
 * running totals (monthly-totals.ts) and the rows they do not count yet, the days of
 * partial ones from the rows.
 */
export function movementNets(query: ReportQuery, from: string, to: string | null): Sql {
  return periodSources(
    query,
    { from, to },
    {
      days: (days) => netsOf(days),
      months: (months) => [totalNets(accountSet(query), months)],
      uncounted: (rows) => netsOf(rows, true),
    },
  );
}

/**
 * The account amounts of the rows `period` picks (over `t`), by account and month;
 * `byRowid` as for report-rows.ts's `rowBuckets`.
 */
function netsOf(period: Sql, byRowid = false): Sql {
  return {
    sql: `SELECT t.account_id, substr(t.date, 1, 7) AS month, sum(${accountAmount}) AS cents
          FROM transactions t${byRowid ? ' NOT INDEXED' : ''} WHERE ${period.sql} GROUP BY t.account_id, month`,
    values: period.values,
  };
}

/**
 * `balance_at_to`: each of the query's accounts' balance at the end of `to`, as
 * `(account_id, cents)`; to be joined on `accounts a`.
 */
export function balancesAtEnd(query: ReportQuery): Sql {
  const later = movementNets(query, dayAfter(query.to), null);
  return {
    sql: `(SELECT a.id AS account_id, a.balance_cents - coalesce(l.cents, 0) AS cents
           FROM accounts a
           LEFT JOIN (SELECT account_id, sum(cents) AS cents FROM (${later.sql}) GROUP BY account_id) l
             ON l.account_id = a.id)`,
    values: later.values,
  };
}
