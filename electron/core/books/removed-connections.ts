import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import {
  accounts,
  connections,
  syncRuns,
  transactions,
  transactionSplits,
  transactionUserData,
} from '../../../db/schema.ts';

/**
 * What is left of a connection the user removed. Keeping its data (the default a
 * bookkeeper wants: last year's books must not change because a bank was unlinked) marks
 * the connection removed and its accounts closed, every transaction and the user's work on
 * it untouched. Deleting it removes the connection and everything that hangs from it,
 * the user's categories, notes and splits on its transactions included. Either way in one
 * transaction: a crash leaves the connection as it was or fully handled.
 */
export function forgetConnection(db: Db, connectionId: string, keepData: boolean, now: Date): void {
  const at = now.toISOString();
  db.transaction((tx) => {
    if (keepData) {
      tx.update(accounts)
        .set({ closedAt: at })
        .where(and(eq(accounts.connectionId, connectionId), isNull(accounts.closedAt)))
        .run();
      tx.update(connections).set({ removedAt: at }).where(eq(connections.id, connectionId)).run();
      return;
    }
    const accountIds = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.connectionId, connectionId));
    const transactionIds = tx
      .select({ id: transactions.id })
      .from(transactions)
      .where(inArray(transactions.accountId, accountIds));
    tx.delete(transactionSplits).where(inArray(transactionSplits.transactionId, transactionIds)).run();
    tx.delete(transactionUserData).where(inArray(transactionUserData.transactionId, transactionIds)).run();
    tx.delete(transactions).where(inArray(transactions.accountId, accountIds)).run();
    tx.delete(accounts).where(eq(accounts.connectionId, connectionId)).run();
    tx.delete(syncRuns).where(eq(syncRuns.connectionId, connectionId)).run();
    tx.delete(connections).where(eq(connections.id, connectionId)).run();
  });
}
