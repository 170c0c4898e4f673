import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import {
  categories,
  rules,
  transactions,
  transactionSplits,
  transactionUserData,
  undoActions,
} from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { MonthlyTotalsCatchUp } from '../reports/totals-catch-up.ts';
import { refreshManualBalance } from './manual-balances.ts';
import { guardReconciledEdit, type ReconciledConfirmation } from './reconciliation/locks.ts';

/** The query builder, or the one a `db.transaction(...)` callback receives. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

type UserDataRow = typeof transactionUserData.$inferSelect;

/** A user-data row with nothing set: what a transaction without one is like. */
function emptyUserData(transactionId: string): UserDataRow {
  return {
    transactionId,
    categoryId: null,
    categorySource: null,
    manualFields: null,
    ruleId: null,
    counterpartyDisplayName: null,
    notes: null,
    tags: null,
    usage: null,
    deductible: null,
    clearedAt: null,
    reconciledAt: null,
    updatedAt: null,
  };
}

/** One transaction's user fields before a bulk change: `row: null` means it had none. */
interface BeforeImage {
  transactionId: string;
  row: UserDataRow | null;
}

/** A category's group before a change of it, and whether it was the default then (null set-at). */
interface GroupImage {
  id: string;
  reportGroup: typeof categories.$inferSelect.reportGroup;
  reportGroupSetAt: string | null;
}

/** A deleted transaction of the user's own, whole: its row, its user fields and its split. */
interface DeletedImage {
  transaction: typeof transactions.$inferSelect;
  userData: UserDataRow | null;
  splits: (typeof transactionSplits.$inferSelect)[];
}

/** What an undo entry puts back: transactions' user fields, categories' report groups, or deleted transactions. */
type UndoJournal = { userData: BeforeImage[] } | { categoryGroups: GroupImage[] } | { deleted: DeletedImage[] };

/** Binds a list of ids as one JSON parameter: no limit on how many, one statement. */
const idsIn = (ids: readonly string[]) => sql`(select value from json_each(${JSON.stringify(ids)}))`;

export interface UndoEntry {
  /** What was done, for the journal: 'bulk-categorize', 'rules-apply'. */
  kind: string;
  /** A short description for the UI ("Categorizar 12 transações"). */
  label: string;
  /** The transactions whose `transaction_user_data` rows the change is about to touch. */
  transactionIds: readonly string[];
}

/**
 * Keeps what each given transaction's user fields look like now (their absence too) and
 * returns the undo id. Call it inside the same database transaction as the change, before
 * it: the journal then always matches what was changed, or nothing was.
 */
export function recordUndo(db: DbOrTx, entry: UndoEntry): number {
  const ids = [...new Set(entry.transactionIds)];
  const existing = db
    .select()
    .from(transactionUserData)
    .where(sql`${transactionUserData.transactionId} in ${idsIn(ids)}`)
    .all();
  const byId = new Map(existing.map((row) => [row.transactionId, row]));
  const journal: UndoJournal = {
    userData: ids.map((transactionId) => ({ transactionId, row: byId.get(transactionId) ?? null })),
  };
  return insertUndo(db, entry.kind, entry.label, journal);
}

/**
 * Keeps the given categories' report groups as they are now, before a change of them in
 * the same database transaction; returns the undo id.
 */
export function recordGroupUndo(db: DbOrTx, categoryIds: readonly string[], kind: string): number {
  const categoryGroups = db
    .select({ id: categories.id, reportGroup: categories.reportGroup, reportGroupSetAt: categories.reportGroupSetAt })
    .from(categories)
    .where(sql`${categories.id} in ${idsIn(categoryIds)}`)
    .all();
  return insertUndo(db, kind, `Report group of ${categoryGroups.length} categories`, { categoryGroups });
}

/**
 * Keeps the transactions about to be deleted whole (rows, user fields, splits), in the
 * same database transaction as the deletion, before it; returns the undo id.
 */
export function recordDeletion(db: DbOrTx, ids: readonly string[], label: string): number {
  const inIds = (column: Parameters<typeof sql>[1]) => sql`${column} in ${idsIn(ids)}`;
  const userData = new Map(
    db
      .select()
      .from(transactionUserData)
      .where(inIds(transactionUserData.transactionId))
      .all()
      .map((row) => [row.transactionId, row]),
  );
  const splits = db.select().from(transactionSplits).where(inIds(transactionSplits.transactionId)).all();
  const deleted = db
    .select()
    .from(transactions)
    .where(inIds(transactions.id))
    .all()
    .map((transaction) => ({
      transaction,
      userData: userData.get(transaction.id) ?? null,
      splits: splits.filter((part) => part.transactionId === transaction.id),
    }));
  return insertUndo(db, 'delete-transactions', label, { deleted });
}

function insertUndo(db: DbOrTx, kind: string, label: string, journal: UndoJournal): number {
  return db.insert(undoActions).values({ kind, label, before: journal }).returning({ id: undoActions.id }).get().id;
}

/**
 * Puts back what the undo entry recorded. Categories' groups: each as it was, default or
 * chosen. Transactions' user fields: every row exactly as it was: rows that did not exist
 * are deleted again, the others rewritten column for column. Whatever happened to those
 * transactions' user fields since is replaced, as the user asked to go back. An entry is
 * applied once. Returns how many transactions (or categories) it restored.
 */
export function applyUndo(db: Db, id: number, now: Date, confirmation: ReconciledConfirmation = {}): number {
  return db.transaction((tx) => {
    const action = tx.select().from(undoActions).where(eq(undoActions.id, id)).get();
    if (!action) throw new AppError('NOT_FOUND', `No undo entry ${id}`);
    if (action.undoneAt !== null) throw new AppError('UNDO_ALREADY_APPLIED', `Undo entry ${id} was already applied`);
    tx.update(undoActions).set({ undoneAt: now.toISOString() }).where(eq(undoActions.id, id)).run();
    const journal = action.before as UndoJournal;
    if ('deleted' in journal) return restoreDeleted(tx, db.$client, journal.deleted);
    if ('categoryGroups' in journal) {
      for (const { id: categoryId, ...group } of journal.categoryGroups) {
        tx.update(categories).set(group).where(eq(categories.id, categoryId)).run();
      }
      return journal.categoryGroups.length;
    }
    const { userData } = journal;
    const ids = userData.map((image) => image.transactionId);
    // Going back changes reconciled transactions like any edit: asked first, then recorded.
    guardReconciledEdit(tx, ids, { kind: 'edited', detail: { undo: action.label }, at: now, ...confirmation });
    // Whether a transaction is cleared or reconciled belongs to its reconciliation, not to
    // the change being undone: those marks stay as they are now.
    const marks = new Map(
      tx
        .select({
          transactionId: transactionUserData.transactionId,
          clearedAt: transactionUserData.clearedAt,
          reconciledAt: transactionUserData.reconciledAt,
        })
        .from(transactionUserData)
        .where(
          sql`${transactionUserData.transactionId} in ${idsIn(ids)}
              and (${transactionUserData.clearedAt} is not null or ${transactionUserData.reconciledAt} is not null)`,
        )
        .all()
        .map((mark) => [mark.transactionId, mark]),
    );
    tx.delete(transactionUserData)
      .where(sql`${transactionUserData.transactionId} in ${idsIn(ids)}`)
      .run();
    // What was is put back as far as it can still be: a transaction deleted since (its
    // connection forgotten with its data) has nothing to restore, and a rule deleted since
    // can no longer be named as the one that set a field.
    const living = new Set(
      tx
        .select({ id: transactions.id })
        .from(transactions)
        .where(sql`${transactions.id} in ${idsIn(ids)}`)
        .all()
        .map((row) => row.id),
    );
    const ruleIds = new Set(
      tx
        .select({ id: rules.id })
        .from(rules)
        .all()
        .map((row) => row.id),
    );
    const rows = userData.flatMap((image): UserDataRow[] => {
      const mark = marks.get(image.transactionId);
      const kept = { clearedAt: mark?.clearedAt ?? null, reconciledAt: mark?.reconciledAt ?? null };
      if (image.row && living.has(image.transactionId)) {
        const ruleId = image.row.ruleId !== null && ruleIds.has(image.row.ruleId) ? image.row.ruleId : null;
        return [{ ...image.row, ruleId, ...kept }];
      }
      return mark ? [{ ...emptyUserData(image.transactionId), ...kept }] : [];
    });
    // Chunks keep each insert under SQLite's limit on bound parameters.
    for (let start = 0; start < rows.length; start += 1000) {
      tx.insert(transactionUserData)
        .values(rows.slice(start, start + 1000))
        .run();
    }
    return userData.length;
  });
}

/**
 * Puts deleted transactions back as they were, user fields and splits included (a rule
 * deleted since is no longer named). They come back under new rowids, so the running
 * totals and the search index count them as new; a manual account's balance follows.
 */
function restoreDeleted(tx: DbOrTx, sqlite: Db['$client'], deleted: readonly DeletedImage[]): number {
  const ruleIds = new Set(
    tx
      .select({ id: rules.id })
      .from(rules)
      .all()
      .map((row) => row.id),
  );
  for (const image of deleted) {
    tx.insert(transactions).values(image.transaction).onConflictDoNothing().run();
    if (image.userData) {
      const { ruleId } = image.userData;
      tx.insert(transactionUserData)
        .values({ ...image.userData, ruleId: ruleId !== null && ruleIds.has(ruleId) ? ruleId : null })
        .onConflictDoNothing()
        .run();
    }
    if (image.splits.length > 0) tx.insert(transactionSplits).values(image.splits).onConflictDoNothing().run();
  }
  new MonthlyTotalsCatchUp(sqlite).countAll();
  for (const accountId of new Set(deleted.map((image) => image.transaction.accountId))) {
    refreshManualBalance(sqlite, accountId);
  }
  return deleted.length;
}
