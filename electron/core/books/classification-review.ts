import type { Db } from '../../../db/open.ts';
import type { categories } from '../../../db/schema.ts';
import type { ClassificationReviewList } from '../../shared/classification.ts';
import type { ReportGroup, ReviewReason } from '../../shared/categories.ts';
import type { Language } from '../../shared/models.ts';
import { uncategorized } from '../../shared/transaction-constants.ts';
import { accountAmount, prepared, splitPartShares } from '../reports/report-rows.ts';
import { reviewReason } from './categories.ts';
import type { TransactionQueries } from './transaction-query.ts';

/** How many categories the review lists at most, and how many of each one's transactions it shows. */
const maxItems = 30;
const examplesPerItem = 3;

/** The group the review offers first for each reason (null: the user's pick, no suggestion). */
const suggestions: Record<ReviewReason, ReportGroup | null> = {
  probably_deductible: 'deductible_expense',
  ambiguous: null,
  unknown: null,
  unclassified: null,
};

type Waiting = Pick<typeof categories.$inferSelect, 'id' | 'reportGroup' | 'reportGroupSetAt' | 'reportGroupReview'>;

/**
 * "Revisar classificação" (issue 15): the categories whose group waits for the user's word
 * (none, or a default Balancete is not sure of), those holding the most money first, each
 * with its money in and out of all time (split parts by their share, as the reports count
 * them) and its newest transactions. One pass over the books' listing index for the sums.
 */
export async function classificationReview(
  db: Db,
  queries: TransactionQueries,
  language: Language,
): Promise<ClassificationReviewList> {
  const waiting = new Map(
    db.$client
      .prepare(
        `SELECT id, report_group AS reportGroup, report_group_set_at AS reportGroupSetAt,
           report_group_review AS reportGroupReview
         FROM categories
         WHERE report_group IS NULL OR (report_group_set_at IS NULL AND report_group_review IS NOT NULL)`,
      )
      .all()
      .map((row) => [(row as Waiting).id, row as Waiting]),
  );
  const sums = prepared(
    db.$client,
    `WITH wanted AS (SELECT value AS id FROM json_each(?)),
     parts AS MATERIALIZED (SELECT trowid, category_id, cents FROM (${splitPartShares('t.removed_at IS NULL')})),
     movements AS (
       SELECT coalesce(t.user_category_id, t.pluggy_category_id) AS category_id, ${accountAmount} AS cents
       FROM transactions t
       WHERE t.account_id IN (SELECT id FROM accounts) AND t.removed_at IS NULL
         AND coalesce(t.user_category_id, t.pluggy_category_id) IN (SELECT id FROM wanted)
         AND t.rowid NOT IN (SELECT trowid FROM parts)
       UNION ALL
       SELECT category_id, cents FROM parts WHERE category_id IN (SELECT id FROM wanted))
     SELECT category_id AS categoryId, count(*) AS count,
       coalesce(sum(CASE WHEN cents > 0 THEN cents END), 0) AS inCents,
       coalesce(sum(CASE WHEN cents < 0 THEN cents END), 0) AS outCents
     FROM movements GROUP BY category_id
     ORDER BY coalesce(sum(abs(cents)), 0) DESC, category_id
     LIMIT ${maxItems}`,
  ).all(JSON.stringify([...waiting.keys()])) as {
    categoryId: string;
    count: number;
    inCents: number;
    outCents: number;
  }[];

  const items = await Promise.all(
    sums.map(async (sum) => {
      const category = waiting.get(sum.categoryId) as Waiting;
      const reason = reviewReason(category) ?? 'unclassified';
      const examples = await queries.list(
        { filters: { categoryIds: [sum.categoryId] }, limit: examplesPerItem, count: false },
        language,
      );
      return {
        ...sum,
        reason,
        reportGroup: category.reportGroup,
        suggestedGroup: suggestions[reason],
        examples: examples.rows,
      };
    }),
  );
  const filters = { categoryIds: [uncategorized] };
  const [page, totals] = await Promise.all([
    queries.list({ filters, limit: 1, count: true }, language),
    queries.totals(filters),
  ]);
  return { items, uncategorized: { count: page.total ?? 0, netCents: totals.netCents } };
}
