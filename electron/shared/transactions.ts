import { z } from 'zod';
import { CalendarDay } from './calendar-day.ts';
import { transactionSortKeys } from './transaction-constants.ts';

/**
 * Who wrote a transaction: the bank through Pluggy ('bank'), a reconciliation's balancing
 * entry ('adjustment'), the user by hand ('manual') or a statement file the user imported
 * ('import'). Sync writes and looks for only the bank's.
 */
export const transactionOrigins = ['bank', 'adjustment', 'manual', 'import'] as const;
export const TransactionOrigin = z.enum(transactionOrigins);
export type TransactionOrigin = z.infer<typeof TransactionOrigin>;

export { transactionSortKeys, uncategorized } from './transaction-constants.ts';

/**
 * The transactions workspace's IPC shapes (issue 6): what the screen asks for and what it
 * gets. Money is integer cents in the user's sign (negative = money out); dates are
 * bookkeeping dates `YYYY-MM-DD`.
 */

export const TransactionFilters = z
  .object({
    accountIds: z.array(z.string().min(1).max(100)).max(200).optional(),
    /** Inclusive bookkeeping dates. */
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    /** Effective category ids (the user's or a rule's, else Pluggy's); `uncategorized` for none. */
    categoryIds: z.array(z.string().min(1).max(100)).max(500).optional(),
    /** The amount's size, in or out, in the account's currency (`direction` picks the sign). */
    minCents: z.number().int().min(0).optional(),
    maxCents: z.number().int().min(0).optional(),
    direction: z.enum(['in', 'out']).optional(),
    pending: z.boolean().optional(),
    usage: z.enum(['business', 'personal', 'unset']).optional(),
    /** Full-text search over description, counterparty and notes, ignoring case and accents. */
    search: z.string().max(200).optional(),
    /**
     * Without `accountIds`, hidden accounts are left out (as from every total and report)
     * unless this is true; accounts named in `accountIds` are listed hidden or not.
     */
    includeHidden: z.boolean().optional(),
  })
  .strict();
export type TransactionFilters = z.infer<typeof TransactionFilters>;

export const TransactionQuery = z
  .object({
    filters: TransactionFilters.default({}),
    sort: z.enum(transactionSortKeys).default('date'),
    descending: z.boolean().default(true),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
    /** Whether to count the whole filtered set: the first page does; pages scrolled to need not. */
    count: z.boolean().default(true),
    /**
     * Each row's `runningBalanceCents`: the account's balance after it (an account's
     * register), when sorted by date (either way). Only with exactly one account in
     * `accountIds` (INVALID_INPUT otherwise).
     */
    runningBalance: z.boolean().optional(),
  })
  .strict();
export type TransactionQuery = z.input<typeof TransactionQuery>;

export const TransactionRow = z.object({
  id: z.string(),
  date: CalendarDay,
  description: z.string(),
  /** Who the money came from or went to, as the user named them, else as the bank did. */
  counterparty: z.string().nullable(),
  accountId: z.string(),
  /**
   * The account as every screen and file names it (account-names.ts): institution, name and
   * the end of its number, or the user's nickname; unique among the accounts. (Before issue
   * 16 this was the bank's bare name, which two accounts could share.)
   */
  accountName: z.string(),
  /** The same, short, for a tight column (the full one on hover). */
  accountShortName: z.string(),
  /** The account's bank (a file's "Banco" column). */
  institution: z.string(),
  /** Its connection was removed and its data kept: no more updates (marked wherever it shows). */
  accountDisconnected: z.boolean(),
  /** The transaction's own amount, in its own currency (a purchase of US$ 4,00 on a card in reais: -400, 'USD'). */
  amountCents: z.number().int(),
  currencyCode: z.string(),
  /**
   * What the account was charged, in the account's currency (that purchase: the R$ 24,10 on
   * the bill, -2410, 'BRL'): what totals, balances and reports add up, and what the screens
   * show first. Equal to `amountCents` when the currencies are the same.
   */
  accountAmountCents: z.number().int(),
  accountCurrencyCode: z.string(),
  pending: z.boolean(),
  categoryId: z.string().nullable(),
  /** Who chose the category: the user, a rule, or Pluggy's suggestion. */
  categorySource: z.enum(['manual', 'rule', 'pluggy']).nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  usage: z.enum(['business', 'personal']).nullable(),
  deductible: z.boolean().nullable(),
  reconciled: z.boolean(),
  /** A balancing entry a reconciliation recorded at the user's request: not the bank's. */
  adjustment: z.boolean(),
  /** Who wrote it: the bank, a reconciliation's adjustment, the user by hand, or a statement file imported. */
  origin: TransactionOrigin,
  /** The transfer between the user's own accounts this row is a side of (entered once, both sides share it). */
  transferId: z.string().nullable(),
  split: z.boolean(),
  /** How many parts the split has (0 when not split), for the row's marker. */
  splitParts: z.number().int(),
  /**
   * The account's balance just after this transaction, in the account's currency, when the
   * query asked for running balances in date order: its last reported balance less every
   * live transaction booked after this one (by date, then the order the books got them).
   */
  runningBalanceCents: z.number().int().optional(),
});
export type TransactionRow = z.infer<typeof TransactionRow>;

/** A page of the filtered, sorted set, with the whole set's count (what the list's height needs), when asked. */
export const TransactionPage = z.object({
  rows: z.array(TransactionRow),
  total: z.number().int().nullable(),
});
export type TransactionPage = z.infer<typeof TransactionPage>;

/**
 * Money in, out and net over the whole filtered set. Asked for apart from the pages: they
 * depend on the filters alone, so sorting or scrolling never sums the set again, and a
 * search's rows show before its totals (which visit every match) are in.
 */
export const TransactionTotals = z.object({
  inCents: z.number().int(),
  outCents: z.number().int(),
  netCents: z.number().int(),
});
export type TransactionTotals = z.infer<typeof TransactionTotals>;
