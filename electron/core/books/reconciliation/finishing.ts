import { eq } from 'drizzle-orm';
import type { Db } from '../../../../db/open.ts';
import { accounts, reconciliations, transactions } from '../../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { MonthlyTotalsCatchUp } from '../../reports/totals-catch-up.ts';
import type { Language } from '../../../shared/models.ts';
import type { ReconciliationDraft, ReconciliationSummary } from '../../../shared/reconciliation.ts';
import { draftLines, latestFinished, reconciliationDraft, requireReconciliation } from './drafts.ts';
import { reconciliationSummary } from './history.ts';
import { statementStanding } from './statement-maths.ts';

/** The adjustment's description: a row of the books, so in the user's language, and unmistakable. */
export function adjustmentDescription(language: Language): string {
  return language === 'en' ? 'Reconciliation adjustment (Balancete)' : 'Ajuste de conciliação (Balancete)';
}

export interface FinishOptions {
  /** The difference the user confirmed recording as an adjustment transaction, if any. */
  adjustmentCents: number | null;
  /** The adjustment's description, in the user's language (it is a row of the books). */
  adjustmentDescription: string;
  /** Who finished it: the operating system's user. */
  finishedBy: string;
  now: Date;
}

/**
 * Finishes a draft (issue 7): exactly when its difference is zero, or with the adjustment
 * the user confirmed for exactly that difference. Its cleared lines become reconciled (locked), each with its amount
 * as it was, and the reconciliation records its balances, who and when. One SQLite
 * transaction: finished entirely, or still the draft it was.
 */
export function finishReconciliation(db: Db, id: number, options: FinishOptions): ReconciliationSummary {
  const at = options.now.toISOString();
  db.transaction((tx) => {
    const draft = requireReconciliation(tx, id, 'draft');
    const cleared = draftLines(db, draft).filter((line) => line.cleared);
    const standing = statementStanding({
      openingCents: draft.openingBalanceCents,
      statementCents: draft.statementBalanceCents,
      clearedCents: cleared.map((line) => line.amountCents),
    });
    if (!standing.balanced && options.adjustmentCents === null) {
      throw new AppError('RECONCILIATION_UNBALANCED', `Difference of ${standing.differenceCents} cents`, {
        differenceCents: standing.differenceCents,
      });
    }
    // The adjustment booked is the one the user read and confirmed, or none.
    if (options.adjustmentCents !== null && options.adjustmentCents !== standing.differenceCents) {
      throw new AppError(
        'RECONCILIATION_DIFFERENCE_CHANGED',
        `Difference of ${standing.differenceCents} cents, not the ${options.adjustmentCents} confirmed`,
        { differenceCents: standing.differenceCents },
      );
    }
    const sqlite = db.$client;
    // Ticks on lines that left the draft since (removed by the bank, dated later) do not count.
    sqlite
      .prepare(
        `DELETE FROM reconciliation_items WHERE reconciliation_id = ?
           AND transaction_id NOT IN (SELECT value FROM json_each(?))`,
      )
      .run(id, JSON.stringify(cleared.map((line) => line.id)));
    let adjustmentTransactionId: string | null = null;
    if (!standing.balanced) {
      adjustmentTransactionId = `balancete-adjustment-${id}`;
      const account = tx
        .select({ currencyCode: accounts.currencyCode })
        .from(accounts)
        .where(eq(accounts.id, draft.accountId))
        .get();
      tx.insert(transactions)
        .values({
          id: adjustmentTransactionId,
          accountId: draft.accountId,
          description: options.adjustmentDescription,
          amountCents: standing.differenceCents,
          currencyCode: account?.currencyCode ?? 'BRL',
          date: draft.statementDate,
          // Noon in São Paulo on the statement date, so the instant and the bookkeeping date agree.
          occurredAt: `${draft.statementDate}T15:00:00.000Z`,
          status: 'POSTED',
          origin: 'adjustment',
        })
        .run();
      sqlite
        .prepare('INSERT INTO reconciliation_items (reconciliation_id, transaction_id) VALUES (?, ?)')
        .run(id, adjustmentTransactionId);
      // Into the reports' monthly totals in this same transaction, as a sync's rows are.
      new MonthlyTotalsCatchUp(sqlite).countAll();
    }
    // Keep each line's amount as reconciled, and lock it. A user-data row made here is
    // marked, so undo can take it away again; rows that existed keep their updated_at.
    sqlite
      .prepare(
        `UPDATE reconciliation_items
            SET amount_cents = (SELECT coalesce(amount_in_account_currency_cents, amount_cents)
                                  FROM transactions WHERE id = transaction_id),
                created_user_data = NOT EXISTS (SELECT 1 FROM transaction_user_data u
                                                 WHERE u.transaction_id = reconciliation_items.transaction_id)
          WHERE reconciliation_id = ?`,
      )
      .run(id);
    sqlite
      .prepare(
        `INSERT INTO transaction_user_data (transaction_id, cleared_at, reconciled_at)
         SELECT transaction_id, ?, ? FROM reconciliation_items WHERE reconciliation_id = ?
         ON CONFLICT (transaction_id) DO UPDATE SET cleared_at = excluded.cleared_at, reconciled_at = excluded.reconciled_at`,
      )
      .run(at, at, id);
    tx.update(reconciliations)
      .set({
        status: 'finished',
        clearedTotalCents: standing.clearedTotalCents + (standing.balanced ? 0 : standing.differenceCents),
        differenceCents: 0,
        adjustmentTransactionId,
        finishedAt: at,
        finishedBy: options.finishedBy,
        updatedAt: at,
      })
      .where(eq(reconciliations.id, id))
      .run();
  });
  return reconciliationSummary(db, id);
}

/**
 * Undoes an account's latest reconciliation: its transactions are unlocked (user-data rows
 * that finishing made, and nobody touched since, go away again), its adjustment is
 * deleted, and it is the draft it was before finishing, ticks included. Refused while the
 * account has another draft, or while bank changes to its transactions wait for review
 * (unlocking would let the next sync apply them unseen).
 */
export function undoLastReconciliation(db: Db, accountId: string, now: Date): ReconciliationDraft {
  const id = db.transaction((tx) => {
    const sqlite = db.$client;
    const draftId = sqlite
      .prepare(`SELECT id FROM reconciliations WHERE account_id = ? AND status = 'draft'`)
      .pluck()
      .get(accountId) as number | undefined;
    if (draftId !== undefined) {
      throw new AppError('RECONCILIATION_IN_PROGRESS', `Account ${accountId} has a draft`, { draftId });
    }
    const last = latestFinished(tx, accountId);
    if (!last) throw new AppError('RECONCILIATION_NOT_FOUND', `Account ${accountId} has no finished reconciliation`);
    const openConflicts = sqlite
      .prepare('SELECT count(*) FROM reconciliation_conflicts WHERE reconciliation_id = ? AND resolved_at IS NULL')
      .pluck()
      .get(last.id) as number;
    if (openConflicts > 0) {
      throw new AppError('RECONCILIATION_CONFLICTS_OPEN', `${openConflicts} conflicts to review first`, {
        count: openConflicts,
      });
    }
    sqlite
      .prepare(
        `UPDATE transaction_user_data SET cleared_at = NULL, reconciled_at = NULL
          WHERE transaction_id IN (SELECT transaction_id FROM reconciliation_items WHERE reconciliation_id = ?)`,
      )
      .run(last.id);
    sqlite
      .prepare(
        `DELETE FROM transaction_user_data
          WHERE updated_at IS NULL AND transaction_id IN
                (SELECT transaction_id FROM reconciliation_items WHERE reconciliation_id = ? AND created_user_data)`,
      )
      .run(last.id);
    sqlite
      .prepare('UPDATE reconciliation_items SET amount_cents = NULL, created_user_data = 0 WHERE reconciliation_id = ?')
      .run(last.id);
    tx.update(reconciliations)
      .set({
        status: 'draft',
        clearedTotalCents: null,
        differenceCents: null,
        adjustmentTransactionId: null,
        finishedAt: null,
        finishedBy: null,
        updatedAt: now.toISOString(),
      })
      .where(eq(reconciliations.id, last.id))
      .run();
    if (last.adjustmentTransactionId) {
      const adjustment = last.adjustmentTransactionId;
      sqlite
        .prepare('DELETE FROM reconciliation_items WHERE reconciliation_id = ? AND transaction_id = ?')
        .run(last.id, adjustment);
      sqlite.prepare('DELETE FROM transaction_splits WHERE transaction_id = ?').run(adjustment);
      sqlite.prepare('DELETE FROM transaction_user_data WHERE transaction_id = ?').run(adjustment);
      sqlite.prepare('DELETE FROM transactions WHERE id = ?').run(adjustment);
    }
    return last.id;
  });
  return reconciliationDraft(db, id);
}
