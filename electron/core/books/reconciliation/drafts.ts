import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../../db/open.ts';
import { accounts, reconciliations } from '../../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import type {
  ReconciliationDraft,
  ReconciliationLine,
  ReconciliationSetup,
  ReconciliationStanding,
  ReconciliationStart,
} from '../../../shared/reconciliation.ts';
import { accountAmount } from '../transaction-conditions.ts';
import type { DbOrTx } from '../undo.ts';
import { statementStanding } from './statement-maths.ts';
import { openingAtAccountStart, suggestedStatement } from './statement-suggestion.ts';

export type ReconciliationRow = typeof reconciliations.$inferSelect;

/**
 * A reconciliation in progress (issue 7): the statement the user is checking against and
 * the lines ticked as cleared, every change written at once, so a closed window or a crash
 * loses nothing and the draft resumes where it was left.
 */

export function requireReconciliation(db: DbOrTx, id: number, status?: ReconciliationRow['status']): ReconciliationRow {
  const row = db.select().from(reconciliations).where(eq(reconciliations.id, id)).get();
  if (!row || (status && row.status !== status)) {
    throw new AppError('RECONCILIATION_NOT_FOUND', `No ${status ?? 'such'} reconciliation ${id}`);
  }
  return row;
}

function requireAccount(db: DbOrTx, accountId: string): void {
  const found = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).get();
  if (!found) throw new AppError('NOT_FOUND', `No account ${accountId}`);
}

/** The account's latest finished reconciliation: the next one opens at its statement balance. */
export function latestFinished(db: DbOrTx, accountId: string): ReconciliationRow | undefined {
  return db
    .select()
    .from(reconciliations)
    .where(and(eq(reconciliations.accountId, accountId), eq(reconciliations.status, 'finished')))
    .orderBy(desc(reconciliations.statementDate), desc(reconciliations.id))
    .limit(1)
    .get();
}

function draftOf(db: DbOrTx, accountId: string): ReconciliationRow | undefined {
  return db
    .select()
    .from(reconciliations)
    .where(and(eq(reconciliations.accountId, accountId), eq(reconciliations.status, 'draft')))
    .get();
}

export function reconciliationSetup(db: Db, accountId: string): ReconciliationSetup {
  requireAccount(db, accountId);
  const previous = latestFinished(db, accountId);
  const suggested = suggestedStatement(db, accountId);
  return {
    accountId,
    draftId: draftOf(db, accountId)?.id ?? null,
    openingBalanceCents: previous ? previous.statementBalanceCents : openingAtAccountStart(db, accountId),
    openingSource: previous ? 'previous' : 'account-start',
    previousStatementDate: previous?.statementDate ?? null,
    // A statement already reconciled is no suggestion: the next one must be later.
    suggestedStatement: suggested && (!previous || suggested.date > previous.statementDate) ? suggested : null,
  };
}

function checkStatementDate(previous: ReconciliationRow | undefined, statementDate: string): void {
  if (previous && statementDate <= previous.statementDate) {
    throw new AppError('STATEMENT_DATE_INVALID', `The statement date must be after ${previous.statementDate}`, {
      previousStatementDate: previous.statementDate,
    });
  }
}

export function startReconciliation(db: Db, input: ReconciliationStart, now: Date): ReconciliationDraft {
  const id = db.transaction((tx) => {
    requireAccount(tx, input.accountId);
    const draft = draftOf(tx, input.accountId);
    if (draft) {
      throw new AppError('RECONCILIATION_IN_PROGRESS', `Account ${input.accountId} has a draft`, {
        draftId: draft.id,
      });
    }
    const previous = latestFinished(tx, input.accountId);
    checkStatementDate(previous, input.statementDate);
    const opening = previous
      ? previous.statementBalanceCents
      : (input.openingBalanceCents ?? openingAtAccountStart(db, input.accountId));
    return tx
      .insert(reconciliations)
      .values({
        accountId: input.accountId,
        status: 'draft',
        statementDate: input.statementDate,
        statementBalanceCents: input.statementBalanceCents,
        openingBalanceCents: opening,
        updatedAt: now.toISOString(),
      })
      .returning({ id: reconciliations.id })
      .get().id;
  });
  return reconciliationDraft(db, id);
}

export interface StatementChange {
  statementDate?: string | undefined;
  statementBalanceCents?: number | undefined;
  openingBalanceCents?: number | undefined;
}

/** Corrects the draft's statement; ticks dated after a new, earlier date no longer count and are dropped. */
export function updateStatement(db: Db, id: number, change: StatementChange, now: Date): ReconciliationDraft {
  db.transaction((tx) => {
    const draft = requireReconciliation(tx, id, 'draft');
    const previous = latestFinished(tx, draft.accountId);
    if (change.statementDate !== undefined) checkStatementDate(previous, change.statementDate);
    if (change.openingBalanceCents !== undefined && previous) {
      throw new AppError('INVALID_INPUT', 'The opening balance is the previous statement balance');
    }
    tx.update(reconciliations)
      .set({
        ...(change.statementDate !== undefined ? { statementDate: change.statementDate } : {}),
        ...(change.statementBalanceCents !== undefined ? { statementBalanceCents: change.statementBalanceCents } : {}),
        ...(change.openingBalanceCents !== undefined ? { openingBalanceCents: change.openingBalanceCents } : {}),
        updatedAt: now.toISOString(),
      })
      .where(eq(reconciliations.id, id))
      .run();
    if (change.statementDate !== undefined) {
      db.$client
        .prepare(
          `DELETE FROM reconciliation_items WHERE reconciliation_id = ?
             AND (SELECT date FROM transactions WHERE id = transaction_id) > ?`,
        )
        .run(id, change.statementDate);
    }
  });
  return reconciliationDraft(db, id);
}

/**
 * A line's fields, for transactions (`t`) of the account `@accountId`, `pending` as 0/1:
 * what the account was charged first (what the statement and the sums count), and the
 * transaction's own amount and currency beside it.
 */
export const lineColumns = `t.id, t.date, t.description, ${accountAmount} AS amountCents,
  (SELECT currency_code FROM accounts WHERE id = @accountId) AS accountCurrencyCode,
  t.amount_cents AS originalAmountCents, t.currency_code AS currencyCode, t.status = 'PENDING' AS pending`;

/** A line as `lineColumns` reads it. */
export type StoredLine = Omit<ReconciliationLine, 'pending' | 'cleared'> & { pending: number };

/** The draft's lines: unreconciled, live transactions of its account up to its statement date. */
const lineConditions = `t.account_id = @accountId AND t.date <= @statementDate AND t.removed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM transaction_user_data u WHERE u.transaction_id = t.id AND u.reconciled_at IS NOT NULL)`;

/**
 * Ticks or unticks lines and returns where the draft stands. Only the draft's own lines
 * can be ticked; other ids are ignored. The ids are bound as one JSON array and looked up
 * one by one (CROSS JOIN keeps SQLite from scanning the account's index instead), so
 * ticking a whole account's history is one statement, and one line costs next to nothing.
 */
export function tickLines(
  db: Db,
  id: number,
  transactionIds: readonly string[],
  cleared: boolean,
  now: Date,
): ReconciliationStanding {
  return db.transaction(() => {
    const draft = requireReconciliation(db, id, 'draft');
    const ids = JSON.stringify([...new Set(transactionIds)]);
    if (cleared) {
      db.$client
        .prepare(
          `INSERT OR IGNORE INTO reconciliation_items (reconciliation_id, transaction_id)
           SELECT @id, t.id FROM json_each(@ids) j CROSS JOIN transactions t ON t.id = j.value
            WHERE ${lineConditions}`,
        )
        .run({ id, ids, accountId: draft.accountId, statementDate: draft.statementDate });
    } else {
      db.$client
        .prepare(
          `DELETE FROM reconciliation_items
            WHERE reconciliation_id = ? AND transaction_id IN (SELECT value FROM json_each(?))`,
        )
        .run(id, ids);
    }
    const updatedAt = now.toISOString();
    db.update(reconciliations).set({ updatedAt }).where(eq(reconciliations.id, id)).run();
    const clearedCents = db.$client
      .prepare(
        `SELECT coalesce(sum(coalesce(t.amount_in_account_currency_cents, t.amount_cents)), 0)
           FROM reconciliation_items i CROSS JOIN transactions t ON t.id = i.transaction_id
          WHERE i.reconciliation_id = @id AND ${lineConditions}`,
      )
      .pluck()
      .get({ id, accountId: draft.accountId, statementDate: draft.statementDate }) as number;
    const standing = statementStanding({
      openingCents: draft.openingBalanceCents,
      statementCents: draft.statementBalanceCents,
      clearedCents: [clearedCents],
    });
    return { ...standing, updatedAt };
  });
}

/** Throws a draft away with its ticks; nothing was locked yet. */
export function discardDraft(db: Db, id: number): void {
  db.transaction((tx) => {
    requireReconciliation(tx, id, 'draft');
    tx.delete(reconciliations).where(eq(reconciliations.id, id)).run();
  });
}

/**
 * The draft's lines: the account's unreconciled, not removed transactions dated up to the
 * statement date (older ones the bank has not cleared yet included), oldest first, with
 * their amount in the account's currency. The listing index answers it by account and date.
 */
export function draftLines(db: Db, draft: ReconciliationRow): ReconciliationLine[] {
  const rows = db.$client
    .prepare(
      `SELECT ${lineColumns},
              EXISTS (SELECT 1 FROM reconciliation_items i
                       WHERE i.reconciliation_id = @id AND i.transaction_id = t.id) AS cleared
         FROM transactions t
        WHERE ${lineConditions}
        ORDER BY t.date, t.rowid`,
    )
    .all({ id: draft.id, accountId: draft.accountId, statementDate: draft.statementDate }) as (StoredLine & {
    cleared: number;
  })[];
  return rows.map((row) => ({ ...row, pending: row.pending === 1, cleared: row.cleared === 1 }));
}

export function reconciliationDraft(db: Db, id: number): ReconciliationDraft {
  const draft = requireReconciliation(db, id, 'draft');
  const lines = draftLines(db, draft);
  const standing = statementStanding({
    openingCents: draft.openingBalanceCents,
    statementCents: draft.statementBalanceCents,
    clearedCents: lines.filter((line) => line.cleared).map((line) => line.amountCents),
  });
  const previous = latestFinished(db, draft.accountId);
  return {
    id: draft.id,
    accountId: draft.accountId,
    statementDate: draft.statementDate,
    statementBalanceCents: draft.statementBalanceCents,
    openingBalanceCents: draft.openingBalanceCents,
    openingEditable: !previous,
    previousStatementDate: previous?.statementDate ?? null,
    clearedTotalCents: standing.clearedTotalCents,
    differenceCents: standing.differenceCents,
    balanced: standing.balanced,
    lines,
    updatedAt: draft.updatedAt,
  };
}
