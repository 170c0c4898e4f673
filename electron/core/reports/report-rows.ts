import type Database from 'better-sqlite3';
import type { ReportQuery } from '../../shared/reports.ts';
import { type PeriodParts, periodParts, totalBuckets, totalRows, uncountedRows } from './monthly-totals.ts';

/**
 * The one source every report reads (issue 8 item 4): the period's counted movements, so
 * that the screens, every export and every total agree to the cent. The rules:
 *
 * - Counted: every transaction not removed (`removed_at`), pending ones included, in its
 *   account's currency (`amount_in_account_currency_cents`, else `amount_cents`).
 *   Reconciliation adjustments (origin 'adjustment') count like any other row: they are
 *   money the user recorded to make the books match the statement.
 * - A split transaction counts as its parts, each with its own category, never also as a
 *   whole. Parts are in the transaction's currency; in the account's they are shares of the
 *   account amount, rounded on the running total so they add up to it exactly. A split
 *   whose parts add up to zero cannot be shared out and counts whole instead.
 * - Category: the user's or a rule's (transaction_user_data.category_id, copied to
 *   transactions.user_category_id by triggers) else Pluggy's; a part's own category.
 * - Report group: the category's group as it is when the report runs, so a change of it
 *   moves every report at once. Every Pluggy category has one (Balancete's default table,
 *   books/pluggy-classification.ts, or the user's choice); so does every category the user
 *   makes now, bar a top-level one made without, as early versions allowed.
 * - Section (see `reportSections`): the report group; money without one goes by sign:
 *   uncategorized money by each movement's sign ('Sem categoria' in income or expenses),
 *   a category without a group (or one the books do not hold) by its net over the whole
 *   period, so that a refund reduces that category's spending, and a month shows it on
 *   the same side as the period does.
 * - Taxes ('tax') are an expense in the P&L; the livro-caixa deducts them only when
 *   flagged deductible (livro-caixa.ts).
 * - Transfers and investments are neither income nor expense (side null): investing moves
 *   the user's money into an asset, like a transfer to savings; they are listed apart, and
 *   cash flow by account shows them as movement. Card bills
 *   are paid by a transfer pair (Pluggy's 05100000, under 05000000 'transfer'): the
 *   checking debit and the card's credit, so card purchases count once, when made.
 * - businessOnly: only movements the user (or a rule) marked as business; those without a
 *   usage are left out. The usage is the transaction's, so it covers each of its parts.
 * - The deductible flag (transaction_user_data.deductible) is the transaction's too.
 */

export interface MovementOptions {
  deductible?: boolean;
  counterparty?: boolean;
}

/** What `rowBuckets` keys on and picks, beyond `MovementOptions`. */
interface RowBucketOptions extends MovementOptions {
  businessOnly?: boolean;
  usage?: boolean;
  byRowid?: boolean;
}

export interface Sql {
  sql: string;
  values: unknown[];
}

/** The account amount, which balances and totals add up in. */
export const accountAmount = 'coalesce(t.amount_in_account_currency_cents, t.amount_cents)';

/** Whom a movement was with, as the reports name them: the user's name for them, else the bank's (over `t` and the user data `cu`). */
export const counterpartyName = 'coalesce(cu.counterparty_display_name, t.counterparty_name, t.merchant_name)';

/**
 * Which accounts, as `IN (…)`: with no account filter every account the user did not hide
 * (every one, with `includeHidden`) is named, so that SQLite walks
 * transactions_listing_idx (by account, then date, with the amounts and categories), and
 * the totals' key, one account at a time without visiting the rows. An account filter
 * reports what it names, hidden or not.
 */
export function accountSet(query: ReportQuery): Sql {
  if (query.accountIds)
    return { sql: 'IN (SELECT value FROM json_each(?))', values: [JSON.stringify(query.accountIds)] };
  return {
    sql: `IN (SELECT id FROM accounts${query.includeHidden === true ? '' : ' WHERE hidden_at IS NULL'})`,
    values: [],
  };
}

/** Which accounts (`accountSet`) and which days (inclusive), over `t`, counted rows only. */
export function accountsAndDays(query: ReportQuery, days: { from: string; to: string }): Sql {
  const accounts = accountSet(query);
  return {
    sql: `t.account_id ${accounts.sql} AND t.date >= ? AND t.date <= ? AND t.removed_at IS NULL`,
    values: [...accounts.values, days.from, days.to],
  };
}

/**
 * Each split part's share of its transaction's amount in the account's currency, for the
 * transactions `where` (over `t`) picks: its transaction's rowid and id, position,
 * category, note, `cents` and how many `parts` the split has. The shares are rounded on
 * the running total, so a split's parts add up to its amount exactly. A split whose parts
 * sum to zero has no shares: it counts whole, with its transaction's category.
 */
export function splitPartShares(where: string): string {
  return `SELECT trowid, transaction_id, position, category_id, note,
      (upto * account) / whole - ((upto - part) * account) / whole AS cents,
      count(*) OVER (PARTITION BY transaction_id) AS parts
    FROM (
      SELECT t.rowid AS trowid, s.transaction_id, s.position, s.category_id, s.note, s.amount_cents AS part,
        ${accountAmount} AS account,
        sum(s.amount_cents) OVER (PARTITION BY s.transaction_id) AS whole,
        sum(s.amount_cents) OVER (PARTITION BY s.transaction_id ORDER BY s.position) AS upto
      FROM transaction_splits s CROSS JOIN transactions t ON t.id = s.transaction_id
      WHERE ${where})
    WHERE whole <> 0`;
}

/**
 * `WITH … classified AS (…)`: the period's counted movements, summed into buckets, for a
 * report to select from and add up (no report needs a single movement). A bucket holds the
 * movements of one account, month (`month`, `YYYY-MM`), category (`category_id`, null for
 * none) and sign (`incoming`: 1 for money in, or zero) — the whole months' over every
 * account and month at once with `byCategory` (account and month null), for a report that
 * reads no more — with their sum (`cents`), how many (`count`), the category's
 * `report_group`, `section` (see `reportSections`) and `side` ('income', 'expense', or
 * null for transfers and investments). A key may come more than once, and
 * its buckets may add up to no movement (see monthly-totals.ts's `totalBuckets`). The
 * sides of the categories without a group are `ungrouped_sides` (`category_id`, `incoming`).
 *
 * How it stays fast (issue 18: a year's dashboard, P&L and livro-caixa over 1M rows
 * ≤ 100 ms): the period's whole months are read from the running totals (monthly-totals.ts),
 * which hold these buckets already, with the transactions not counted yet; only the days
 * of a partial first or last month come from the rows (`rowBuckets`). The buckets are
 * materialized once, as the sections read them twice (the ungrouped categories' sides).
 * Reports by month sum the same buckets as they read them (`monthlySums`), and the
 * dashboard's payers and payees have sums of their own (counterparty-sides.ts).
 */
export function classifiedMovements(query: ReportQuery, options: { byCategory?: boolean } = {}): Sql {
  const buckets = periodBuckets(query, options);
  const sql = `WITH buckets AS MATERIALIZED (${buckets.sql}),
    grouped AS (
      SELECT b.*, c.report_group FROM buckets b LEFT JOIN categories c ON c.id = b.category_id
    ),
    ungrouped_sides AS (
      SELECT b.category_id, sum(b.cents) >= 0 AS incoming
      FROM buckets b LEFT JOIN categories c ON c.id = b.category_id
      WHERE c.report_group IS NULL AND b.category_id IS NOT NULL GROUP BY b.category_id
    ),
    sectioned AS (
      SELECT g.*, ${sectionOf('g.report_group', 'g', 's.incoming')} AS section
      FROM grouped g LEFT JOIN ungrouped_sides s ON s.category_id = g.category_id
    ),
    classified AS (SELECT *, ${sideOf('section')} AS side FROM sectioned)`;
  return { sql, values: buckets.values };
}

/**
 * A bucket's section (see `reportSections`), as SQL: its category's `group`, else by sign —
 * the bucket's own (over `bucket`'s `category_id` and `incoming`) for money without a
 * category, its category's net over the period (`ungroupedIncoming`) for one without a group.
 */
function sectionOf(group: string, bucket: string, ungroupedIncoming: string): string {
  return `CASE WHEN ${group} IS NOT NULL THEN ${group}
    WHEN (${bucket}.category_id IS NULL AND ${bucket}.incoming) OR ${ungroupedIncoming} THEN 'unclassified_income'
    ELSE 'unclassified_expense' END`;
}

/** A section's side, as SQL: 'income', 'expense', or null for transfers and investments. */
function sideOf(section: string): string {
  return `CASE WHEN ${section} IN ('income', 'unclassified_income') THEN 'income'
    WHEN ${section} IN ('transfer', 'investment') THEN NULL ELSE 'expense' END`;
}

/**
 * Sums per account and month of the query's buckets (see `classifiedMovements`), for the
 * reports that need no more than months (the dashboard's months, the livro-caixa): `sums`
 * gets each bucket's section and side as SQL and gives the select list, over the bucket
 * `b` (its `cents`, `incoming`, `deductible`…) and its category `c` (`report_group`).
 * `ungroupedIncoming` says, as `[categoryId, 1 or 0]` pairs, which categories without a
 * group the period's net puts on the income side (the P&L's lines say it); left out, they
 * are on the expense side. Each source is summed apart, the folded totals in their key's
 * order with no sorting, so only a few sums per account and month reach the caller's
 * `GROUP BY month`.
 */
export function monthlySums(
  query: ReportQuery,
  options: Pick<MovementOptions, 'deductible'> & { ungroupedIncoming?: [string, number][] },
  sums: (bucket: { section: string; side: string }) => string,
): Sql {
  const section = sectionOf('c.report_group', 'b', 'u.incoming');
  const summed = (buckets: Sql): Sql => ({
    sql: `SELECT b.account_id, b.month, ${sums({ section, side: sideOf(section) })}
      FROM (${buckets.sql}) b
      LEFT JOIN categories c ON c.id = b.category_id LEFT JOIN ungrouped u ON u.category_id = b.category_id
      GROUP BY b.account_id, b.month`,
    values: buckets.values,
  });
  const business = { deductible: options.deductible, businessOnly: query.businessOnly === true };
  const sources = periodSources(query, query, {
    days: (days) => summed(rowBuckets(days, business)),
    months: (months) =>
      (['monthly_totals', 'monthly_totals_pending'] as const).map((table) =>
        summed(totalRows(table, accountSet(query), months, business)),
      ),
    uncounted: (rows) => summed(rowBuckets(rows, { ...business, byRowid: true })),
  });
  // Materialized, so that SQLite indexes it once rather than read the JSON for every bucket.
  return {
    sql: `WITH ungrouped AS MATERIALIZED (SELECT value ->> 0 AS category_id, value ->> 1 AS incoming FROM json_each(?))
      ${sources.sql}`,
    values: [JSON.stringify(options.ungroupedIncoming ?? []), ...sources.values],
  };
}

/**
 * The query's buckets (see `classifiedMovements`) as one `UNION ALL` (`periodSources`).
 */
function periodBuckets(query: ReportQuery, options: { byCategory?: boolean }): Sql {
  const business = { businessOnly: query.businessOnly === true };
  return periodSources(query, query, {
    days: (days) => rowBuckets(days, business),
    months: (months) => [totalBuckets(accountSet(query), months, { ...business, byCategory: options.byCategory })],
    uncounted: (rows) => rowBuckets(rows, { ...business, byRowid: true }),
  });
}

/** How a report reads each part of a period (`periodSources`). */
export interface PeriodReaders {
  /** The rows of a partial first or last month (`accountsAndDays`, over `t`). */
  days: (days: Sql) => Sql;
  /** The whole months, from the running totals. */
  months: (months: NonNullable<PeriodParts['months']>) => Sql[];
  /** The rows of the whole months the totals do not count yet (`uncountedRows`, by rowid, over `t`). */
  uncounted: (rows: Sql) => Sql;
}

/**
 * What `read` makes of the query's accounts from `from` to `to` (inclusive days; `to` null
 * for no end), as one `UNION ALL`: whole months from the running totals (monthly-totals.ts)
 * and the rows they do not count yet, the days of a partial first or last month from the
 * rows. Every report reads its period so; a key may come from more than one part.
 */
export function periodSources(
  query: ReportQuery,
  { from, to }: { from: string; to: string | null },
  read: PeriodReaders,
): Sql {
  const parts = periodParts(from, to);
  const sources = [
    ...parts.days.map((days) => read.days(accountsAndDays(query, days))),
    ...(parts.months
      ? [...read.months(parts.months), read.uncounted(uncountedRows(accountSet(query), parts.months))]
      : []),
  ];
  return {
    sql: sources.map((source) => source.sql).join('\n UNION ALL '),
    values: sources.flatMap((source) => source.values),
  };
}

/**
 * The buckets (see `classifiedMovements`) of the rows `period` (over `t`) picks, summed
 * straight from transactions_listing_idx; the few rows with more to say are joined in by
 * rowid: split parts (read first, CROSS JOIN, as they are always far fewer than the
 * period's transactions) and deductible flags (read from the user data that has one, not
 * looked up per transaction, which would visit every row). With `usage`, the usage is a key
 * too (after the sign), as the running totals keep it; with `businessOnly`, only business
 * movements count. With `byRowid`, `period` picks a range of rowids (the rows the totals
 * do not count yet) and SQLite walks the table by rowid, not an index of every row.
 */
export function rowBuckets(period: Sql, options: RowBucketOptions): Sql {
  const business = options.businessOnly ? " AND t.user_usage = 'business'" : '';
  const cents = `coalesce(p.cents, ${accountAmount})`;
  const extra = [
    ...(options.usage ? ['t.user_usage AS usage'] : []),
    ...(options.deductible ? ['d.deductible'] : []),
    ...(options.counterparty ? [`${counterpartyName} AS counterparty`] : []),
  ];
  const joins = [
    ...(options.deductible
      ? [
          `LEFT JOIN (SELECT t.rowid AS trowid, u.deductible FROM transaction_user_data u
             CROSS JOIN transactions t ON t.id = u.transaction_id
             WHERE u.deductible IS NOT NULL AND ${period.sql}) d ON d.trowid = t.rowid`,
        ]
      : []),
    // Only the dashboard's top counterparties read the rows themselves.
    ...(options.counterparty ? ['LEFT JOIN transaction_user_data cu ON cu.transaction_id = t.id'] : []),
  ];
  // By position: the columns before the sums (names would bind to the joined tables' first).
  const keys = Array.from({ length: 4 + extra.length }, (_, index) => index + 1);
  const sql = `SELECT * FROM (
    WITH split_parts AS (SELECT trowid, category_id, cents FROM (${splitPartShares(period.sql)}))
    SELECT t.account_id, substr(t.date, 1, 7) AS month,
      CASE WHEN p.trowid IS NULL THEN coalesce(t.user_category_id, t.pluggy_category_id) ELSE p.category_id END
        AS category_id,
      ${cents} >= 0 AS incoming,
      ${extra.map((column) => `${column},`).join(' ')}
      sum(${cents}) AS cents, count(*) AS count
    FROM transactions t${options.byRowid ? ' NOT INDEXED' : ''}
    LEFT JOIN split_parts p ON p.trowid = t.rowid
    ${joins.join('\n')}
    WHERE ${period.sql}${business}
    GROUP BY ${keys.join(', ')})`;
  return { sql, values: [...period.values, ...(options.deductible ? period.values : []), ...period.values] };
}

/** The names a category line shows, and 'Sem categoria' for money without one. */
export const categoryLineColumns = `l.category_id AS categoryId, c.parent_id AS parentId,
  coalesce(c.name_pt, l.category_id, 'Sem categoria') AS namePt,
  coalesce(c.name_en, l.category_id, 'Uncategorized') AS nameEn, c.report_group AS reportGroup`;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Each distinct report statement is prepared once per connection. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map<string, Database.Statement>();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/** The months from `from`'s to `to`'s, in order (`YYYY-MM`). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, monthIndex] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(monthIndex).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    [year, monthIndex] = monthIndex === 12 ? [year + 1, 1] : [year, monthIndex + 1];
  }
}
