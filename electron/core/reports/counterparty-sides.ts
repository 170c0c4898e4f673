import type { ReportQuery } from '../../shared/reports.ts';
import {
  accountsAndDays,
  accountSet,
  counterpartyName,
  periodSources,
  rowBuckets,
  splitPartShares,
  type Sql,
} from './report-rows.ts';

/**
 * The period's movements by counterparty and the side of the books they fall on, for the
 * dashboard's top payers and payees (migration 0013): `(counterparty, side, category_id,
 * cents, count)`, where `side` is 'income', 'expense' or 'none' (transfers and investments)
 * as the category's group says (money without a category by its sign), or '' with the
 * category for one without a group (or one the books do not hold), whose side the report
 * takes from the category's net over the period. A key may come more than once, and a
 * key's movements may add up to none (count 0): the report sums and leaves those out.
 *
 * Whole months over every account the user did not hide come from monthly_counterparty_sides
 * (a few thousand sums a year, over every account) less the hidden accounts' from the
 * finer monthly_counterparty_totals; a filter on accounts reads the finer table for those
 * accounts. The rows the totals do not count yet, and the days of a partial first or last
 * month, come from the rows.
 */
export function counterpartySides(query: ReportQuery): Sql {
  const businessOnly = query.businessOnly === true;
  return periodSources(query, query, {
    days: (days) => sidesOfBuckets(rowBuckets(days, { counterparty: true, businessOnly })),
    months: (months) => monthSources(query, months),
    uncounted: (rows) => sidesOfBuckets(rowBuckets(rows, { counterparty: true, businessOnly, byRowid: true })),
  });
}

/**
 * The period's split parts with a counterparty, on the side of the books each falls on (as
 * `counterpartySides` puts them): `(counterparty, side, category_id, transaction_id)`. The
 * sums count each part as a movement, as the P&L's lines need; the payers and payees count
 * a transaction once on each side, and take these to know how many parts were one split.
 * Splits are few (a user's own), and read from their table first, as the sums read them.
 */
export function splitPartSides(query: ReportQuery): Sql {
  const period = accountsAndDays(query, { from: query.from, to: query.to });
  const where = query.businessOnly === true ? `${period.sql} AND t.user_usage = 'business'` : period.sql;
  return {
    sql: `SELECT ${counterpartyName} AS counterparty,
        CASE WHEN p.category_id IS NULL THEN CASE WHEN p.cents >= 0 THEN 'income' ELSE 'expense' END
          ELSE ${sideOfGroup('c.report_group')} END AS side,
        CASE WHEN p.category_id IS NOT NULL AND c.report_group IS NULL THEN p.category_id ELSE '' END AS category_id,
        p.transaction_id
      FROM (${splitPartShares(where)}) p
      CROSS JOIN transactions t ON t.rowid = p.trowid
      LEFT JOIN transaction_user_data cu ON cu.transaction_id = t.id
      LEFT JOIN categories c ON c.id = p.category_id
      WHERE ${counterpartyName} IS NOT NULL`,
    values: period.values,
  };
}

/** The side a report group puts a category's movements on, as an SQL expression (as migration 0013's). */
export function sideOfGroup(group: string): string {
  return `CASE WHEN ${group} IS NULL THEN '' WHEN ${group} = 'income' THEN 'income'
    WHEN ${group} IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END`;
}

/** The sums of whole `months` (see `counterpartySides`). */
function monthSources(query: ReportQuery, months: { first: string; last: string | null }): Sql[] {
  const where = ['m.month >= ?'];
  const values: unknown[] = [months.first];
  if (months.last !== null) {
    where.push('m.month <= ?');
    values.push(months.last);
  }
  if (query.businessOnly === true) where.push("m.usage = 'business'");
  const period = where.join(' AND ');
  // The finer sums of some accounts, with their sides: folded and pending (the view).
  const ofAccounts = (accounts: string, accountValues: unknown[], sign: '' | '-') => ({
    sql: `SELECT m.counterparty, m.side, m.side_category_id AS category_id, ${sign}m.cents AS cents, ${sign}m.count AS count
      FROM counterparty_movement_sides m WHERE m.account_id ${accounts} AND ${period}`,
    values: [...accountValues, ...values],
  });
  if (query.accountIds) {
    const accounts = accountSet(query);
    return [ofAccounts(accounts.sql, accounts.values, '')];
  }
  const every = {
    sql: `SELECT m.counterparty, m.side, m.category_id, m.cents, m.count
      FROM current_monthly_counterparty_sides m WHERE ${period}`,
    values,
  };
  return query.includeHidden === true
    ? [every]
    : [every, ofAccounts('IN (SELECT id FROM accounts WHERE hidden_at IS NOT NULL)', [], '-')];
}

/** Row buckets (report-rows.ts's `rowBuckets`, with counterparties) as `counterpartySides` gives them. */
function sidesOfBuckets(buckets: Sql): Sql {
  return {
    sql: `SELECT b.counterparty,
        CASE WHEN b.category_id IS NULL THEN CASE WHEN b.incoming THEN 'income' ELSE 'expense' END
          ELSE ${sideOfGroup('c.report_group')} END AS side,
        CASE WHEN b.category_id IS NOT NULL AND c.report_group IS NULL THEN b.category_id ELSE '' END AS category_id,
        b.cents, b.count
      FROM (${buckets.sql}) b LEFT JOIN categories c ON c.id = b.category_id
      WHERE b.counterparty IS NOT NULL`,
    values: buckets.values,
  };
}
