import { z } from 'zod';
import { CalendarDay, Instant } from './calendar-day.ts';

/**
 * Reconciliation's IPC shapes (issue 7, design.md §8): an account's transactions checked
 * against a bank or card statement. Money is integer cents in the user's sign (a card's
 * statement balance is negative: what is owed); dates are bookkeeping dates `YYYY-MM-DD`.
 */

const cents = z.number().int().min(-1e13).max(1e13);
const reconciliationId = z.number().int().positive();
const accountId = z.string().min(1).max(100);
const transactionId = z.string().min(1).max(100);

export const ReconciliationAccountInput = z.object({ accountId }).strict();
export const ReconciliationInput = z.object({ id: reconciliationId }).strict();

/** Where the screen's starting figures come from, before the user types anything. */
export const ReconciliationSetup = z.object({
  accountId: z.string(),
  /** The reconciliation in progress for this account, if any: resume it. */
  draftId: z.number().int().nullable(),
  /**
   * The previous reconciliation's statement balance; for the first one, the balance before
   * the first transaction held (`account-start`), which the user may correct.
   */
  openingBalanceCents: z.number().int(),
  openingSource: z.enum(['previous', 'account-start']),
  /** The previous statement's date: the next one must be later. */
  previousStatementDate: CalendarDay.nullable(),
  /** A statement to start from: the balance Pluggy reported and its date, or a card's last closed bill. */
  suggestedStatement: z
    .object({ date: CalendarDay, balanceCents: z.number().int(), source: z.enum(['balance', 'bill']) })
    .nullable(),
});
export type ReconciliationSetup = z.infer<typeof ReconciliationSetup>;

export const ReconciliationStart = z
  .object({
    accountId,
    statementDate: CalendarDay,
    statementBalanceCents: cents,
    /** Only for an account's first reconciliation; later ones open at the previous statement's balance. */
    openingBalanceCents: cents.optional(),
  })
  .strict();
export type ReconciliationStart = z.infer<typeof ReconciliationStart>;

/** The draft's statement, corrected. */
export const ReconciliationStatementUpdate = z
  .object({
    id: reconciliationId,
    statementDate: CalendarDay.optional(),
    statementBalanceCents: cents.optional(),
    openingBalanceCents: cents.optional(),
  })
  .strict();

/** The most lines one tick sends: "tick all" on a longer draft goes in parts. */
export const maxTickLines = 20_000;

/** Ticks (or unticks) transactions as cleared in a draft; saved at once. */
export const ReconciliationTick = z
  .object({
    id: reconciliationId,
    transactionIds: z.array(transactionId).min(1).max(maxTickLines),
    cleared: z.boolean(),
  })
  .strict();

/** Where a draft stands after ticks: the screen flips the ticked lines itself (a draft may hold thousands). */
export const ReconciliationStanding = z.object({
  clearedTotalCents: z.number().int(),
  differenceCents: z.number().int(),
  balanced: z.boolean(),
  updatedAt: z.string(),
});
export type ReconciliationStanding = z.infer<typeof ReconciliationStanding>;

/**
 * A transaction's amount as reconciliation shows it: what the account was charged first,
 * and the transaction's own amount beside it (a purchase of US$ 4,00 on a card in reais:
 * -2410 'BRL', then -400 'USD').
 */
const chargedAmount = {
  /** What the account was charged, in its currency: what the statement and every sum count. */
  amountCents: z.number().int(),
  accountCurrencyCode: z.string(),
  /** The transaction's own amount and currency; the account's when the currencies are the same. */
  originalAmountCents: z.number().int(),
  currencyCode: z.string(),
};

export const ReconciliationLine = z.object({
  id: z.string(),
  date: CalendarDay,
  description: z.string(),
  ...chargedAmount,
  pending: z.boolean(),
  cleared: z.boolean(),
});
export type ReconciliationLine = z.infer<typeof ReconciliationLine>;

/** A draft as the screen shows it: the statement, every candidate line, and the live standing. */
export const ReconciliationDraft = z.object({
  id: z.number().int(),
  accountId: z.string(),
  statementDate: CalendarDay,
  statementBalanceCents: z.number().int(),
  openingBalanceCents: z.number().int(),
  /** Only the first reconciliation of an account lets the user set where it opens. */
  openingEditable: z.boolean(),
  previousStatementDate: CalendarDay.nullable(),
  clearedTotalCents: z.number().int(),
  /** Statement balance − (opening + cleared): finishing needs 0 (or a confirmed adjustment). */
  differenceCents: z.number().int(),
  balanced: z.boolean(),
  /** Unreconciled transactions dated up to the statement date, oldest first. */
  lines: z.array(ReconciliationLine),
  updatedAt: z.string(),
});
export type ReconciliationDraft = z.infer<typeof ReconciliationDraft>;

/** Where the difference may come from. Lines are the draft's, or dated just after the statement. */
export const ReconciliationHelp = z.object({
  differenceCents: z.number().int(),
  /** Pending (not yet posted) lines: their amount may still change, or they may not be on the statement. */
  pending: z.array(ReconciliationLine),
  /** Pairs of lines with the same amount a few days apart: one may be counted twice. */
  duplicates: z.array(z.tuple([ReconciliationLine, ReconciliationLine])),
  /** Unreconciled transactions dated in the week after the statement date: the bank may date them earlier. */
  afterStatement: z.array(ReconciliationLine),
  /** Sets of up to three uncleared lines whose amounts add up to the difference, smallest first. */
  explaining: z.array(z.array(ReconciliationLine)),
});
export type ReconciliationHelp = z.infer<typeof ReconciliationHelp>;

export const ReconciliationFinish = z
  .object({
    id: reconciliationId,
    /**
     * The difference the user confirmed recording as an adjustment transaction (clearly
     * marked in the books). Without it a draft with a difference is refused; if the
     * difference is no longer this (a sync changed a ticked line), too.
     */
    adjustmentCents: cents.optional(),
  })
  .strict();

/** One finished reconciliation, for the account's history. */
export const ReconciliationSummary = z.object({
  id: z.number().int(),
  accountId: z.string(),
  statementDate: CalendarDay,
  openingBalanceCents: z.number().int(),
  statementBalanceCents: z.number().int(),
  clearedTotalCents: z.number().int(),
  transactionCount: z.number().int(),
  /** The adjustment recorded on finishing, if the user asked for one. */
  adjustmentCents: z.number().int().nullable(),
  finishedAt: z.string(),
  finishedBy: z.string(),
  /** Bank changes to its transactions waiting for the user's review. */
  openConflicts: z.number().int(),
  /**
   * What the bank changes the user accepted since have moved its transactions' total (a
   * changed amount, a dropped row): 0 while the statement still ties out.
   */
  driftCents: z.number().int(),
  /** Broken until resolved: conflicts wait for review, or accepted changes moved the total. */
  broken: z.boolean(),
  /** Edits the user confirmed on its transactions since it was finished. */
  changesAfterFinish: z.number().int(),
  /** Only the latest reconciliation of an account can be undone. */
  undoable: z.boolean(),
});
export type ReconciliationSummary = z.infer<typeof ReconciliationSummary>;

const ConflictSide = z.object({
  date: CalendarDay,
  description: z.string(),
  ...chargedAmount,
  status: z.string(),
});

/** A bank change (or removal) of a reconciled transaction, held back for the user to review. */
export const ReconciliationConflict = z.object({
  id: z.number().int(),
  reconciliationId: z.number().int(),
  statementDate: CalendarDay,
  transactionId: z.string(),
  /** The bank changed it, dropped it, or lists it again after the user accepted its removal. */
  kind: z.enum(['changed', 'removed', 'restored']),
  /** When the bank's latest version arrived: answering names it, so a newer one is not accepted unseen. */
  detectedAt: z.string(),
  /** The transaction as reconciled (kept in the books; out of them for `restored`). */
  reconciled: ConflictSide,
  /** What the bank now says; null when it dropped the transaction. */
  incoming: ConflictSide.nullable(),
});
export type ReconciliationConflict = z.infer<typeof ReconciliationConflict>;

export const ConflictResolution = z
  .object({
    id: z.number().int().positive(),
    /** Keep the reconciled version (the bank's change is not asked about again), or take the bank's. */
    resolution: z.enum(['keep', 'accept']),
    /** The version answered (the conflict's `detectedAt`): CONFLICT_CHANGED if a sync brought a newer one. */
    detectedAt: Instant,
  })
  .strict();
