import type { accounts, connections, creditCardBills } from '../../../db/schema.ts';
import { bookkeepingDate } from '../../shared/format.ts';
import { AccountType } from '../../shared/models.ts';
import { toCents } from '../../shared/money.ts';
import type { ProviderTransaction } from '../books/provider-transactions.ts';
import type { Account, Bill, Item, Transaction } from '../pluggy/models.ts';

/**
 * From Pluggy's shapes to Balancete's rows. Money becomes integer cents in the user's
 * sign convention (design.md §3): negative is money leaving the user, on every account.
 * Pluggy gives card purchases as positive amounts and a card's balance as what is owed,
 * so both are negated on CREDIT accounts.
 */
export const userSign = (accountType: string) => (accountType === 'CREDIT' ? -1 : 1);
const cents = (amount: number, sign: number) => {
  const value = sign * toCents(amount);
  return value === 0 ? 0 : value; // never -0
};

/**
 * A transaction's bookkeeping date, remembered per UTC hour. Formatting through Intl costs
 * a few microseconds, a large share of mapping one row, and a first sync maps hundreds of
 * thousands of rows, several per hour of history. Since 1914 São Paulo's offset from UTC
 * has been whole hours, changed on the hour (checked against the time-zone data for every
 * hour from 1914 to 2100), so all instants of one UTC hour share a date; older instants
 * are formatted one by one.
 */
const hourMs = 3_600_000;
const wholeHourOffsetsSince = Date.UTC(1914, 0, 2);
/** About five years of hours: a few megabytes at most, then it starts afresh. */
const maxRememberedHours = 50_000;
const datesByHour = new Map<number, string>();

function transactionDate(instant: string): string {
  const time = Date.parse(instant);
  // Not-a-date fails the comparison too, and bookkeepingDate reports it.
  if (!(time >= wholeHourOffsetsSince)) return bookkeepingDate(instant);
  const hour = Math.floor(time / hourMs);
  let date = datesByHour.get(hour);
  if (date === undefined) {
    if (datesByHour.size >= maxRememberedHours) datesByHour.clear();
    date = bookkeepingDate(new Date(hour * hourMs));
    datesByHour.set(hour, date);
  }
  return date;
}

/** The account types of Pluggy's spec (`Account.type`); its enums are open, so others may come. */
const isKnownAccountType = (type: string | null): type is AccountType => AccountType.safeParse(type).success;

/** Subtypes that tell an account's type (Pluggy's spec pairs each with one). */
const typeOfSubtype = new Map<string, AccountType>([
  ['CHECKING_ACCOUNT', 'BANK'],
  ['SAVINGS_ACCOUNT', 'BANK'],
  ['CREDIT_CARD', 'CREDIT'],
]);

/**
 * The type an account is booked as, which decides the sign of every amount on it. A type
 * Pluggy added after this version (its enums are open) must never flip signs: the account
 * keeps the type it is booked as. One not booked yet (new, or stored with an unknown type
 * by an older version) is told by its subtype or by which of `creditData` and `bankData`
 * it carries, and failing all that is a BANK account, whose amounts keep Pluggy's own
 * sign. `storedType`: the account's type as stored, null when it is new.
 */
export function resolveAccountType(account: Account, storedType: string | null): AccountType {
  if (isKnownAccountType(account.type)) return account.type;
  if (isKnownAccountType(storedType)) return storedType;
  const bySubtype = account.subtype ? typeOfSubtype.get(account.subtype) : undefined;
  if (bySubtype) return bySubtype;
  return account.creditData && !account.bankData ? 'CREDIT' : 'BANK';
}

/** `accountType`: the type the account is booked as (resolveAccountType). */
export function toProviderTransaction(transaction: Transaction, accountType: AccountType): ProviderTransaction {
  const sign = userSign(accountType);
  const amountCents = cents(transaction.amount, sign);
  // Money in: the other party paid; money out: the other party received.
  const party = amountCents > 0 ? transaction.paymentData?.payer : transaction.paymentData?.receiver;
  const installments = transaction.creditCardMetadata;
  return {
    id: transaction.id,
    accountId: transaction.accountId,
    description: transaction.description,
    descriptionRaw: transaction.descriptionRaw ?? null,
    amountCents,
    currencyCode: transaction.currencyCode,
    amountInAccountCurrencyCents:
      transaction.amountInAccountCurrency === null || transaction.amountInAccountCurrency === undefined
        ? null
        : cents(transaction.amountInAccountCurrency, sign),
    date: transactionDate(transaction.date),
    occurredAt: transaction.date,
    status: transaction.status ?? 'POSTED',
    type: transaction.type ?? null,
    pluggyCategoryId: transaction.categoryId ?? null,
    paymentMethod: transaction.paymentData?.paymentMethod ?? null,
    counterpartyName: party?.name ?? null,
    counterpartyDocument: party?.documentNumber?.value ?? null,
    counterpartyDocumentType: party?.documentNumber?.type ?? null,
    merchantName: transaction.merchant?.name ?? transaction.merchant?.businessName ?? null,
    merchantCnpj: transaction.merchant?.cnpj ?? null,
    installmentNumber: installments?.installmentNumber ?? null,
    totalInstallments: installments?.totalInstallments ?? null,
    providerCreatedAt: transaction.createdAt ?? null,
    providerUpdatedAt: transaction.updatedAt ?? null,
    raw: transaction,
  };
}

export type AccountRow = Omit<typeof accounts.$inferInsert, 'createdAt' | 'transactionsSyncedThrough' | 'closedAt'>;

/** `type`: the type the account is booked as (resolveAccountType), stored in place of Pluggy's. */
export function toAccountRow(account: Account, type: AccountType, connectionId: string, syncedAt: string): AccountRow {
  const sign = userSign(type);
  const credit = account.creditData;
  const toCentsOrNull = (value: number | null | undefined) =>
    value === null || value === undefined ? null : toCents(value);
  return {
    id: account.id,
    connectionId,
    type,
    subtype: account.subtype ?? null,
    name: account.name,
    marketingName: account.marketingName ?? null,
    number: account.number ?? null,
    currencyCode: account.currencyCode,
    balanceCents: cents(account.balance, sign),
    balanceDate: bookkeepingDate(account.updatedAt ?? syncedAt),
    creditLimitCents: toCentsOrNull(credit?.creditLimit),
    availableCreditLimitCents: toCentsOrNull(credit?.availableCreditLimit),
    balanceCloseDate: credit?.balanceCloseDate ? bookkeepingDate(credit.balanceCloseDate) : null,
    balanceDueDate: credit?.balanceDueDate ? bookkeepingDate(credit.balanceDueDate) : null,
    updatedAt: syncedAt,
  };
}

export type BillRow = typeof creditCardBills.$inferInsert;

/** A card's bill: its total is what is owed, so in the user's sign it is negative, like the card's balance. */
export function toBillRow(bill: Bill, accountId: string): BillRow {
  return {
    id: bill.id,
    accountId,
    closingDate: bill.billClosingDate ? calendarDate(bill.billClosingDate) : null,
    dueDate: calendarDate(bill.dueDate),
    totalCents: cents(bill.totalAmount, userSign('CREDIT')),
    currencyCode: bill.totalAmountCurrencyCode ?? null,
  };
}

/**
 * The bookkeeping date of a date Pluggy sends as an instant. Pluggy's spec shows bill dates
 * without a zone too ("2023-07-13T00:00:00"): that is already a calendar date, and reading
 * it as an instant would take the machine's zone and could land on the day before.
 */
function calendarDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]*)?$/.test(value) ? value.slice(0, 10) : bookkeepingDate(value);
}

export type ConnectionRow = Omit<typeof connections.$inferInsert, 'createdAt' | 'removedAt' | 'syncedLastUpdatedAt'>;

export function toConnectionRow(item: Item): ConnectionRow {
  return {
    id: item.id,
    connectorId: item.connector.id,
    connectorName: item.connector.name,
    connectorImageUrl: item.connector.imageUrl ?? null,
    connectorPrimaryColor: item.connector.primaryColor ?? null,
    status: item.status,
    executionStatus: item.executionStatus,
    errorCode: item.error?.code ?? null,
    errorMessage: item.error?.message ?? null,
    snapshot: item,
    lastUpdatedAt: item.lastUpdatedAt ?? null,
    consentExpiresAt: item.consentExpiresAt ?? null,
    nextAutoSyncAt: item.nextAutoSyncAt ?? null,
  };
}
