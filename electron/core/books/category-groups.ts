import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { categories } from '../../../db/schema.ts';
import type { CategoryGroupChange, CategoryGroupEffect, CategoryGroupResult } from '../../shared/classification.ts';
import { AppError } from '../../shared/errors.ts';
import { categoriesTotal } from './category-movements.ts';
import { type DbOrTx, recordGroupUndo } from './undo.ts';

/**
 * Changing where a category's money counts (issue 15): every report reads a category's
 * group when it runs (report-rows.ts), so a change moves the DRE, the livro-caixa, the
 * dashboard and every export at once, for each transaction filed under the category. What
 * the user set on a transaction itself (deductible, business or personal) still wins there.
 */

/** The category and, when asked, its subcategories at every depth, with their groups now. */
function affectedCategories(db: DbOrTx, change: CategoryGroupChange): CategoryGroupEffect['categories'] {
  const found = db.all<{ id: string; reportGroup: CategoryGroupEffect['categories'][number]['reportGroup'] }>(
    change.includeSubcategories
      ? sql`WITH RECURSIVE tree(id) AS (
              SELECT id FROM categories WHERE id = ${change.id}
              UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id)
            SELECT c.id, c.report_group AS reportGroup FROM categories c JOIN tree ON tree.id = c.id`
      : sql`SELECT id, report_group AS reportGroup FROM categories WHERE id = ${change.id}`,
  );
  if (found.length === 0) throw new AppError('CATEGORY_NOT_FOUND', `No category ${change.id}`);
  return found;
}

/**
 * What the change would move, to say before it is saved ("133 transações, R$ 17.404,06,
 * passam para Despesas dedutíveis"): the transactions filed under those categories, of all
 * time, and their net (a split's parts there at their share), as the reports count them.
 */
export function categoryGroupEffect(db: Db, change: CategoryGroupChange): CategoryGroupEffect {
  const affected = affectedCategories(db, change);
  return {
    categories: affected,
    ...categoriesTotal(
      db.$client,
      affected.map((each) => each.id),
    ),
  };
}

/**
 * Sets the group (the same one confirms Balancete's default, so it is no longer asked
 * about), for the category and, when asked, its subcategories; archived ones too. Undoable
 * with the returned id, which puts back each group and whether it was the default.
 */
export function setCategoryGroup(db: Db, change: CategoryGroupChange, now: Date): CategoryGroupResult {
  return db.transaction((tx) => {
    const affected = affectedCategories(tx, change);
    const ids = affected.map((each) => each.id);
    const undoId = recordGroupUndo(tx, ids, 'category-group');
    tx.update(categories)
      .set({ reportGroup: change.reportGroup, reportGroupSetAt: now.toISOString() })
      .where(sql`${categories.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .run();
    return { changed: ids, undoId };
  });
}
