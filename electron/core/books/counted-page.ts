import type { TransactionFilters } from '../../shared/transactions.ts';
import { type Access, type Conditions, conditions, type Period, type Prepare } from './transaction-conditions.ts';
import type { TransactionSort } from './transaction-sorts.ts';

/** Rows the sample that places the threshold aims at: enough to place it, few enough to sort in a fraction of a millisecond. */
const sampleRows = 4_000;
/** How many times the rows the page needs the threshold aims to let through. */
const margin = 2;

export interface CountedPageRequest {
  filters: TransactionFilters;
  /** How the filtered set is read (`byAccount`): either index holds every sort's value. */
  access: Access;
  sort: TransactionSort;
  descending: boolean;
  offset: number;
  limit: number;
  period: Period;
}

/**
 * One page of a sorted set and the set's count, in one pass over the set. Counting a dense
 * month (83k rows in a 1-year item of 1M) and sorting it for its first rows were two
 * passes, the sort the dearer (each row through SQLite's sorter). Here a small sample of
 * the period places a threshold in the sort's order, a value and a rowid (ties go by
 * rowid), that about twice the rows the page needs pass; the one pass counts every row and
 * keeps the few that pass, which alone are then sorted. The answer is the same: every row
 * left out sorts after every row kept. The rowid matters where values tie by the thousand
 * (a month's rows without a category, a common description): a threshold of the value
 * alone kept every tied row. `rowids` is null when the sample misled (fewer rows kept
 * than the page needs, and not all): the caller then sorts the whole set, as before.
 */
export function countedPage(prepare: Prepare, request: CountedPageRequest): { total: number; rowids: number[] | null } {
  const { sort, descending, offset, limit } = request;
  const where = conditions(request.filters, request.access);
  const ranked = sort.ranked?.() ?? null;
  const cut = threshold(prepare, request);
  const kept = cut === undefined ? null : noLaterThan(sort, ranked, descending, cut);
  const pass = prepare(
    `SELECT count(*) AS total, json_group_array(json_array(${sort.value}, t.rowid))${kept ? ` FILTER (WHERE ${kept.sql})` : ''} AS rows
     FROM transactions t WHERE ${where.sql}`,
  ).get(...(kept?.values ?? []), ...where.values) as { total: number; rows: string };
  const direction = descending ? 'DESC' : 'ASC';
  // Both materialized, so that the join to the ranks reads each JSON once (SQLite indexes them).
  const ranks = ranked && {
    with: ', r AS MATERIALIZED (SELECT value AS id, key AS rank FROM json_each(?))',
    join: 'LEFT JOIN r ON r.id = c.value',
    values: [JSON.stringify(ranked)],
  };
  const rowids = prepare(
    `WITH c AS MATERIALIZED (SELECT value ->> 0 AS value, value ->> 1 AS rowid FROM json_each(?))${ranks?.with ?? ''}
     SELECT c.rowid FROM c ${ranks?.join ?? ''}
     ORDER BY ${ranks ? 'r.rank' : sort.order('c.value', descending).column} ${direction}, c.rowid ${direction}
     LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(pass.rows, ...(ranks?.values ?? []), limit, offset) as number[];
  // A full page, or the set's last rows: the rows kept reached as far as the page.
  const complete = rowids.length === limit || offset + rowids.length >= pass.total;
  return { total: pass.total, rowids: complete ? rowids : null };
}

/**
 * The place of the row at the sample's threshold rank, or undefined for none (the sample
 * holds too few rows: every row is kept). Sorted by date, the page's rows are the
 * period's last (or first) days, so the sample is those days, as many as likely hold the
 * page's rows (the filters may pass few of each day's), and the rank the page's last
 * row's; sorted otherwise, the sample is days from the period's middle and the rank their
 * share of the rows the page needs, times the margin.
 */
function threshold(prepare: Prepare, request: CountedPageRequest): Place | undefined {
  const { sort, descending, offset, limit, period } = request;
  const needed = offset + limit;
  const start = dayNumber(period.from);
  const days = dayNumber(period.to) - start + 1;
  const sampleDays = Math.min(days, Math.ceil((days * sampleRows) / Math.max(period.rows, 1)));
  if (!sort.chronological) {
    const first = start + Math.floor((days - sampleDays) / 2);
    return placeAt(prepare, request, sampleDays, first, Math.ceil((needed * margin * sampleDays) / days) - 1);
  }
  const edge = (span: number) => (descending ? start + days - span : start);
  const held = sampleSize(prepare, request, sampleDays, edge(sampleDays));
  const span = held >= needed ? sampleDays : Math.ceil((sampleDays * needed * margin) / Math.max(held, 1));
  // The whole period likely holds few more rows than the page: every row is kept.
  if (span >= days) return undefined;
  return placeAt(prepare, request, span, edge(span), needed - 1);
}

/** The sample's conditions: the filters with the sample's days for the period's (they lie within it). */
function sampleWhere(request: CountedPageRequest, days: number, first: number): Conditions {
  return conditions({ ...request.filters, from: isoDay(first), to: isoDay(first + days - 1) }, request.access);
}

/** How many of the filtered rows the sample's days hold. */
function sampleSize(prepare: Prepare, request: CountedPageRequest, days: number, first: number): number {
  const where = sampleWhere(request, days, first);
  return prepare(`SELECT count(*) FROM transactions t WHERE ${where.sql}`)
    .pluck()
    .get(...where.values) as number;
}

/** A row's place in the sort's order: its sort value, then its rowid. */
interface Place {
  value: unknown;
  rowid: number;
}

/** The place of the sample's row at `rank` in the sort's order, or undefined for too few rows. */
function placeAt(
  prepare: Prepare,
  request: CountedPageRequest,
  days: number,
  first: number,
  rank: number,
): Place | undefined {
  const { sort, descending } = request;
  const where = sampleWhere(request, days, first);
  const direction = descending ? 'DESC' : 'ASC';
  const ordering = sort.order(sort.value, descending);
  return prepare(
    `${ordering.with} SELECT ${sort.value} AS value, t.rowid AS rowid FROM ${ordering.from}
     WHERE ${where.sql}
     ORDER BY ${ordering.column} ${direction}, t.rowid ${direction}
     LIMIT 1 OFFSET ?`,
  ).get(...ordering.values, ...where.values, rank) as Place | undefined;
}

/**
 * Rows placed no later than `cut` in the sort's order. Written so that most rows, those
 * placed later, fail on the first, cheapest test: every row of the period is checked.
 */
function noLaterThan(
  sort: TransactionSort,
  ranked: readonly string[] | null,
  descending: boolean,
  cut: Place,
): Conditions {
  const before = descending ? '>' : '<';
  if (ranked === null) {
    const column = sort.order(sort.value, descending).column;
    return {
      sql: `${column} ${before}= ? AND (${column} ${before} ? OR t.rowid ${before}= ?)`,
      values: [cut.value, cut.value, cut.rowid],
    };
  }
  // Ranked values: the ones ranked earlier, named. Unranked values come first ascending
  // and last descending (see TransactionSort.ranked), and tie with one another.
  const rank = typeof cut.value === 'string' ? ranked.indexOf(cut.value) : -1;
  const named = (values: readonly string[]) => ({
    sql: `${sort.value} IN (SELECT value FROM json_each(?))`,
    values: [JSON.stringify(values)],
  });
  if (rank < 0) {
    const every = named(ranked);
    // Ascending, the unranked rows up to the cut's rowid (the rowid first: most rows fail it).
    if (!descending) {
      return { sql: `t.rowid <= ? AND coalesce(NOT (${every.sql}), 1)`, values: [cut.rowid, ...every.values] };
    }
    // Descending, every ranked row and the unranked ones from the cut's rowid.
    return { sql: `(t.rowid >= ? OR coalesce(${every.sql}, 0))`, values: [cut.rowid, ...every.values] };
  }
  const tied = `(${sort.value} = ? AND t.rowid ${before}= ?)`;
  if (descending) {
    const earlier = named(ranked.slice(rank + 1));
    return { sql: `(${tied} OR ${earlier.sql})`, values: [cut.value, cut.rowid, ...earlier.values] };
  }
  // Ascending, the rows not ranked after the cut's value (the unranked too), tied ones up
  // to its rowid.
  const later = named(ranked.slice(rank + 1));
  return {
    sql: `coalesce(NOT (${later.sql}), 1) AND (${sort.value} IS NOT ? OR t.rowid <= ?)`,
    values: [...later.values, cut.value, cut.rowid],
  };
}

const dayMs = 86_400_000;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / dayMs;
}

function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}
