import type { Db } from '../../../../db/open.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ReconciliationConflict } from '../../../shared/reconciliation.ts';

/**
 * Bank changes to reconciled transactions that sync held back (migration 0006's triggers),
 * and the user's answer to each: keep the reconciled version, or accept the bank's.
 */

type ConflictKind = ReconciliationConflict['kind'];

/** The statement fields the triggers hold back, as they keep them in `incoming`. */
interface IncomingFields {
  date: string;
  description: string;
  amountCents: number;
  amountInAccountCurrencyCents: number | null;
  currencyCode: string;
  status: string;
}

/** A conflict with its transaction's fields as reconciled. */
interface ConflictRow extends IncomingFields {
  id: number;
  reconciliationId: number;
  statementDate: string;
  transactionId: string;
  kind: ConflictKind;
  detectedAt: string;
  incoming: string | null;
  accountCurrencyCode: string;
}

/** One version of the transaction as the screen shows it: what the account was charged first, its own amount beside it. */
const side = (fields: IncomingFields, accountCurrencyCode: string): ReconciliationConflict['reconciled'] => ({
  date: fields.date,
  description: fields.description,
  amountCents: fields.amountInAccountCurrencyCents ?? fields.amountCents,
  accountCurrencyCode,
  originalAmountCents: fields.amountCents,
  currencyCode: fields.currencyCode,
  status: fields.status,
});

export function openConflicts(db: Db, accountId?: string): ReconciliationConflict[] {
  const rows = db.$client
    .prepare(
      `SELECT c.id, c.reconciliation_id AS reconciliationId, r.statement_date AS statementDate,
              c.transaction_id AS transactionId, c.kind, c.detected_at AS detectedAt, c.incoming,
              t.date, t.description, t.amount_cents AS amountCents,
              t.amount_in_account_currency_cents AS amountInAccountCurrencyCents, t.currency_code AS currencyCode,
              t.status, a.currency_code AS accountCurrencyCode
         FROM reconciliation_conflicts c
         JOIN reconciliations r ON r.id = c.reconciliation_id
         JOIN accounts a ON a.id = r.account_id
         JOIN transactions t ON t.id = c.transaction_id
        WHERE c.resolved_at IS NULL AND (@accountId IS NULL OR r.account_id = @accountId)
        ORDER BY r.statement_date, t.date, c.id`,
    )
    .all({ accountId: accountId ?? null }) as ConflictRow[];
  return rows.map((row) => {
    const incoming = row.incoming === null ? null : (JSON.parse(row.incoming) as IncomingFields);
    return {
      id: row.id,
      reconciliationId: row.reconciliationId,
      statementDate: row.statementDate,
      transactionId: row.transactionId,
      kind: row.kind,
      detectedAt: row.detectedAt,
      reconciled: side(row, row.accountCurrencyCode),
      incoming: incoming && side(incoming, row.accountCurrencyCode),
    };
  });
}

/**
 * Keeping the reconciled version closes the conflict (the triggers do not ask about the
 * same bank version again). Accepting lifts the lock for one statement, applies the bank's
 * fields (its removal, or its return) and locks again: the transaction stays in its reconciliation,
 * whose total may now drift from the statement, which the history shows. Both are
 * recorded on the reconciliation.
 */
export function resolveConflict(
  db: Db,
  review: { id: number; resolution: 'keep' | 'accept'; detectedAt: string },
  now: Date,
): void {
  const { id, resolution } = review;
  const at = now.toISOString();
  const sqlite = db.$client;
  db.transaction(() => {
    const conflict = sqlite
      .prepare(
        `SELECT id, transaction_id AS transactionId, reconciliation_id AS reconciliationId, kind, incoming,
                detected_at AS detectedAt, resolved_at AS resolvedAt
           FROM reconciliation_conflicts WHERE id = ?`,
      )
      .get(id) as
      | {
          transactionId: string;
          reconciliationId: number;
          kind: ConflictKind;
          incoming: string | null;
          detectedAt: string;
          resolvedAt: string | null;
        }
      | undefined;
    if (!conflict) throw new AppError('NOT_FOUND', `No conflict ${id}`);
    if (conflict.resolvedAt) throw new AppError('CONFLICT_RESOLVED', `Conflict ${id} was resolved`);
    // A sync rewrites an open conflict with the bank's latest version: answer only the one the user saw.
    if (conflict.detectedAt !== review.detectedAt) {
      throw new AppError('CONFLICT_CHANGED', `Conflict ${id} changed since ${review.detectedAt}`);
    }
    if (resolution === 'accept') {
      const lock = sqlite
        .prepare('SELECT reconciled_at FROM transaction_user_data WHERE transaction_id = ?')
        .pluck()
        .get(conflict.transactionId) as string | null;
      const setLock = sqlite.prepare('UPDATE transaction_user_data SET reconciled_at = ? WHERE transaction_id = ?');
      setLock.run(null, conflict.transactionId);
      if (conflict.kind === 'removed' || conflict.incoming === null) {
        sqlite.prepare('UPDATE transactions SET removed_at = ? WHERE id = ?').run(at, conflict.transactionId);
      } else {
        // Changed, or back after a removal: the bank's fields, in the books again.
        const incoming = JSON.parse(conflict.incoming) as IncomingFields;
        sqlite
          .prepare(
            `UPDATE transactions SET date = @date, description = @description, amount_cents = @amountCents,
                    amount_in_account_currency_cents = @amountInAccountCurrencyCents, currency_code = @currencyCode,
                    status = @status, updated_at = @at, removed_at = NULL
              WHERE id = @id`,
          )
          .run({ ...incoming, at, id: conflict.transactionId });
      }
      setLock.run(lock, conflict.transactionId);
    }
    sqlite
      .prepare('UPDATE reconciliation_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?')
      .run(at, resolution, id);
    sqlite
      .prepare(
        'INSERT INTO reconciliation_events (reconciliation_id, transaction_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        conflict.reconciliationId,
        conflict.transactionId,
        resolution === 'keep' ? 'conflict-kept' : 'conflict-accepted',
        JSON.stringify({
          kind: conflict.kind,
          incoming: conflict.incoming === null ? null : (JSON.parse(conflict.incoming) as IncomingFields),
        }),
        at,
      );
  });
}

/**
 * Removals held back as conflicts that the bank took back (it lists the row again, as it
 * was): no longer a question, so they go. Sync calls it with what it just read. Driven by
 * the open conflicts (CROSS JOIN keeps them the outer loop): a handful, where the account
 * may hold a million rows.
 */
export function withdrawRemovals(db: Db, accountId: string, listed: (id: string) => boolean): void {
  const open = db.$client
    .prepare(
      `SELECT c.id, c.transaction_id AS transactionId FROM reconciliation_conflicts c
        CROSS JOIN transactions t ON t.id = c.transaction_id
        WHERE c.resolved_at IS NULL AND c.kind = 'removed' AND t.account_id = ?`,
    )
    .all(accountId) as { id: number; transactionId: string }[];
  const withdrawn = open.filter((conflict) => listed(conflict.transactionId)).map((conflict) => conflict.id);
  if (withdrawn.length === 0) return;
  db.$client
    .prepare('DELETE FROM reconciliation_conflicts WHERE id IN (SELECT value FROM json_each(?))')
    .run(JSON.stringify(withdrawn));
}
