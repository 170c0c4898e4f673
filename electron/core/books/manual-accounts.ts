import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { AccountSummary } from '../../shared/models.ts';
import { ManualAccountCreate, ManualAccountEdit, type ManualAccountKind } from '../../shared/own-entries.ts';
import { listAccounts } from './accounts.ts';
import { refreshManualBalance } from './manual-balances.ts';
import type { DbOrTx } from './undo.ts';

/** How a kind of manual account is stored: Pluggy's type and subtype, cash a bank account of its own subtype. */
function typeOf(kind: ManualAccountKind): { type: 'BANK' | 'CREDIT'; subtype: ManualAccountKind } {
  return { type: kind === 'CREDIT_CARD' ? 'CREDIT' : 'BANK', subtype: kind };
}

function summaryOf(db: Db, id: string): AccountSummary {
  const account = listAccounts(db).find((each) => each.id === id);
  if (!account) throw new AppError('NOT_FOUND', `Account ${id} not found`);
  return account;
}

/**
 * A new account the user keeps by hand (cash, a bank Pluggy does not reach). It lives under
 * a connection of its own, mode 'manual', named as the user named the institution: every
 * screen, report and export reads accounts through their connection, and sync follows only
 * the Pluggy modes' connections. Its balance is the opening balance until rows come in.
 */
export function createManualAccount(db: Db, input: ManualAccountCreate): AccountSummary {
  const account = ManualAccountCreate.parse(input);
  const connectionId = `manual:${randomUUID()}`;
  const id = `manual:${randomUUID()}`;
  db.transaction((tx) => {
    tx.insert(connections)
      .values({
        id: connectionId,
        connectorId: 0,
        connectorName: account.institution,
        status: 'UPDATED',
        mode: 'manual',
      })
      .run();
    tx.insert(accounts)
      .values({
        id,
        connectionId,
        ...typeOf(account.kind),
        name: account.name,
        number: account.number ?? null,
        currencyCode: account.currencyCode,
        balanceCents: account.openingBalanceCents,
        balanceDate: account.openingBalanceDate,
        openingBalanceCents: account.openingBalanceCents,
        openingBalanceDate: account.openingBalanceDate,
      })
      .run();
  });
  return summaryOf(db, id);
}

/** The account's connection, when it is a manual one (ACCOUNT_NOT_MANUAL for the bank's, NOT_FOUND for none). */
export function requireManualAccount(db: DbOrTx, accountId: string): { connectionId: string } {
  const row = db
    .select({ connectionId: accounts.connectionId, mode: connections.mode })
    .from(accounts)
    .innerJoin(connections, eq(connections.id, accounts.connectionId))
    .where(eq(accounts.id, accountId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `Account ${accountId} not found`);
  if (row.mode !== 'manual') throw new AppError('ACCOUNT_NOT_MANUAL', `Account ${accountId} is kept by its bank`);
  return { connectionId: row.connectionId };
}

/** Changes a manual account's own fields; a new opening balance or date moves its balance with it. */
export function editManualAccount(db: Db, input: ManualAccountEdit): AccountSummary {
  const { id, institution, kind, ...fields } = ManualAccountEdit.parse(input);
  db.transaction((tx) => {
    const { connectionId } = requireManualAccount(tx, id);
    if (institution !== undefined) {
      tx.update(connections).set({ connectorName: institution }).where(eq(connections.id, connectionId)).run();
    }
    const set = { ...fields, ...(kind ? typeOf(kind) : {}) };
    if (Object.keys(set).length > 0) {
      tx.update(accounts)
        .set({ ...set, updatedAt: new Date().toISOString() })
        .where(eq(accounts.id, id))
        .run();
    }
    refreshManualBalance(db.$client, id);
  });
  return summaryOf(db, id);
}
