import { z } from 'zod';
import { CalendarDay } from './calendar-day.ts';

/**
 * The user's own entries (issue 19): accounts kept by hand and transactions entered by
 * hand, in any account. Money is integer cents in the user's sign convention (negative =
 * money out; a card's balance is what is owed, negative).
 */

/** What a manual account is: the bank's kinds, and cash. */
export const manualAccountKinds = ['CHECKING_ACCOUNT', 'SAVINGS_ACCOUNT', 'CREDIT_CARD', 'CASH'] as const;
export const ManualAccountKind = z.enum(manualAccountKinds);
export type ManualAccountKind = z.infer<typeof ManualAccountKind>;

const accountId = z.string().min(1).max(100);
const transactionId = z.string().min(1).max(200);
const cents = z.number().int().min(-100_000_000_000).max(100_000_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ManualAccountCreate = z
  .object({
    /** The bank or place as the user names it ("Carteira", "Banco Regional"). */
    institution: text(80),
    name: text(60),
    kind: ManualAccountKind,
    number: z.string().trim().max(40).nullable().optional(),
    currencyCode: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('BRL'),
    /** The balance at the start of the opening date (what is owed, negative, for a card). */
    openingBalanceCents: cents.default(0),
    openingBalanceDate: CalendarDay,
  })
  .strict();
export type ManualAccountCreate = z.input<typeof ManualAccountCreate>;

/** A manual account's own fields (ACCOUNT_NOT_MANUAL for the bank's); the currency stays. */
export const ManualAccountEdit = z
  .object({
    id: accountId,
    institution: text(80).optional(),
    name: text(60).optional(),
    kind: ManualAccountKind.optional(),
    number: z.string().trim().max(40).nullable().optional(),
    openingBalanceCents: cents.optional(),
    openingBalanceDate: CalendarDay.optional(),
  })
  .strict();
export type ManualAccountEdit = z.input<typeof ManualAccountEdit>;

const transactionFields = {
  date: CalendarDay,
  description: text(200),
  /** In the account's currency; never zero. */
  amountCents: cents.refine((value) => value !== 0, { message: 'an amount other than zero' }),
  counterparty: z.string().trim().max(200).nullable().optional(),
  pending: z.boolean().optional(),
};

/** A transaction the user enters by hand, in any account (a bank's too: sync never touches it). */
export const ManualTransactionCreate = z
  .object({
    accountId,
    ...transactionFields,
    /** The user's category; without one, the rules run on it as on a synced row. */
    categoryId: z.string().min(1).max(100).nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
    usage: z.enum(['business', 'personal']).nullable().optional(),
  })
  .strict();
export type ManualTransactionCreate = z.input<typeof ManualTransactionCreate>;

/**
 * Changes the fields of a transaction the user entered or imported (TRANSACTION_NOT_OWN for
 * the bank's, whose own fields only the bank changes); the user's fields (category, notes…)
 * change through transactions:update for every transaction alike.
 */
export const ManualTransactionEdit = z
  .object({
    id: transactionId,
    date: transactionFields.date.optional(),
    description: transactionFields.description.optional(),
    amountCents: transactionFields.amountCents.optional(),
    counterparty: transactionFields.counterparty,
    pending: transactionFields.pending,
    confirmReconciled: z.boolean().optional(),
  })
  .strict();
export type ManualTransactionEdit = z.input<typeof ManualTransactionEdit>;

/**
 * Money moved between two of the user's accounts, entered once: out of one, into the
 * other, the same day. `receivedCents` when the two currencies differ (else the same amount).
 */
export const TransferCreate = z
  .object({
    fromAccountId: accountId,
    toAccountId: accountId,
    date: CalendarDay,
    amountCents: z.number().int().positive().max(100_000_000_000),
    receivedCents: z.number().int().positive().max(100_000_000_000).optional(),
    description: text(200),
  })
  .strict();
export type TransferCreate = z.input<typeof TransferCreate>;

export const TransferResult = z.object({ transferId: z.string(), ids: z.tuple([z.string(), z.string()]) });
export type TransferResult = z.infer<typeof TransferResult>;

/**
 * Deletes transactions the user entered or imported (a transfer's other side with each),
 * undoable with undo:apply; TRANSACTION_NOT_OWN if one is the bank's.
 */
export const TransactionsDelete = z
  .object({ ids: z.array(transactionId).min(1).max(10_000), confirmReconciled: z.boolean().optional() })
  .strict();
export type TransactionsDelete = z.input<typeof TransactionsDelete>;

export const TransactionsDeleted = z.object({ deleted: z.number().int(), undoId: z.number().int() });
export type TransactionsDeleted = z.infer<typeof TransactionsDeleted>;

export const CreatedTransaction = z.object({ id: z.string() });
