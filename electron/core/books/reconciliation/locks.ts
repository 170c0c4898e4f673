import { sql } from 'drizzle-orm';
import type { reconciliationEvents } from '../../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import type { DbOrTx } from '../undo.ts';

/**
 * Locked means locked (issue 7): the user's own edits of a reconciled transaction are
 * refused until they confirm them, and a confirmed one is recorded on the reconciliation
 * that holds the transaction, so its history says what changed after it was finished.
 */

/** The user's answer to "this is reconciled: change it anyway?", sent with the change again. */
export interface ReconciledConfirmation {
  confirmReconciled?: boolean | undefined;
}

type EventKind = (typeof reconciliationEvents.$inferInsert)['kind'];

/** A reconciled transaction, with the finished reconciliation holding it (null if none is recorded). */
interface Locked {
  transactionId: string;
  reconciliationId: number | null;
}

/**
 * The reconciled transactions among `ids`: one statement over the list (bound as JSON,
 * so ten thousand ids cost one primary-key lookup each and no parameter limit).
 */
function reconciledAmong(db: DbOrTx, ids: readonly string[]): Locked[] {
  return db.all<Locked>(sql`
    select u.transaction_id as transactionId,
      (select i.reconciliation_id from reconciliation_items i
        join reconciliations r on r.id = i.reconciliation_id and r.status = 'finished'
        where i.transaction_id = u.transaction_id
        order by r.finished_at desc limit 1) as reconciliationId
    from transaction_user_data u
    where u.transaction_id in (select value from json_each(${JSON.stringify(ids)}))
      and u.reconciled_at is not null`);
}

/** Refuses a change that reaches `count` reconciled transactions, with a message for logs. */
export function refuseReconciled(count: number): never {
  throw new AppError(
    'TRANSACTION_RECONCILED',
    `${count} reconciled transaction(s) would change: the user must confirm`,
    { count },
  );
}

export interface LockedEdit extends ReconciledConfirmation {
  kind: EventKind;
  /** The change as the user sent it (the patch, the parts, the category). */
  detail: unknown;
  at: Date;
}

/**
 * Call inside the edit's database transaction, before writing: refuses the edit if any of
 * `ids` is reconciled and the user did not confirm, otherwise records one event per
 * reconciled transaction on its reconciliation (written with the edit, or not at all).
 */
export function guardReconciledEdit(db: DbOrTx, ids: readonly string[], edit: LockedEdit): void {
  const locked = reconciledAmong(db, ids);
  if (locked.length === 0) return;
  if (edit.confirmReconciled !== true) refuseReconciled(locked.length);
  // A reconciled mark without its reconciliation (none finished holds it) has nowhere to be recorded.
  const recorded = locked.filter((row) => row.reconciliationId !== null);
  // One statement however many (a bulk edit reaches thousands, past SQLite's parameter limit row by row).
  db.run(sql`
    insert into reconciliation_events (reconciliation_id, transaction_id, kind, detail, at)
    select value ->> '$.reconciliationId', value ->> '$.transactionId', ${edit.kind}, ${JSON.stringify(edit.detail)},
           ${edit.at.toISOString()}
    from json_each(${JSON.stringify(recorded)})`);
}
