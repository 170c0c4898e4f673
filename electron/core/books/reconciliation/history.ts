import type { Db } from '../../../../db/open.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ReconciliationSummary } from '../../../shared/reconciliation.ts';

/**
 * An account's finished reconciliations with their balances and their health: bank
 * changes waiting for review, and how far accepted changes have moved the reconciled
 * total since (a changed amount, a dropped transaction). Either makes it broken.
 */
const summarySql = `
  SELECT r.id, r.account_id AS accountId, r.statement_date AS statementDate,
         r.opening_balance_cents AS openingBalanceCents, r.statement_balance_cents AS statementBalanceCents,
         r.cleared_total_cents AS clearedTotalCents, r.finished_at AS finishedAt, r.finished_by AS finishedBy,
         (SELECT count(*) FROM reconciliation_items i WHERE i.reconciliation_id = r.id) AS transactionCount,
         (SELECT amount_cents FROM transactions WHERE id = r.adjustment_transaction_id) AS adjustmentCents,
         (SELECT count(*) FROM reconciliation_conflicts c
           WHERE c.reconciliation_id = r.id AND c.resolved_at IS NULL) AS openConflicts,
         (SELECT coalesce(sum(CASE WHEN t.removed_at IS NULL
                                   THEN coalesce(t.amount_in_account_currency_cents, t.amount_cents) ELSE 0 END), 0)
            FROM reconciliation_items i JOIN transactions t ON t.id = i.transaction_id
           WHERE i.reconciliation_id = r.id) - r.cleared_total_cents AS driftCents,
         (SELECT count(*) FROM reconciliation_events e
           WHERE e.reconciliation_id = r.id AND e.kind IN ('edited', 'split', 'categorized')) AS changesAfterFinish,
         r.id = (SELECT id FROM reconciliations l WHERE l.account_id = r.account_id AND l.status = 'finished'
                  ORDER BY l.statement_date DESC, l.id DESC LIMIT 1) AS undoable
    FROM reconciliations r
   WHERE r.status = 'finished'`;

type SummaryRow = Omit<ReconciliationSummary, 'broken' | 'undoable'> & { undoable: number };

function toSummary(row: SummaryRow): ReconciliationSummary {
  return { ...row, broken: row.openConflicts > 0 || row.driftCents !== 0, undoable: row.undoable === 1 };
}

export function reconciliationHistory(db: Db, accountId: string): ReconciliationSummary[] {
  const rows = db.$client
    .prepare(`${summarySql} AND r.account_id = ? ORDER BY r.statement_date DESC, r.id DESC`)
    .all(accountId) as SummaryRow[];
  return rows.map(toSummary);
}

export function reconciliationSummary(db: Db, id: number): ReconciliationSummary {
  const row = db.$client.prepare(`${summarySql} AND r.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new AppError('RECONCILIATION_NOT_FOUND', `No finished reconciliation ${id}`);
  return toSummary(row);
}
