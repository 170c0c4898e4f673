import type Database from 'better-sqlite3';

/**
 * A manual account's balance as its rows make it: the opening balance plus every live
 * transaction from the opening date on, as of the later of that date and its newest row.
 * A bank's account is left alone (its bank says its balance). Call it in the transaction
 * that changed the rows (on the same connection: better-sqlite3 has one).
 */
export function refreshManualBalance(sqlite: Database.Database, accountId: string): void {
  sqlite
    .prepare(
      `UPDATE accounts SET
         balance_cents = opening_balance_cents + coalesce((
           SELECT sum(coalesce(t.amount_in_account_currency_cents, t.amount_cents)) FROM transactions t
            WHERE t.account_id = accounts.id AND t.removed_at IS NULL AND t.date >= accounts.opening_balance_date), 0),
         balance_date = max(opening_balance_date, coalesce((
           SELECT max(t.date) FROM transactions t WHERE t.account_id = accounts.id AND t.removed_at IS NULL), ''))
       WHERE id = ? AND opening_balance_date IS NOT NULL`,
    )
    .run(accountId);
}
