import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections } from '../../../db/schema.ts';
import type { AccountSummary } from '../../shared/models.ts';

/**
 * Every account in the books, grouped by institution: those of removed connections too
 * (the user kept their data), marked disconnected.
 */
export function listAccounts(db: Db): AccountSummary[] {
  const rows = db
    .select({
      id: accounts.id,
      connectionId: accounts.connectionId,
      institution: connections.connectorName,
      institutionColor: connections.connectorPrimaryColor,
      type: accounts.type,
      subtype: accounts.subtype,
      name: accounts.name,
      number: accounts.number,
      currencyCode: accounts.currencyCode,
      balanceCents: accounts.balanceCents,
      balanceDate: accounts.balanceDate,
      creditLimitCents: accounts.creditLimitCents,
      closedAt: accounts.closedAt,
      connectionRemovedAt: connections.removedAt,
    })
    .from(accounts)
    .innerJoin(connections, eq(accounts.connectionId, connections.id))
    .orderBy(asc(connections.connectorName), asc(accounts.type), asc(accounts.name))
    .all();
  return rows.map(({ closedAt, connectionRemovedAt, ...row }) => ({
    ...row,
    closed: closedAt !== null,
    disconnected: connectionRemovedAt !== null,
  }));
}
