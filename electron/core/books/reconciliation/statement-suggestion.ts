import { and, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/open.ts';
import { accounts, creditCardBills, transactions } from '../../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ReconciliationSetup } from '../../../shared/reconciliation.ts';

/**
 * The figures a new reconciliation starts from, before the user types anything, from what
 * the last sync stored (so offline too): a statement to check against, and the balance the
 * account had before the first transaction the books hold.
 */

export type SuggestedStatement = NonNullable<ReconciliationSetup['suggestedStatement']>;

/**
 * A card's last bill, or else the balance Pluggy last reported and its date; null when
 * neither is known. A bill's statement date is the last day it covers, the day before its
 * closing date: Pluggy's spec only says `billClosingDate` is "Date when the bill was
 * closed", and Brazilian cards put purchases of the closing day on the next bill (the
 * "melhor dia de compra"), as the sandbox does (its bills close at São Paulo midnight
 * starting the closing day). test/integration/card-bills.test.ts checks every sandbox bill
 * against the card's rows up to that date.
 */
export function suggestedStatement(db: Db, accountId: string): SuggestedStatement | null {
  const account = storedBalance(db, accountId);
  if (account.type === 'CREDIT') {
    const bill = db
      .select({ closingDate: creditCardBills.closingDate, totalCents: creditCardBills.totalCents })
      .from(creditCardBills)
      .where(and(eq(creditCardBills.accountId, accountId), isNotNull(creditCardBills.closingDate)))
      .orderBy(desc(creditCardBills.closingDate))
      .limit(1)
      .get();
    if (bill?.closingDate) return { date: dayBefore(bill.closingDate), balanceCents: bill.totalCents, source: 'bill' };
  }
  if (!account.balanceDate) return null;
  return { date: account.balanceDate, balanceCents: account.balanceCents, source: 'balance' };
}

/**
 * The account's balance before its first transaction held: the balance Pluggy reported
 * less every transaction held up to that balance's date (rows dated later are not in it).
 * Pending rows count, as they do in the sandbox's balances (Pluggy does not say whether a
 * balance includes them). Amounts are in the account's currency, as its balance is. With
 * no balance date, every row counts.
 */
export function openingAtAccountStart(db: Db, accountId: string): number {
  const account = storedBalance(db, accountId);
  const held = db
    .select({
      cents: sql<number>`coalesce(sum(coalesce(${transactions.amountInAccountCurrencyCents}, ${transactions.amountCents})), 0)`,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.accountId, accountId),
        isNull(transactions.removedAt),
        account.balanceDate ? lte(transactions.date, account.balanceDate) : undefined,
      ),
    )
    .get();
  return account.balanceCents - (held?.cents ?? 0);
}

/** What the last sync stored of an account's balance. */
function storedBalance(db: Db, accountId: string) {
  const account = db
    .select({ type: accounts.type, balanceCents: accounts.balanceCents, balanceDate: accounts.balanceDate })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get();
  if (!account) throw new AppError('NOT_FOUND', `Account ${accountId} not found`);
  return account;
}

/** The calendar day before a `YYYY-MM-DD` date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
