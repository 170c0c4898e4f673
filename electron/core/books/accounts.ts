import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections } from '../../../db/schema.ts';
import type { AccountSummary } from '../../shared/models.ts';
import { accountLabelsById } from './account-labels.ts';

/**
 * Every account in the books, grouped by institution: those of removed connections too
 * (the user kept their data), marked disconnected; hidden ones flagged. Each is named as
 * every screen and file names it, unique among them, the oldest connections' accounts
 * keeping the plain names, and listed in the order every picker lists them (both from
 * account-labels.ts).
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
      nickname: accounts.nickname,
      currencyCode: accounts.currencyCode,
      balanceCents: accounts.balanceCents,
      balanceDate: accounts.balanceDate,
      creditLimitCents: accounts.creditLimitCents,
      closedAt: accounts.closedAt,
      hiddenAt: accounts.hiddenAt,
      mode: connections.mode,
      openingBalanceCents: accounts.openingBalanceCents,
      openingBalanceDate: accounts.openingBalanceDate,
      connectionRemovedAt: connections.removedAt,
    })
    .from(accounts)
    .innerJoin(connections, eq(accounts.connectionId, connections.id))
    .orderBy(asc(connections.createdAt), asc(connections.id), asc(accounts.createdAt), asc(accounts.id))
    .all();
  const labels = accountLabelsById(db.$client);
  const order = [...labels.keys()];
  return rows
    .map(({ closedAt, hiddenAt, connectionRemovedAt, ...row }) => {
      const label = labels.get(row.id);
      return {
        ...row,
        closed: closedAt !== null,
        disconnected: connectionRemovedAt !== null,
        hidden: hiddenAt !== null,
        displayName: label?.displayName ?? row.name,
        shortName: label?.shortName ?? row.name,
      };
    })
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}
