import { balancesAtEnd } from '../reports/balances.ts';
import { accountAmount, type Prepare } from './transaction-conditions.ts';

/**
 * An account's register: its balance just after each of its transactions. The anchor is
 * the one every report uses (reports/balances.ts): the balance the bank last reported,
 * walked back through the live transactions booked after a day, pending ones included as
 * they are in that balance. Within the page's days, transactions follow in the list's own
 * order (date, then the order the books got them), so a day's last row closes the day at
 * the balance Fluxo de caixa gives for it, and the newest row of all shows the bank's figure.
 * Removed transactions are in no balance and on no page.
 *
 * Only the page's span of days is read, in transactions_listing_idx (account, date, the
 * amounts): the first page of a register reads its 200 rows and what is booked after them.
 * `rowids`: the page's rows (of `accountId`); the balances come back by transaction id.
 */
export function runningBalances(prepare: Prepare, accountId: string, rowids: readonly number[]): Map<string, number> {
  if (rowids.length === 0) return new Map();
  const page = JSON.stringify(rowids);
  const span = prepare(
    'SELECT min(date) AS first, max(date) AS last FROM transactions WHERE rowid IN (SELECT value FROM json_each(?))',
  ).get(page) as { first: string | null; last: string | null };
  if (span.first === null || span.last === null) return new Map();
  const end = balancesAtEnd({ from: span.last, to: span.last, accountIds: [accountId] });
  const found = prepare(
    `SELECT p.id, b.cents - w.newer FROM (
       SELECT t.rowid AS rowid,
         coalesce(sum(${accountAmount}) OVER (ORDER BY t.date DESC, t.rowid DESC
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS newer
       FROM transactions t
       WHERE t.account_id = ? AND t.date >= ? AND t.date <= ? AND t.removed_at IS NULL) w
     JOIN ${end.sql} b ON b.account_id = ?
     JOIN transactions p ON p.rowid = w.rowid
     WHERE w.rowid IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(accountId, span.first, span.last, ...end.values, accountId, page) as [string, number][];
  return new Map(found);
}
