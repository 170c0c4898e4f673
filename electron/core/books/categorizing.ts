import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { transactions, transactionSplits, transactionUserData } from '../../../db/schema.ts';
import type {
  BulkCategorizeResult,
  TransactionPatch,
  TransactionSplit,
  TransactionUserFields,
} from '../../shared/categories.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAssignableCategory } from './categories.ts';
import { guardReconciledEdit, type ReconciledConfirmation } from './reconciliation/locks.ts';
import { type DbOrTx, recordUndo } from './undo.ts';

/**
 * The user's hand on transactions: what they choose always wins over rules and Pluggy
 * (sync never writes these fields). A manual category is marked `categorySource = 'manual'`;
 * the other fields set by hand are listed in `manualFields`, under the names rules use, so
 * re-applying rules leaves them alone.
 */

type UserDataRow = typeof transactionUserData.$inferSelect;
type UserDataInsert = typeof transactionUserData.$inferInsert;

/** The patch's fields other than the category, and the user-data column each lands in. */
const patchColumns = {
  notes: 'notes',
  tags: 'tags',
  usage: 'usage',
  deductible: 'deductible',
  counterpartyName: 'counterpartyDisplayName',
} as const satisfies Record<Exclude<keyof TransactionPatch, 'categoryId'>, keyof UserDataRow>;

function requireTransaction(db: DbOrTx, id: string): { id: string; amountCents: number } {
  const row = db
    .select({ id: transactions.id, amountCents: transactions.amountCents })
    .from(transactions)
    .where(eq(transactions.id, id))
    .get();
  if (!row) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${id}`);
  return row;
}

/**
 * Applies the user's edit of one transaction. Setting a category makes it a manual choice
 * (no rule gets credit for it any more); clearing it (`null`) lets a rule's or Pluggy's
 * suggestion show again. Clearing another field is a choice too: it stays manual. A
 * reconciled transaction is changed only once the user confirmed, and the edit is recorded
 * on its reconciliation.
 */
export function updateTransaction(
  db: Db,
  id: string,
  patch: TransactionPatch,
  now: Date,
  { confirmReconciled }: ReconciledConfirmation = {},
): TransactionUserFields {
  db.transaction((tx) => {
    requireTransaction(tx, id);
    guardReconciledEdit(tx, [id], { kind: 'edited', detail: patch, confirmReconciled, at: now });
    const current = tx.select().from(transactionUserData).where(eq(transactionUserData.transactionId, id)).get();
    const changes: Partial<UserDataInsert> = { updatedAt: now.toISOString() };
    if (patch.categoryId !== undefined) {
      if (patch.categoryId !== null) requireAssignableCategory(tx, patch.categoryId);
      changes.categoryId = patch.categoryId;
      changes.categorySource = patch.categoryId === null ? null : 'manual';
      changes.ruleId = null;
    }
    const manualFields = new Set(current?.manualFields ?? []);
    for (const [field, column] of Object.entries(patchColumns) as [keyof typeof patchColumns, keyof UserDataRow][]) {
      const value = patch[field];
      if (value === undefined) continue;
      Object.assign(changes, { [column]: value });
      manualFields.add(column);
    }
    changes.manualFields = [...manualFields];
    // The row was read above (for its manual marks): update it, or insert the first one.
    if (current) tx.update(transactionUserData).set(changes).where(eq(transactionUserData.transactionId, id)).run();
    else
      tx.insert(transactionUserData)
        .values({ transactionId: id, ...changes })
        .run();
  });
  return readUserFields(db, id);
}

/**
 * Gives every listed transaction the category, as a manual choice, in one transaction
 * recorded for undo (what each touched row looked like before, or that it did not exist).
 * If some are reconciled, nothing changes until the user confirmed for all of them.
 */
export function bulkCategorize(
  db: Db,
  ids: readonly string[],
  categoryId: string,
  now: Date,
  { confirmReconciled }: ReconciledConfirmation = {},
): BulkCategorizeResult {
  return db.transaction((tx) => {
    requireAssignableCategory(tx, categoryId);
    const unique = [...new Set(ids)];
    const json = JSON.stringify(unique);
    const found = tx
      .select({ count: sql<number>`count(*)` })
      .from(transactions)
      .where(sql`${transactions.id} in (select value from json_each(${json}))`)
      .get();
    if ((found?.count ?? 0) !== unique.length) {
      throw new AppError(
        'TRANSACTION_NOT_FOUND',
        `${unique.length - (found?.count ?? 0)} of the transactions do not exist`,
      );
    }
    guardReconciledEdit(tx, unique, { kind: 'categorized', detail: { categoryId }, confirmReconciled, at: now });
    const undoId = recordUndo(tx, {
      kind: 'bulk-categorize',
      label: `Categorize ${unique.length} transactions as ${categoryId}`,
      transactionIds: unique,
    });
    // One statement for all of them; `where true` lets SQLite parse the upsert after a select.
    tx.run(sql`
      insert into transaction_user_data (transaction_id, category_id, category_source, rule_id, updated_at)
      select value, ${categoryId}, 'manual', null, ${now.toISOString()} from json_each(${json}) where true
      on conflict (transaction_id) do update set
        category_id = excluded.category_id,
        category_source = 'manual',
        rule_id = null,
        updated_at = excluded.updated_at`);
    return { changed: unique.length, undoId };
  });
}

/**
 * Divides a transaction across categories. The parts, in the transaction's sign, must add
 * up to its amount to the cent; they replace any previous split, and no parts removes it.
 * A reconciled transaction is split only once the user confirmed (asked after the parts
 * are known to be valid), and the split is recorded on its reconciliation.
 */
export function splitTransaction(
  db: Db,
  { id, parts, confirmReconciled }: TransactionSplit,
  now: Date,
): TransactionUserFields {
  db.transaction((tx) => {
    const transaction = requireTransaction(tx, id);
    if (parts.length === 1) throw new AppError('SPLIT_TOO_FEW_PARTS', 'A split needs at least two parts');
    const total = parts.reduce((sum, part) => sum + part.amountCents, 0);
    if (parts.length > 0 && total !== transaction.amountCents) {
      throw new AppError(
        'SPLIT_SUM_MISMATCH',
        `Parts add up to ${total} cents, the transaction is ${transaction.amountCents}`,
        { expectedCents: transaction.amountCents, actualCents: total },
      );
    }
    for (const part of parts) requireAssignableCategory(tx, part.categoryId);
    guardReconciledEdit(tx, [id], { kind: 'split', detail: parts, confirmReconciled, at: now });
    tx.delete(transactionSplits).where(eq(transactionSplits.transactionId, id)).run();
    if (parts.length === 0) return;
    tx.insert(transactionSplits)
      .values(
        parts.map((part, position) => ({
          transactionId: id,
          position,
          categoryId: part.categoryId,
          amountCents: part.amountCents,
          note: part.note || null,
        })),
      )
      .run();
  });
  return readUserFields(db, id);
}

/** A transaction's user fields and split, as the screens show them after an edit. */
export function readUserFields(db: Db, id: string): TransactionUserFields {
  requireTransaction(db, id);
  const row = db.select().from(transactionUserData).where(eq(transactionUserData.transactionId, id)).get();
  const splits = db
    .select({
      categoryId: transactionSplits.categoryId,
      amountCents: transactionSplits.amountCents,
      note: transactionSplits.note,
    })
    .from(transactionSplits)
    .where(eq(transactionSplits.transactionId, id))
    .orderBy(asc(transactionSplits.position))
    .all();
  return {
    id,
    categoryId: row?.categoryId ?? null,
    categorySource: row?.categorySource ?? null,
    manualFields: row?.manualFields ?? [],
    notes: row?.notes ?? null,
    tags: row?.tags ?? [],
    usage: row?.usage ?? null,
    deductible: row?.deductible ?? null,
    counterpartyName: row?.counterpartyDisplayName ?? null,
    splits,
  };
}
