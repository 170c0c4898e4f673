import type Database from 'better-sqlite3';

/**
 * Transactions whose copies of the user's category and usage (migration 0005's triggers)
 * differ from transaction_user_data: zero whenever the books are consistent. Tests of every
 * writer of user fields check it after each case.
 */
export function userFieldCopyMismatches(sqlite: Database.Database): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM transactions t LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
       WHERE t.user_category_id IS NOT u.category_id OR t.user_usage IS NOT u.usage`,
    )
    .pluck()
    .get() as number;
}
