import { z } from 'zod';

/** Where a category's money goes in the freelancer's reports (design.md §3). */
export const reportGroups = [
  'income',
  'deductible_expense',
  'nondeductible_expense',
  'transfer',
  'investment',
  'tax',
] as const;
export const ReportGroup = z.enum(reportGroups);
export type ReportGroup = z.infer<typeof ReportGroup>;

/**
 * Why a category's report group waits for the user's word (design.md §12: classification
 * is data). Balancete's defaults say so themselves:
 * - 'probably_deductible': kept personal, but usually a home office's livro-caixa expense;
 * - 'ambiguous': a best guess (a transfer that may be the user's own, "Outros");
 * - 'unknown': a category Pluggy added after Balancete's table was written.
 * A category without any group is 'unclassified'. Once the user chooses or confirms a
 * group, nothing waits.
 */
export const classificationReviews = ['probably_deductible', 'ambiguous', 'unknown'] as const;
export const ClassificationReview = z.enum(classificationReviews);
export type ClassificationReview = z.infer<typeof ClassificationReview>;

export const reviewReasons = ['unclassified', ...classificationReviews] as const;
export const ReviewReason = z.enum(reviewReasons);
export type ReviewReason = z.infer<typeof ReviewReason>;

/** One category of the tree the screens show: Pluggy's taxonomy and the user's own. */
export const CategorySummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  source: z.enum(['pluggy', 'user']),
  namePt: z.string(),
  nameEn: z.string(),
  reportGroup: ReportGroup.nullable(),
  /** Why its group waits for the user's word; null once classified (by a sure default or by the user). */
  review: ReviewReason.nullable(),
  archived: z.boolean(),
});
export type CategorySummary = z.infer<typeof CategorySummary>;

const categoryId = z.string().min(1).max(100);
const categoryName = z.string().trim().min(1).max(80);

/** A category of the user's: `name` in both languages unless `nameEn` gives the English one. */
export const CategoryCreate = z
  .object({
    name: categoryName,
    nameEn: categoryName.optional(),
    /** A top-level category to sit under; none for a new top-level one. */
    parentId: categoryId.optional(),
    /** Defaults to the parent's group. */
    reportGroup: ReportGroup.optional(),
  })
  .strict();
export type CategoryCreate = z.infer<typeof CategoryCreate>;

export const CategoryRename = z
  .object({ id: categoryId, name: categoryName, nameEn: categoryName.optional() })
  .strict();
export type CategoryRename = z.infer<typeof CategoryRename>;

/** Every reference to `from` moves to `into`; `from` is archived. */
/**
 * Edits of reconciled transactions are refused as TRANSACTION_RECONCILED unless the user
 * confirmed them (`confirmReconciled`); confirmed ones are recorded on the reconciliation.
 */
const confirmReconciled = z.boolean().optional();

/** Reconciled transactions of `from` change category too: asked first, as any edit of them. */
export const CategoryMerge = z.object({ from: categoryId, into: categoryId, confirmReconciled }).strict();
export type CategoryMerge = z.infer<typeof CategoryMerge>;

/** Hides a category from pickers (`archived: false` shows it again). */
export const CategoryArchive = z.object({ id: categoryId, archived: z.boolean() }).strict();

const transactionId = z.string().min(1).max(200);

/**
 * The user's own choices on one transaction. A field left out is not touched; `null`
 * clears it (the category then falls back to a rule's or Pluggy's suggestion).
 */
export const TransactionPatch = z
  .object({
    categoryId: categoryId.nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).nullable().optional(),
    usage: z.enum(['business', 'personal']).nullable().optional(),
    deductible: z.boolean().nullable().optional(),
    counterpartyName: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .strict();
export type TransactionPatch = z.infer<typeof TransactionPatch>;

export const TransactionUpdate = z.object({ id: transactionId, patch: TransactionPatch, confirmReconciled }).strict();

/** The most transactions one bulk categorize takes (and one undo restores). */
export const maxBulkCategorize = 10_000;

export const BulkCategorize = z
  .object({ ids: z.array(transactionId).min(1).max(maxBulkCategorize), categoryId, confirmReconciled })
  .strict();

export const BulkCategorizeResult = z.object({ changed: z.number().int(), undoId: z.number().int() });
export type BulkCategorizeResult = z.infer<typeof BulkCategorizeResult>;

export const UndoApply = z.object({ id: z.number().int().positive(), confirmReconciled }).strict();

/** A part of a split transaction, in the transaction's sign (negative for money out). */
export const SplitPart = z
  .object({ categoryId, amountCents: z.number().int(), note: z.string().trim().max(500).optional() })
  .strict();
export type SplitPart = z.infer<typeof SplitPart>;

/** The parts replace any previous split; an empty list removes it. */
export const TransactionSplit = z
  .object({ id: transactionId, parts: z.array(SplitPart).max(50), confirmReconciled })
  .strict();
export type TransactionSplit = z.infer<typeof TransactionSplit>;

/** A transaction's user fields after an edit. */
export const TransactionUserFields = z.object({
  id: z.string(),
  categoryId: z.string().nullable(),
  categorySource: z.enum(['manual', 'rule']).nullable(),
  manualFields: z.array(z.string()),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  usage: z.enum(['business', 'personal']).nullable(),
  deductible: z.boolean().nullable(),
  counterpartyName: z.string().nullable(),
  splits: z.array(
    z.object({ categoryId: z.string().nullable(), amountCents: z.number().int(), note: z.string().nullable() }),
  ),
});
export type TransactionUserFields = z.infer<typeof TransactionUserFields>;
