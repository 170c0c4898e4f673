import type Database from 'better-sqlite3';
import { rowBuckets } from './report-rows.ts';

/** A bucket the running totals and the rows disagree on: held by `source` only, or with other sums. */
export interface TotalsMismatch {
  table: 'monthly_totals' | 'monthly_counterparty_totals';
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

/** What each totals table must hold, from the rows as the reports count them, keyed as it stores them. */
const tables = [
  {
    table: 'monthly_totals',
    keys: ['account_id', 'month', 'category_id', 'incoming', 'usage', 'deductible'],
    counted: rowBuckets(countedRows, { usage: true, deductible: true }),
    stored: `coalesce(category_id, '') AS category_id, incoming, coalesce(usage, '') AS usage,
      coalesce(deductible, -1) AS deductible`,
  },
  {
    table: 'monthly_counterparty_totals',
    keys: ['account_id', 'month', 'counterparty', 'category_id', 'incoming', 'usage'],
    counted: rowBuckets(countedRows, { usage: true, counterparty: true }),
    stored: `counterparty, coalesce(category_id, '') AS category_id, incoming, coalesce(usage, '') AS usage`,
  },
] as const;

/**
 * The consistency check of the running totals (migration 0011's triggers): both tables,
 * with what is pending, against the rows they count, summed by the reports' own row path
 * (report-rows.ts's `rowBuckets`), key by key. Empty when they agree; a folded sum taken
 * back to nothing must be gone, not kept as zero. The tests run it after every kind of
 * write. It reads every row of the books.
 */
export function monthlyTotalsMismatches(sqlite: Database.Database): TotalsMismatch[] {
  return tables.flatMap(({ table, keys, counted, stored }) => {
    const columns = [...keys, 'cents', 'count'].join(', ');
    const rows = sqlite
      .prepare(
        `WITH counted AS (
           SELECT account_id, month, ${stored}, cents, count FROM (${counted.sql})
           ${table === 'monthly_counterparty_totals' ? 'WHERE counterparty IS NOT NULL' : ''}),
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
