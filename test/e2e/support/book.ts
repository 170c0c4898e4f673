import type { Db } from '../../../db/open.ts';
import { categories, transactions } from '../../../db/schema.ts';
import { seedTwoAccounts } from '../../fixtures/seed.ts';

/** A bank transaction as a spec writes it: what it tells apart, the rest filled in by `insertTransactions`. */
export type BookTransaction = Omit<typeof transactions.$inferInsert, 'currencyCode' | 'occurredAt' | 'status'> & {
  status?: 'POSTED' | 'PENDING';
};

/** The user's categories the books of the transactions screens share: meals, restaurants under it, and transport. */
const mealsAndTransport: (typeof categories.$inferInsert)[] = [
  { id: 'cat-food', source: 'user', namePt: 'Refeições', nameEn: 'Meals', reportGroup: 'nondeductible_expense' },
  { id: 'cat-restaurants', parentId: 'cat-food', source: 'user', namePt: 'Restaurantes', nameEn: 'Restaurants' },
  { id: 'cat-transport', source: 'user', namePt: 'Transporte', nameEn: 'Transport' },
];

/** A book's start: two accounts (`seedTwoAccounts`), meals, restaurants and transport, and the spec's `more` categories. */
export function seedAccountsAndCategories(
  db: Db,
  more: (typeof categories.$inferInsert)[],
): ReturnType<typeof seedTwoAccounts> {
  const accounts = seedTwoAccounts(db);
  db.insert(categories)
    .values([...mealsAndTransport, ...more])
    .run();
  return accounts;
}

/** Stores transactions as sync would: in reais, at 15:00 UTC of their date, posted unless the row says pending. */
export function insertTransactions(db: Db, rows: readonly BookTransaction[]): void {
  db.insert(transactions)
    .values(
      rows.map((row) => ({
        ...row,
        currencyCode: 'BRL',
        occurredAt: `${row.date}T15:00:00.000Z`,
        status: row.status ?? 'POSTED',
      })),
    )
    .run();
}
