import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { accounts, transactions, transactionUserData } from '../../../db/schema.ts';
import type { ReconciledTransaction } from '../../shared/models.ts';
import type { DbOrTx } from './undo.ts';

/** How many reconciled transactions a deletion question names; its count says how many more there are. */
export const namedReconciled = 50;

export interface ReconciledAmong {
  count: number;
  /** The newest `namedReconciled`, newest first, each with its account and that account's currency. */
  newest: (ReconciledTransaction & { accountId: string; currencyCode: string })[];
}

/**
 * The reconciled transactions among these accounts' (those the bank dropped too): what a
 * deletion of accounts or connections takes with it only once the user confirmed, and
 * names in the question it asks first.
 */
export function reconciledAmong(db: DbOrTx, accountIds: readonly string[]): ReconciledAmong {
  const reconciledOf = and(
    inArray(transactions.accountId, [...accountIds]),
    isNotNull(transactionUserData.reconciledAt),
  );
  const total = db
    .select({ count: count() })
    .from(transactionUserData)
    .innerJoin(transactions, eq(transactions.id, transactionUserData.transactionId))
    .where(reconciledOf)
    .get();
  const newest = db
    .select({
      id: transactions.id,
      accountId: transactions.accountId,
      currencyCode: accounts.currencyCode,
      date: transactions.date,
      description: transactions.description,
      amountCents: sql<number>`coalesce(${transactions.amountInAccountCurrencyCents}, ${transactions.amountCents})`,
    })
    .from(transactions)
    .innerJoin(accounts, eq(accounts.id, transactions.accountId))
    .innerJoin(transactionUserData, eq(transactionUserData.transactionId, transactions.id))
    .where(reconciledOf)
    .orderBy(desc(transactions.date), desc(sql`${transactions}.rowid`))
    .limit(namedReconciled)
    .all();
  return { count: total?.count ?? 0, newest };
}
