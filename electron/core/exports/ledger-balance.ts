import type Database from 'better-sqlite3';
import { accountAmount } from '../reports/report-rows.ts';

/**
 * An account's posted balance at the end of a bookkeeping day: the OFX statement's
 * LEDGERBAL (issue 17 item 7). The bank's balance holds every movement the books hold,
 * pending ones too (reports/balances.ts walks it back the same way), so the posted balance
 * is that figure less what is still pending, whatever its date, and less the posted
 * movements dated after the day. Consecutive statements then chain: one's ledger balance
 * plus the next one's listed (posted) transactions is the next one's ledger balance.
 */
export function ledgerBalanceCents(sqlite: Database.Database, accountId: string, day: string): number {
  return sqlite
    .prepare(
      `SELECT a.balance_cents - coalesce(sum(${accountAmount}), 0)
       FROM accounts a
       LEFT JOIN transactions t ON t.account_id = a.id AND t.removed_at IS NULL AND (t.status = 'PENDING' OR t.date > ?)
       WHERE a.id = ?`,
    )
    .pluck()
    .get(day, accountId) as number;
}
