import { lastDayOfMonth } from '../../shared/calendar-day.ts';
import type { Sql } from './report-rows.ts';

/**
 * The books' running totals (migration 0011): the counted movements (report-rows.ts)
 * summed by account, month, effective category, sign, usage and deductible flag — and, in
 * monthly_counterparty_totals, by counterparty, and in monthly_counterparty_sides (0013) by
 * counterparty and side over every account (counterparty-sides.ts) — kept by triggers in the same transaction
 * as every change, with what is not yet folded in (monthly_totals_pending; the current_…
 * views read both). Transactions newer than monthly_totals_state's rowid are not counted
 * yet (totals-catch-up.ts counts them after a sync): a report reads those few from the
 * table. A report reads a period's whole months here and only the days of its partial
 * first and last months from the rows, so its cost follows the months it spans, not the
 * rows they hold.
 */

/** A period as whole months (`YYYY-MM`, inclusive; `last` null for no end) and the days left over. */
export interface PeriodParts {
  months: { first: string; last: string | null } | null;
  days: { from: string; to: string }[];
}

/** `from` to `to` (inclusive days; `to` null for no end) as whole months and the days outside them. */
export function periodParts(from: string, to: string | null): PeriodParts {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = to === null ? null : to === lastDayOfMonth(to) ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (last !== null && first > last) return { months: null, days: [{ from, to: to as string }] };
  const days: PeriodParts['days'] = [];
  if (!from.endsWith('-01')) days.push({ from, to: lastDayOfMonth(from) });
  if (to !== null && last !== to.slice(0, 7)) days.push({ from: `${to.slice(0, 7)}-01`, to });
  return { months: { first, last }, days };
}

function nextMonth(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return index === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return index === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 4)}-${String(index - 1).padStart(2, '0')}`;
}

/** The accounts (report-rows.ts's `accountSet`) and whole months, over the totals table `m`. */
function accountsAndMonths(accounts: Sql, months: NonNullable<PeriodParts['months']>): Sql {
  const sql = [`m.account_id ${accounts.sql}`, 'm.month >= ?'];
  const values = [...accounts.values, months.first];
  if (months.last !== null) {
    sql.push('m.month <= ?');
    values.push(months.last);
  }
  return { sql: sql.join(' AND '), values };
}

/**
 * Buckets of the accounts' whole `months`, as report-rows.ts's `rowBuckets` makes them of
 * days (the same columns, in the same order), from the totals: the stored '' back to null,
 * the usage and the deductible flag summed over (only business movements read, with
 * `businessOnly`). With `byCategory`, one bucket per category and sign over the whole
 * period (account and month null), for a report that reads no more.
 *
 * The folded totals and the pending list are summed apart, each by its own key: SQLite then
 * walks the folded table in its primary key's order and sums as it goes, where a sum over
 * both (the current_… views) would go through a sorter, several times the cost. A key may
 * so come twice, and a key whose pending movements took it back to nothing comes as two
 * buckets that add up to no movement (count 0): a report that lists keys leaves those out
 * (`HAVING sum(count) <> 0`), the others only add them up.
 */
export function totalBuckets(
  accounts: Sql,
  months: NonNullable<PeriodParts['months']>,
  options: { businessOnly?: boolean; byCategory?: boolean },
): Sql {
  const where = accountsAndMonths(accounts, months);
  const business = options.businessOnly ? " AND m.usage = 'business'" : '';
  const [columns, keys] = options.byCategory
    ? ['NULL AS account_id, NULL AS month', 'm.category_id, m.incoming']
    : ['m.account_id, m.month', 'm.account_id, m.month, m.category_id, m.incoming'];
  const select = (table: string) => `SELECT ${columns}, nullif(m.category_id, '') AS category_id, m.incoming,
        sum(m.cents) AS cents, sum(m.count) AS count
      FROM ${table} m
      WHERE ${where.sql}${business}
      GROUP BY ${keys}`;
  return {
    sql: `${select('monthly_totals')} UNION ALL ${select('monthly_totals_pending')}`,
    values: [...where.values, ...where.values],
  };
}

/**
 * The stored sums of the accounts' whole `months` in `table` (the folded totals or the
 * pending list), one per stored key, as buckets' columns (the stored '' and -1 back to
 * null), in the table's order: for a caller that sums them by account and month as it reads.
 */
export function totalRows(
  table: 'monthly_totals' | 'monthly_totals_pending',
  accounts: Sql,
  months: NonNullable<PeriodParts['months']>,
  options: { businessOnly?: boolean },
): Sql {
  const where = accountsAndMonths(accounts, months);
  return {
    sql: `SELECT m.account_id, m.month, nullif(m.category_id, '') AS category_id, m.incoming,
        nullif(m.deductible, -1) AS deductible, m.cents, m.count
      FROM ${table} m WHERE ${where.sql}${options.businessOnly ? " AND m.usage = 'business'" : ''}`,
    values: where.values,
  };
}

/**
 * The transactions of the accounts' whole `months` not counted yet (over `t`), read by
 * rowid from the last counted on: the unary plus keeps SQLite off transactions_listing_idx,
 * which would walk every row of the months.
 */
export function uncountedRows(accounts: Sql, months: NonNullable<PeriodParts['months']>): Sql {
  const sql = [
    't.rowid > (SELECT counted_through FROM monthly_totals_state)',
    `+t.account_id ${accounts.sql}`,
    '+t.date >= ?',
  ];
  const values = [...accounts.values, `${months.first}-01`];
  if (months.last !== null) {
    sql.push('+t.date <= ?');
    values.push(lastDayOfMonth(months.last));
  }
  sql.push('t.removed_at IS NULL');
  return { sql: sql.join(' AND '), values };
}

/**
 * What moved in each of the accounts in the whole `months`, as `(account_id, month, cents)`,
 * the folded totals and the pending list apart (see `totalBuckets`): an account's month
 * may come twice.
 */
export function totalNets(accounts: Sql, months: NonNullable<PeriodParts['months']>): Sql {
  const where = accountsAndMonths(accounts, months);
  const select = (table: string) =>
    `SELECT m.account_id, m.month, sum(m.cents) AS cents FROM ${table} m WHERE ${where.sql} GROUP BY m.account_id, m.month`;
  return {
    sql: `${select('monthly_totals')} UNION ALL ${select('monthly_totals_pending')}`,
    values: [...where.values, ...where.values],
  };
}
