import type Database from 'better-sqlite3';
import { uncategorized } from '../../shared/transaction-constants.ts';
import type { TransactionFilters } from '../../shared/transactions.ts';
import { searchTerms, type TransactionSearchIndex } from './transaction-search.ts';

/**
 * The transactions' filters as SQL, shared by the transactions page (transaction-query.ts)
 * and the exports (export-rows.ts). Loads no zod: the export worker starts on it.
 */

/**
 * The effective category: the user's or a rule's choice (its copy on the transaction, which
 * the listing index holds), else Pluggy's suggestion.
 * Amounts are compared, sorted and totalled in the account's currency (a USD subscription
 * on a BRL card counts in reais), as the totals must add up.
 */
export const effectiveCategory = 'coalesce(t.user_category_id, t.pluggy_category_id)';
export const accountAmount = 'coalesce(t.amount_in_account_currency_cents, t.amount_cents)';

/** Prepares a statement, once per distinct SQL. */
export type Prepare = (sql: string) => Database.Statement;

export function statementCache(sqlite: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** How a search runs (see `planSearch`): whether to walk the listing index for the page, and for the whole set. */
export interface SearchPlan {
  terms: string;
  /** Live transactions the search matches. */
  matches: number;
  walkForPage: boolean;
  walkForAll: boolean;
}

/** A WHERE clause of fixed SQL fragments and the values bound to their placeholders. */
export interface Conditions {
  sql: string;
  values: unknown[];
}

/** How the listing is read: see `conditions`. */
export interface Access {
  /** The search, if any, and whether it walks an index rather than start from its matches. */
  search: { terms: string; walkIndex: boolean } | null;
  /** Read through transactions_listing_idx (all but a page in date order of all time). */
  listing: boolean;
}

/**
 * How a search runs, or null without one. SQLite cannot know how many rows a MATCH
 * gives, so it always starts from the matches and looks each one up (~1 µs a row:
 * 30 ms for a word in one row of thirty, over 1M). When the matches are many, walking
 * transactions_listing_idx (in date order, or the period's entries) and checking each
 * entry against the matches reads far fewer entries; this picks whichever reads less.
 */
export async function planSearch(
  prepare: Prepare,
  search: TransactionSearchIndex,
  filters: TransactionFilters,
  page: { sort: string; wanted: number } | null,
): Promise<SearchPlan | null> {
  const terms = filters.search === undefined ? null : searchTerms(filters.search);
  if (terms === null) return null;
  await search.catchUp();
  const matches = prepare('SELECT count(*) FROM transactions_search WHERE transactions_search MATCH ?')
    .pluck()
    .get(terms) as number;
  const { live, first, last } = prepare(
    `SELECT (SELECT max(rowid) FROM transactions) AS live,
       (SELECT min(date) FROM transactions) AS first, (SELECT max(date) FROM transactions) AS last`,
  ).get() as { live: number | null; first: string | null; last: string | null };
  // Index entries a walk reads: the period's share of the books to see every match, or,
  // for a page in date order, only until it has the rows wanted (matches spread over time).
  const periodEntries = (live ?? 0) * shareOfDays(filters.from ?? first, filters.to ?? last, first, last);
  const pageEntries =
    page?.sort === 'date' && matches > 0
      ? Math.min(periodEntries, (page.wanted * (live ?? 0)) / matches)
      : periodEntries;
  // An index entry read in order costs about a tenth of a lookup by rowid.
  return { terms, matches, walkForAll: periodEntries / 10 < matches, walkForPage: pageEntries / 10 < matches };
}

/** How many rows the filters let through. */
export function countRows(prepare: Prepare, filters: TransactionFilters, plan: SearchPlan | null): number {
  const where = conditions(filters, {
    search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
    listing: true,
  });
  return prepare(`SELECT count(*) FROM transactions t WHERE ${where.sql}`)
    .pluck()
    .get(...where.values) as number;
}

/**
 * The WHERE clause for the filters. Reading through transactions_listing_idx (by account,
 * then date, with the amounts, status and Pluggy's category) answers a period's count,
 * totals and most sorts without visiting the rows: with no account filter, every account
 * is named, so that SQLite walks the index one account at a time. A page in date order of
 * all time walks the date index instead, and stops after the page.
 */
/** `column` is one of the categories (`uncategorized` standing for none). */
export function categoryPicked(column: string, categoryIds: readonly string[]): { sql: string; values: unknown[] } {
  const ids = JSON.stringify(categoryIds.filter((id) => id !== uncategorized));
  const none = categoryIds.includes(uncategorized) ? ` OR ${column} IS NULL` : '';
  return { sql: `(${column} IN (SELECT value FROM json_each(?))${none})`, values: [ids] };
}

export function conditions(filters: TransactionFilters, access: Access): Conditions {
  const sql: string[] = [];
  const values: unknown[] = [];
  const add = (fragment: string, ...bound: unknown[]) => {
    sql.push(fragment);
    values.push(...bound);
  };

  // Lists travel as one JSON parameter, so a statement's shape does not depend on their length.
  // Without an account filter, hidden accounts are left out unless asked for. Through the
  // listing index the shown accounts are named; a walk of the date index reads each row
  // anyway (see removed_at below), so it checks the row's account against the few hidden.
  // One account (its register) by equality: SQLite then knows the listing index gives its
  // rows in date order, and a page of them newest first reads the page, not the account.
  if (filters.accountIds?.length === 1) add('t.account_id = ?', filters.accountIds[0]);
  else if (filters.accountIds)
    add('t.account_id IN (SELECT value FROM json_each(?))', JSON.stringify(filters.accountIds));
  else if (filters.includeHidden === true) {
    if (access.listing) add('t.account_id IN (SELECT id FROM accounts)');
  } else if (access.listing) add('t.account_id IN (SELECT id FROM accounts WHERE hidden_at IS NULL)');
  else add('t.account_id NOT IN (SELECT id FROM accounts WHERE hidden_at IS NOT NULL)');
  if (filters.from !== undefined) add('t.date >= ?', filters.from);
  if (filters.to !== undefined) add('t.date <= ?', filters.to);
  if (filters.categoryIds) {
    const own = categoryPicked(effectiveCategory, filters.categoryIds);
    const part = categoryPicked('s.category_id', filters.categoryIds);
    // A split counts as its parts, as the reports count it: it is found by a part's
    // category, never by its own (so a category's rows are the ones its DRE line sums).
    // By rowid, which the listing index holds (t.id would make every row be read).
    const splitRows = `SELECT st.rowid FROM transaction_splits s CROSS JOIN transactions st ON st.id = s.transaction_id`;
    add(
      `((${own.sql} AND t.rowid NOT IN (${splitRows})) OR t.rowid IN (${splitRows} WHERE ${part.sql}))`,
      ...own.values,
      ...part.values,
    );
  }
  // A range is of sizes ("between 100 and 500 reais", in or out); direction picks the sign.
  if (filters.minCents !== undefined) add(`abs(${accountAmount}) >= ?`, filters.minCents);
  if (filters.maxCents !== undefined) add(`abs(${accountAmount}) <= ?`, filters.maxCents);
  if (filters.direction === 'in') add(`${accountAmount} > 0`);
  if (filters.direction === 'out') add(`${accountAmount} < 0`);
  if (filters.pending !== undefined) add(filters.pending ? "t.status = 'PENDING'" : "t.status <> 'PENDING'");
  if (filters.usage === 'unset') add('t.user_usage IS NULL');
  else if (filters.usage !== undefined) add('t.user_usage = ?', filters.usage);
  // `+`: walk the index and check each entry against the matches, rather than start from them.
  if (access.search !== null)
    add(
      `${access.search.walkIndex ? '+' : ''}t.rowid IN (SELECT rowid FROM transactions_search WHERE transactions_search MATCH ?)`,
      access.search.terms,
    );
  // Last, as it needs the row itself when the date index is walked.
  add('t.removed_at IS NULL');
  return { sql: sql.join(' AND '), values };
}

/** The share of the days from `first` to `last` (the books' span) that `from`–`to` covers. */
function shareOfDays(from: string | null, to: string | null, first: string | null, last: string | null): number {
  if (from === null || to === null || first === null || last === null) return 1;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const span = day(last) - day(first) + 1;
  const covered = Math.min(day(to), day(last)) - Math.max(day(from), day(first)) + 1;
  return Math.min(1, Math.max(0, covered / span));
}
