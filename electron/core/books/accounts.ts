import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections } from '../../../db/schema.ts';
import type { AccountSummary } from '../../shared/models.ts';

/** Accounts of every connection the user still has, grouped by institution. */
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
    })
    .from(accounts)
    .innerJoin(connections, eq(accounts.connectionId, connections.id))
    .where(isNull(connections.removedAt))
    .orderBy(asc(connections.connectorName), asc(accounts.type), asc(accounts.name))
    .all();
  return rows.map(({ closedAt, ...row }) => ({ ...row, closed: closedAt !== null }));
}
