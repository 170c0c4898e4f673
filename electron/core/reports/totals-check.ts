import type Database from 'better-sqlite3';
import { sideOfGroup } from './counterparty-sides.ts';
import { rowBuckets } from './report-rows.ts';

/** A bucket the running totals and the rows disagree on: held by `source` only, or with other sums. */
export interface TotalsMismatch {
  table: 'monthly_totals' | 'monthly_counterparty_totals' | 'monthly_counterparty_sides';
  source: 'rows' | 'totals';
  key: Record<string, string | number>;
  cents: number;
  count: number;
}

/** The rows the totals count (the newer ones are read from the table), for `rowBuckets`. */
const countedRows = {
  sql: 't.rowid <= (SELECT counted_through FROM monthly_totals_state) AND t.removed_at IS NULL',
  values: [],
};

const counterpartyBuckets = rowBuckets(countedRows, { usage: true, counterparty: true });

/** What each totals table must hold, from the rows as the reports count them, keyed as it stores them. */
const tables = [
  {
    table: 'monthly_totals',
    keys: ['account_id', 'month', 'category_id', 'incoming', 'usage', 'deductible'],
    counted: rowBuckets(countedRows, { usage: true, deductible: true }),
    stored: `account_id, month, coalesce(category_id, '') AS category_id, incoming, coalesce(usage, '') AS usage,
      coalesce(deductible, -1) AS deductible, cents, count`,
  },
  {
    table: 'monthly_counterparty_totals',
    keys: ['account_id', 'month', 'counterparty', 'category_id', 'incoming', 'usage'],
    counted: counterpartyBuckets,
    stored: `account_id, month, counterparty, coalesce(category_id, '') AS category_id, incoming,
      coalesce(usage, '') AS usage, cents, count`,
    where: 'counterparty IS NOT NULL',
  },
  {
    // Over every account, by side (migration 0013; counterparty-sides.ts): summed again.
    table: 'monthly_counterparty_sides',
    keys: ['month', 'counterparty', 'side', 'category_id', 'usage'],
    counted: {
      sql: `SELECT b.month, b.counterparty,
          CASE WHEN b.category_id IS NULL THEN CASE WHEN b.incoming THEN 'income' ELSE 'expense' END
            ELSE ${sideOfGroup('c.report_group')} END AS side,
          CASE WHEN b.category_id IS NOT NULL AND c.report_group IS NULL THEN b.category_id ELSE '' END AS category_id,
          coalesce(b.usage, '') AS usage, b.cents, b.count
        FROM (${counterpartyBuckets.sql}) b LEFT JOIN categories c ON c.id = b.category_id`,
      values: counterpartyBuckets.values,
    },
    stored: 'month, counterparty, side, category_id, usage, sum(cents) AS cents, sum(count) AS count',
    where: 'counterparty IS NOT NULL GROUP BY month, counterparty, side, category_id, usage',
  },
] as const;

/**
 * The consistency check of the running totals (migrations 0011 and 0013's triggers): every table,
 * with what is pending, against the rows they count, summed by the reports' own row path
 * (report-rows.ts's `rowBuckets`), key by key. Empty when they agree; a folded sum taken
 * back to nothing must be gone, not kept as zero. The tests run it after every kind of
 * write. It reads every row of the books.
 */
export function monthlyTotalsMismatches(sqlite: Database.Database): TotalsMismatch[] {
  return tables.flatMap((entry) => {
    const { table, keys, counted, stored } = entry;
    const columns = [...keys, 'cents', 'count'].join(', ');
    const rows = sqlite
      .prepare(
        `WITH counted AS (SELECT ${stored} FROM (${counted.sql}) ${'where' in entry ? `WHERE ${entry.where}` : ''}),
         kept AS (
           SELECT ${keys.join(', ')}, sum(cents) AS cents, sum(count) AS count FROM current_${table}
           GROUP BY ${keys.join(', ')} HAVING sum(count) <> 0 OR sum(cents) <> 0
           UNION ALL SELECT ${columns} FROM ${table} WHERE count = 0 AND cents = 0)
         SELECT 'rows' AS source, * FROM (SELECT ${columns} FROM counted EXCEPT SELECT * FROM kept)
         UNION ALL
         SELECT 'totals', * FROM (SELECT * FROM kept EXCEPT SELECT ${columns} FROM counted)`,
      )
      .all(...counted.values) as (Record<string, string | number> & { source: 'rows' | 'totals' })[];
    return rows.map(({ source, cents, count, ...key }) => ({
      table,
      source,
      key,
      cents: Number(cents),
      count: Number(count),
    }));
  });
}
