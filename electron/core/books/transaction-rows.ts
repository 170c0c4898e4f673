import type { TransactionOrigin, TransactionRow } from '../../shared/transactions.ts';
import type { AccountLabel } from './account-labels.ts';
import { accountAmount, effectiveCategory } from './transaction-conditions.ts';

/**
 * A transaction's own fields and its user data's (from `t` and `u`), in `StoredRow`'s
 * order: read as arrays (better-sqlite3's `raw()`), which cost less than named rows, for
 * the transactions page and the exports alike.
 */
export const storedRowColumns = `t.rowid, t.id, t.date, t.description,
    coalesce(u.counterparty_display_name, t.counterparty_name, t.merchant_name),
    t.account_id, t.amount_cents, t.currency_code, ${accountAmount}, t.status, ${effectiveCategory},
    u.category_source, u.category_id IS NOT NULL, u.notes, u.tags, u.usage, u.deductible,
    u.reconciled_at IS NOT NULL, t.origin, t.transfer_id`;

export type StoredRow = [
  rowid: number,
  id: string,
  date: string,
  description: string,
  counterparty: string | null,
  accountId: string,
  amountCents: number,
  currencyCode: string,
  accountAmountCents: number,
  status: string,
  categoryId: string | null,
  userCategorySource: 'manual' | 'rule' | null,
  userCategory: number,
  notes: string | null,
  tags: string | null,
  usage: 'business' | 'personal' | null,
  deductible: number | null,
  reconciled: number,
  origin: TransactionOrigin,
  transferId: string | null,
];

/** Where `StoredRow` keeps what its readers pick out of it, and how many fields it has (what a query adds comes after). */
export const storedRow = { rowid: 0, id: 1, date: 2, accountId: 5, width: 20 } as const;

/**
 * The row as the screen shows it, with its account's names and currency (account-labels.ts)
 * and its split's parts (0 when not split).
 */
export function toRow(
  row: readonly [...StoredRow, ...unknown[]],
  account: AccountLabel,
  splitParts: number,
): TransactionRow {
  const [
    ,
    id,
    date,
    description,
    counterparty,
    accountId,
    amountCents,
    currencyCode,
    accountAmountCents,
    status,
    categoryId,
    userCategorySource,
    userCategory,
    notes,
    tags,
    usage,
    deductible,
    reconciled,
    origin,
    transferId,
  ] = row;
  return {
    id,
    date,
    description,
    counterparty,
    accountId,
    accountName: account.displayName,
    accountShortName: account.shortName,
    institution: account.institution,
    accountDisconnected: account.disconnected,
    amountCents,
    currencyCode,
    accountAmountCents,
    accountCurrencyCode: account.currencyCode,
    pending: status === 'PENDING',
    categoryId,
    categorySource: categoryId === null ? null : userCategory ? (userCategorySource ?? 'manual') : 'pluggy',
    notes,
    tags: tags === null ? [] : (JSON.parse(tags) as string[]),
    usage,
    deductible: deductible === null ? null : deductible === 1,
    reconciled: reconciled === 1,
    adjustment: origin === 'adjustment',
    origin,
    transferId,
    split: splitParts > 0,
    splitParts,
  };
}
