import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections, transactions } from '../../../db/schema.ts';
import type { DemoData } from '../../shared/models.ts';
import { accountLabelsById } from './account-labels.ts';
import { reconciledAmong } from './reconciled-rows.ts';
import { forgetConnection } from './removed-connections.ts';
import { type ReconciledConfirmation, refuseReconciled } from './reconciliation/locks.ts';

const demoConnections = (db: Db) =>
  db.select({ id: connections.id }).from(connections).where(eq(connections.mode, 'demo'));

const demoAccountIds = (db: Db) =>
  demoAccounts(db)
    .all()
    .map((account) => account.id);

const demoAccounts = (db: Db) =>
  db
    .select({ id: accounts.id })
    .from(accounts)
    .where(inArray(accounts.connectionId, demoConnections(db)));

/**
 * What demo mode left in the books: the connections to the embedded sandbox (those removed
 * with their data kept too), their accounts and transactions as the screens count them,
 * and the reconciled ones by name, for the question asked before deleting them.
 */
export function demoData(db: Db): DemoData {
  const rows = db
    .select({ institution: connections.connectorName, removedAt: connections.removedAt })
    .from(connections)
    .where(eq(connections.mode, 'demo'))
    .orderBy(connections.createdAt)
    .all();
  const accountCount = db
    .select({ count: count() })
    .from(accounts)
    .where(inArray(accounts.id, demoAccounts(db)))
    .get();
  const transactionCount = db
    .select({ count: count() })
    .from(transactions)
    .where(and(inArray(transactions.accountId, demoAccounts(db)), isNull(transactions.removedAt)))
    .get();
  const labels = accountLabelsById(db.$client);
  const reconciled = reconciledAmong(db, demoAccountIds(db));
  return {
    present: rows.length > 0,
    connections: rows.filter((row) => row.removedAt === null).map((row) => row.institution),
    accounts: accountCount?.count ?? 0,
    transactions: transactionCount?.count ?? 0,
    reconciledCount: reconciled.count,
    reconciled: reconciled.newest.map(({ accountId, ...row }) => ({
      ...row,
      account: labels.get(accountId)?.displayName ?? '',
    })),
  };
}

/** The demo connections' ids, removed ones (whose data was kept) included. */
export function demoConnectionIds(db: Db): string[] {
  return demoConnections(db)
    .all()
    .map((row) => row.id);
}

/**
 * Deleting demo data deletes the reconciled demo transactions with it: refused as
 * TRANSACTION_RECONCILED (with how many) until the user confirmed. Ask before anything
 * irreversible (the items' deletion at the sandbox).
 */
export function requireDemoRemovalConfirmed(db: Db, { confirmReconciled }: ReconciledConfirmation): void {
  if (confirmReconciled === true) return;
  const { count: reconciled } = reconciledAmong(db, demoAccountIds(db));
  if (reconciled > 0) refuseReconciled(reconciled);
}

/**
 * Deletes every demo connection with everything it brought (accounts, transactions and the
 * user's work on them, reconciliations, card bills, sync history), as removing a
 * connection with its data does; one transaction, so a crash leaves all of it or none.
 */
export function forgetDemoData(db: Db, now: Date, confirmation: ReconciledConfirmation): void {
  db.transaction(() => {
    requireDemoRemovalConfirmed(db, confirmation);
    for (const id of demoConnectionIds(db)) forgetConnection(db, id, false, now, { confirmReconciled: true });
  });
}
