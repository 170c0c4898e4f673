import { z } from 'zod';
import { ReportGroup, ReviewReason } from './categories.ts';
import { TransactionRow } from './transactions.ts';

const categoryId = z.string().min(1).max(100);

/**
 * A category's new report group, or the same one to confirm it. With `includeSubcategories`
 * its subcategories (at every depth) take it too.
 */
export const CategoryGroupChange = z
  .object({ id: categoryId, reportGroup: ReportGroup, includeSubcategories: z.boolean().optional() })
  .strict();
export type CategoryGroupChange = z.infer<typeof CategoryGroupChange>;

/** What a group change would move, said before it is saved. */
export const CategoryGroupEffect = z.object({
  /** The categories whose group would change (or be confirmed), with their group now. */
  categories: z.array(z.object({ id: z.string(), reportGroup: ReportGroup.nullable() })),
  /** Live transactions in them (a split counts once for its parts there), of all time. */
  count: z.number().int(),
  /** Their net, in each account's currency (split parts by their share). */
  netCents: z.number().int(),
});
export type CategoryGroupEffect = z.infer<typeof CategoryGroupEffect>;

export const CategoryGroupResult = z.object({
  /** Every category whose group was set, as it is now. */
  changed: z.array(z.string()),
  /** Puts the groups back as they were ('undo:apply'). */
  undoId: z.number().int(),
});
export type CategoryGroupResult = z.infer<typeof CategoryGroupResult>;

/** A category waiting for a decision, with the money it holds and a few of its transactions. */
export const ClassificationReviewItem = z.object({
  categoryId: z.string(),
  reason: ReviewReason,
  /** Its group now (null when it has none). */
  reportGroup: ReportGroup.nullable(),
  /** The group Balancete suggests choosing, when it has one (deductible, for 'probably_deductible'). */
  suggestedGroup: ReportGroup.nullable(),
  count: z.number().int(),
  inCents: z.number().int(),
  outCents: z.number().int(),
  examples: z.array(TransactionRow),
});
export type ClassificationReviewItem = z.infer<typeof ClassificationReviewItem>;

export const ClassificationReviewList = z.object({
  /** Largest money first (in plus out); categories holding no live transaction are left out. */
  items: z.array(ClassificationReviewItem),
  /** Transactions without any category: they are categorized on Transações, not here. */
  uncategorized: z.object({ count: z.number().int(), netCents: z.number().int() }),
});
export type ClassificationReviewList = z.infer<typeof ClassificationReviewList>;
