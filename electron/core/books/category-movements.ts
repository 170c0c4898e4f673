import type Database from 'better-sqlite3';
import { uncategorized } from '../../shared/transaction-constants.ts';
import { accountAmount, prepared, splitPartShares } from '../reports/report-rows.ts';

/** A movement's category, `uncategorized` standing for none (as in the category filter). */
const categoryOf = (column: string) => `coalesce(${column}, '${uncategorized}')`;
const ownCategory = categoryOf('t.user_category_id, t.pluggy_category_id');

/**
 * `WITH … movements AS (…)`: every live movement of all time filed under one of the
 * categories bound as a JSON array (the one parameter; `uncategorized` for none): a
 * transaction under its own category (the user's or a rule's, else Pluggy's), or, for a
 * split, each part under the part's, at its share of the account amount, as the reports
 * count them. Columns: the transaction's `trowid` and `date`, the movement's `category_id`
 * and `cents`. One walk of the listing index (which holds every column read) plus the few
 * split parts.
 */
const movements = `WITH wanted AS (SELECT value AS id FROM json_each(?)),
  parts AS MATERIALIZED (
    SELECT trowid, ${categoryOf('category_id')} AS category_id, cents
    FROM (${splitPartShares('t.removed_at IS NULL')})),
  movements AS MATERIALIZED (
    SELECT t.rowid AS trowid, t.date, ${ownCategory} AS category_id, ${accountAmount} AS cents
    FROM transactions t
    WHERE t.account_id IN (SELECT id FROM accounts) AND t.removed_at IS NULL
      AND ${ownCategory} IN (SELECT id FROM wanted)
      AND t.rowid NOT IN (SELECT trowid FROM parts)
    UNION ALL
    SELECT p.trowid, t.date, p.category_id, p.cents
    FROM parts p CROSS JOIN transactions t ON t.rowid = p.trowid
    WHERE p.category_id IN (SELECT id FROM wanted))`;

/** How many transactions (a split once, however many of its parts are there) and their net. */
export function categoriesTotal(sqlite: Database.Database, categoryIds: readonly string[]) {
  return prepared(
    sqlite,
    `${movements} SELECT count(DISTINCT trowid) AS count, coalesce(sum(cents), 0) AS netCents FROM movements`,
  ).get(JSON.stringify(categoryIds)) as { count: number; netCents: number };
}

export interface CategoryMoney {
  categoryId: string;
  /** Movements: a split's parts count one each, as a report line's do. */
  count: number;
  inCents: number;
  outCents: number;
  /** Rowids of the newest transactions filed under it, newest first. */
  newest: number[];
}

/** Each category's money in and out and its newest transactions, the most money first, at most `limit`. */
export function moneyByCategory(
  sqlite: Database.Database,
  categoryIds: readonly string[],
  { limit, newest }: { limit: number; newest: number },
): CategoryMoney[] {
  const rows = prepared(
    sqlite,
    `${movements},
     sums AS (
       SELECT category_id, count(*) AS count,
         coalesce(sum(CASE WHEN cents > 0 THEN cents END), 0) AS inCents,
         coalesce(sum(CASE WHEN cents < 0 THEN cents END), 0) AS outCents,
         sum(abs(cents)) AS moved
       FROM movements GROUP BY category_id
       ORDER BY moved DESC, category_id LIMIT ${limit}),
     ranked AS MATERIALIZED (
       SELECT category_id, trowid, position FROM (
         SELECT category_id, trowid,
           row_number() OVER (PARTITION BY category_id ORDER BY date DESC, trowid DESC) AS position
         FROM (SELECT DISTINCT category_id, trowid, date FROM movements
               WHERE category_id IN (SELECT category_id FROM sums)))
       WHERE position <= ${newest})
     SELECT s.category_id AS categoryId, s.count, s.inCents, s.outCents,
       (SELECT json_group_array(trowid) FROM
          (SELECT trowid FROM ranked r WHERE r.category_id = s.category_id ORDER BY r.position)) AS newest
     FROM sums s ORDER BY s.moved DESC, s.category_id`,
  ).all(JSON.stringify(categoryIds)) as (Omit<CategoryMoney, 'newest'> & { newest: string })[];
  return rows.map((row) => ({ ...row, newest: JSON.parse(row.newest) as number[] }));
}
