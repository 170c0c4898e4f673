import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import {
  accounts,
  connections,
  creditCardBills,
  csvMappings,
  reconciliations,
  statementImports,
  syncRuns,
  transactions,
  transactionSplits,
  transactionUserData,
} from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { AccountDeletion } from '../../shared/models.ts';
import { reconciledAmong } from './reconciled-rows.ts';
import { type ReconciledConfirmation, refuseReconciled } from './reconciliation/locks.ts';
import type { DbOrTx } from './undo.ts';

export interface ForgetOptions extends ReconciledConfirmation {
  keepData: boolean;
}

const accountsOf = (db: DbOrTx, connectionId: string) =>
  db.select({ id: accounts.id }).from(accounts).where(eq(accounts.connectionId, connectionId));

/**
 * Deleting a connection's data deletes its reconciled transactions with it: refused as
 * TRANSACTION_RECONCILED (with how many) until the user confirmed. Keeping the data needs
 * no confirmation. Call it before anything irreversible (the item's deletion at Pluggy).
 */
export function requireRemovalConfirmed(db: DbOrTx, connectionId: string, options: ForgetOptions): void {
  if (options.keepData || options.confirmReconciled === true) return;
  const ids = accountsOf(db, connectionId)
    .all()
    .map((account) => account.id);
  const { count: reconciled } = reconciledAmong(db, ids);
  if (reconciled > 0) refuseReconciled(reconciled);
}

/**
 * What is left of a connection the user removed. Keeping its data (the default a
 * bookkeeper wants: last year's books must not change because a bank was unlinked) marks
 * the connection removed and its accounts closed, every transaction and the user's work on
 * it untouched. Deleting it removes the connection and everything that hangs from it,
 * the user's categories, notes and splits on its transactions included, and its accounts'
 * reconciliations and card bills (reconciled transactions only once the user confirmed).
 * Either way in one transaction: a crash leaves the connection as it was or fully handled.
 */
export function forgetConnection(
  db: Db,
  connectionId: string,
  keepData: boolean,
  now: Date,
  { confirmReconciled }: ReconciledConfirmation = {},
): void {
  const at = now.toISOString();
  db.transaction((tx) => {
    requireRemovalConfirmed(tx, connectionId, { keepData, confirmReconciled });
    if (keepData) {
      tx.update(accounts)
        .set({ closedAt: at })
        .where(and(eq(accounts.connectionId, connectionId), isNull(accounts.closedAt)))
        .run();
      tx.update(connections).set({ removedAt: at }).where(eq(connections.id, connectionId)).run();
      return;
    }
    deleteAccounts(tx, accountsOf(tx, connectionId));
    deleteConnectionRow(tx, connectionId);
  });
}

/** Accounts by id: a list, or a subquery selecting their ids. */
type AccountIds = readonly string[] | ReturnType<typeof accountsOf>;

/**
 * Deletes accounts and everything that hangs from them: their transactions with the user's
 * categories, notes and splits on them, their reconciliations (items, events and conflicts
 * with them) and card bills. The search index follows by itself: deleting a transaction
 * queues its rowid (migration 0004's trigger), and the next search drops it.
 */
function deleteAccounts(tx: DbOrTx, accountIds: AccountIds): void {
  const transactionIds = tx
    .select({ id: transactions.id })
    .from(transactions)
    .where(inArray(transactions.accountId, accountIds));
  // Their items, events and conflicts go with them (ON DELETE CASCADE); they reference the
  // transactions (and an adjustment, one of the accounts' transactions), so they go first.
  tx.delete(reconciliations).where(inArray(reconciliations.accountId, accountIds)).run();
  tx.delete(creditCardBills).where(inArray(creditCardBills.accountId, accountIds)).run();
  tx.delete(transactionSplits).where(inArray(transactionSplits.transactionId, transactionIds)).run();
  tx.delete(transactionUserData).where(inArray(transactionUserData.transactionId, transactionIds)).run();
  tx.delete(transactions).where(inArray(transactions.accountId, accountIds)).run();
  tx.delete(statementImports).where(inArray(statementImports.accountId, accountIds)).run();
  tx.delete(csvMappings).where(inArray(csvMappings.accountId, accountIds)).run();
  tx.delete(accounts).where(inArray(accounts.id, accountIds)).run();
}

/** The connection's own row and its sync history, once no account of it is left. */
function deleteConnectionRow(tx: DbOrTx, connectionId: string): void {
  tx.delete(syncRuns).where(eq(syncRuns.connectionId, connectionId)).run();
  tx.delete(connections).where(eq(connections.id, connectionId)).run();
}

/** How many of an account's transactions the screens count, and its reconciled ones. */
function accountContents(tx: DbOrTx, accountId: string) {
  const live = tx
    .select({ count: count() })
    .from(transactions)
    .where(and(eq(transactions.accountId, accountId), isNull(transactions.removedAt)))
    .get();
  return { transactionCount: live?.count ?? 0, reconciled: reconciledAmong(tx, [accountId]) };
}

/**
 * The account and its connection, or NOT_FOUND; `deletable` when nothing updates it any
 * more: its connection removed (the data kept), or an account the user keeps by hand.
 */
function storedAccount(tx: DbOrTx, accountId: string) {
  const account = tx
    .select({ connectionId: accounts.connectionId, removedAt: connections.removedAt, mode: connections.mode })
    .from(accounts)
    .innerJoin(connections, eq(connections.id, accounts.connectionId))
    .where(eq(accounts.id, accountId))
    .get();
  if (!account) throw new AppError('NOT_FOUND', `Account ${accountId} not found`);
  return { connectionId: account.connectionId, deletable: account.removedAt !== null || account.mode === 'manual' };
}

/**
 * What deleting an account would take with it, for the question asked first: how many
 * transactions, and the reconciled ones by name.
 */
export function accountDeletion(db: DbOrTx, accountId: string): AccountDeletion {
  const account = storedAccount(db, accountId);
  const { transactionCount, reconciled } = accountContents(db, accountId);
  const siblings =
    db.select({ count: count() }).from(accounts).where(eq(accounts.connectionId, account.connectionId)).get()?.count ??
    0;
  return {
    id: accountId,
    deletable: account.deletable,
    transactionCount,
    reconciledCount: reconciled.count,
    reconciled: reconciled.newest.map(({ id, date, description, amountCents }) => ({
      id,
      date,
      description,
      amountCents,
    })),
    lastOfConnection: siblings === 1,
  };
}

/**
 * Deletes an account the user keeps by hand, or one kept from a removed connection (ACCOUNT_CONNECTED while its
 * bank still updates it: removing the connection comes first), with its transactions and
 * everything on them, as deleting a connection's data does; reconciled transactions only
 * once the user confirmed (TRANSACTION_RECONCILED with how many, else). The last account of
 * a removed connection (a manual account's own) takes the connection's row with it. One transaction: all or nothing.
 */
export function forgetAccount(db: Db, accountId: string, { confirmReconciled }: ReconciledConfirmation = {}): void {
  db.transaction((tx) => {
    const { connectionId, deletable } = storedAccount(tx, accountId);
    if (!deletable) {
      throw new AppError('ACCOUNT_CONNECTED', `Account ${accountId} is still connected: remove its connection first`);
    }
    const { count: reconciled } = reconciledAmong(tx, [accountId]);
    if (reconciled > 0 && confirmReconciled !== true) refuseReconciled(reconciled);
    deleteAccounts(tx, [accountId]);
    const left = tx.select({ count: count() }).from(accounts).where(eq(accounts.connectionId, connectionId)).get();
    if ((left?.count ?? 0) === 0) deleteConnectionRow(tx, connectionId);
  });
}
