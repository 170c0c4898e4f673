import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { transactions } from '../../../db/schema.ts';
import type { TransactionDetails } from '../../shared/transaction-details.ts';
import { readUserFields } from './categorizing.ts';

/** A transaction's user fields and split with the bank's own details, for its detail panel. */
export function readTransactionDetails(db: Db, id: string): TransactionDetails {
  // Throws TRANSACTION_NOT_FOUND first, so the bank's row below exists.
  const userFields = readUserFields(db, id);
  const bank = db
    .select({
      descriptionRaw: transactions.descriptionRaw,
      counterpartyName: transactions.counterpartyName,
      counterpartyDocument: transactions.counterpartyDocument,
      merchantName: transactions.merchantName,
      categoryId: transactions.pluggyCategoryId,
      paymentMethod: transactions.paymentMethod,
      installmentNumber: transactions.installmentNumber,
      totalInstallments: transactions.totalInstallments,
    })
    .from(transactions)
    .where(eq(transactions.id, id))
    .get();
  if (!bank) throw new Error(`Transaction ${id} vanished while it was read`);
  return { ...userFields, bank };
}
