import type { Db } from '../../../db/open.ts';
import type { categories } from '../../../db/schema.ts';
import type { ReportGroup, ReviewReason } from '../../shared/categories.ts';
import type { ClassificationReviewList } from '../../shared/classification.ts';
import { uncategorized } from '../../shared/transaction-constants.ts';
import { reviewReason } from './categories.ts';
import { moneyByCategory } from './category-movements.ts';
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
 * with its money in and out of all time and its newest transactions; and the transactions
 * without any category, which are categorized on Transações instead. One pass over the books.
 */
export function classificationReview(db: Db, queries: TransactionQueries): ClassificationReviewList {
  const waiting = new Map(
    (
      db.$client
        .prepare(
          `SELECT id, report_group AS reportGroup, report_group_set_at AS reportGroupSetAt,
             report_group_review AS reportGroupReview
           FROM categories
           WHERE report_group IS NULL OR (report_group_set_at IS NULL AND report_group_review IS NOT NULL)`,
        )
        .all() as Waiting[]
    ).map((row) => [row.id, row]),
  );
  const money = moneyByCategory(db.$client, [...waiting.keys(), uncategorized], {
    // The transactions without a category may take one of the places.
    limit: maxItems + 1,
    newest: examplesPerItem,
  });
  const items = money.flatMap(({ categoryId, newest, ...sums }) => {
    const category = waiting.get(categoryId);
    if (!category) return [];
    const reason = reviewReason(category) ?? 'unclassified';
    return [
      {
        categoryId,
        ...sums,
        reason,
        reportGroup: category.reportGroup,
        suggestedGroup: suggestions[reason],
        examples: queries.shown(newest),
      },
    ];
  });
  const none = money.find((each) => each.categoryId === uncategorized);
  return {
    items: items.slice(0, maxItems),
    uncategorized: {
      count: none?.count ?? 0,
      netCents: none ? none.inCents + none.outCents : 0,
    },
  };
}
