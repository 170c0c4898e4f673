import type { ReportQuery } from '../../shared/reports.ts';
import { accountAmount, accountsAndDays, type Sql } from './report-rows.ts';

/**
 * Account balances at a past date. The anchor is the balance the bank last reported
 * (accounts.balance_cents, in the user's sign: a card's debt is negative), walked back
 * through the books' live movements dated after the day: pending rows and reconciliation
 * adjustments included, as they stand in the books for money the balance already holds.
 * Balances are the account's, whatever the business-only switch says.
 */

/** The query's accounts, as `a` (without a filter, those not hidden: see `accountsAndDays`). */
export function reportAccounts(query: ReportQuery): Sql {
  if (query.accountIds)
    return { sql: 'a.id IN (SELECT value FROM json_each(?))', values: [JSON.stringify(query.accountIds)] };
  return { sql: query.includeHidden === true ? '1' : 'a.hidden_at IS NULL', values: [] };
}

/**
 * `balance_at_to`: each of the query's accounts' balance at the end of `to`, as
 * `(account_id, cents)`; to be joined on `accounts a`.
 */
export function balancesAtEnd(query: ReportQuery): Sql {
  const later = accountsAndDays(query, { after: query.to });
  return {
    sql: `(SELECT a.id AS account_id, a.balance_cents - coalesce(l.cents, 0) AS cents
           FROM accounts a
           LEFT JOIN (SELECT t.account_id, sum(${accountAmount}) AS cents FROM transactions t
                      WHERE ${later.sql} GROUP BY t.account_id) l ON l.account_id = a.id)`,
    values: later.values,
  };
}
