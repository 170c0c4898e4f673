import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import {
  accounts,
  connections,
  creditCardBills,
  reconciliations,
  syncRuns,
  transactions,
  transactionSplits,
  transactionUserData,
} from '../../../db/schema.ts';
import { type ReconciledConfirmation, refuseReconciled } from './reconciliation/locks.ts';
import type { DbOrTx } from './undo.ts';

export interface ForgetOptions extends ReconciledConfirmation {
  keepData: boolean;
}

const accountsOf = (db: DbOrTx, connectionId: string) =>
  db.select({ id: accounts.id }).from(accounts).where(eq(accounts.connectionId, connectionId));

const transactionsOf = (db: DbOrTx, connectionId: string) =>
  db
    .select({ id: transactions.id })
    .from(transactions)
    .where(inArray(transactions.accountId, accountsOf(db, connectionId)));

/**
 * Deleting a connection's data deletes its reconciled transactions with it: refused as
 * TRANSACTION_RECONCILED (with how many) until the user confirmed. Keeping the data needs
 * no confirmation. Call it before anything irreversible (the item's deletion at Pluggy).
 */
export function requireRemovalConfirmed(db: DbOrTx, connectionId: string, options: ForgetOptions): void {
  if (options.keepData || options.confirmReconciled === true) return;
  const reconciled =
    db
      .select({ count: count() })
      .from(transactionUserData)
      .where(
        and(
          isNotNull(transactionUserData.reconciledAt),
          inArray(transactionUserData.transactionId, transactionsOf(db, connectionId)),
        ),
      )
      .get()?.count ?? 0;
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
    const accountIds = accountsOf(tx, connectionId);
    const transactionIds = transactionsOf(tx, connectionId);
    // Their items, events and conflicts go with them (ON DELETE CASCADE); they reference the
    // transactions (and an adjustment, one of the accounts' transactions), so they go first.
    tx.delete(reconciliations).where(inArray(reconciliations.accountId, accountIds)).run();
    tx.delete(creditCardBills).where(inArray(creditCardBills.accountId, accountIds)).run();
    tx.delete(transactionSplits).where(inArray(transactionSplits.transactionId, transactionIds)).run();
    tx.delete(transactionUserData).where(inArray(transactionUserData.transactionId, transactionIds)).run();
    tx.delete(transactions).where(inArray(transactions.accountId, accountIds)).run();
    tx.delete(accounts).where(eq(accounts.connectionId, connectionId)).run();
    tx.delete(syncRuns).where(eq(syncRuns.connectionId, connectionId)).run();
    tx.delete(connections).where(eq(connections.id, connectionId)).run();
  });
}
