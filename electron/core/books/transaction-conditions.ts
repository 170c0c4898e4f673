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
  /**
   * The matches' rowids (a JSON array): checked against these, the page, its count and
   * the totals need not run the search again.
   */
  rowids: string;
  /**
   * The same matches as one byte per rowid (`memberBytes`), for an index walked entry by
   * entry; null when neither the page nor the whole set walks one.
   */
  members: Buffer | null;
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
  /**
   * The search, if any (its matches' rowids if gathered, else its terms), and whether it
   * walks an index rather than start from its matches.
   */
  search: { terms: string; rowids?: string; members?: Buffer | null; walkIndex: boolean } | null;
  /**
   * Read through transactions_listing_idx (by account, then date), as when accounts are
   * named; else along the live transactions' date index (transactions_date_idx). Both hold
   * every column the filters read (`byAccount`).
   */
  listing: boolean;
  /** No account is hidden (`booksFacts`): along the date index, no account need be checked. */
  noneHidden?: boolean;
  /** No transaction is split (`booksFacts`): a category filter need not look for split parts. */
  noSplits?: boolean;
}

/**
 * What the books hold that lets a statement skip a check on every row: no account hidden,
 * no transaction split. A category filter's look for split parts cost a month of 83k rows
 * ~4 ms of its ~13, whether or not any split exists.
 */
export function booksFacts(prepare: Prepare): { noneHidden: boolean; noSplits: boolean } {
  const facts = prepare(
    `SELECT NOT EXISTS (SELECT 1 FROM accounts WHERE hidden_at IS NOT NULL) AS noneHidden,
       NOT EXISTS (SELECT 1 FROM transaction_splits) AS noSplits`,
  ).get() as { noneHidden: number; noSplits: number };
  return { noneHidden: facts.noneHidden === 1, noSplits: facts.noSplits === 1 };
}

/**
 * Whether a set is best read by account (transactions_listing_idx): when the filters name
 * accounts, whose entries lie together there. Otherwise a period's entries lie together in
 * the date index (migration 0014), live ones only: about half the reading (a dense month
 * of 83k rows counted in ~3.5 ms, against ~7 ms one account at a time, each entry checked
 * for removal; 8 against 15 ms filtered by category).
 */
export function byAccount(filters: TransactionFilters): boolean {
  return filters.accountIds !== undefined;
}

/**
 * How a search runs, or null without one. SQLite cannot know how many rows a MATCH
 * gives, so it always starts from the matches and looks each one up (~1 µs a row:
 * 30 ms for a word in one row of thirty, over 1M). When the matches are many, walking
 * transactions_listing_idx (in date order, or the period's entries) and checking each
 * entry against the matches reads far fewer entries; this picks whichever reads less.
 * The matches are gathered once, counted and kept (`rowids`): a word's matches cost a
 * few milliseconds to find, but a short prefix's (the "de"* of "pão de açúcar" expands to
 * every word starting "de") tens, which a page and its count then paid twice.
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
  const live = booksSpan(prepare).live;
  // Index entries a walk reads: the period's share of the books to see every match, or,
  // for a page in date order, only until it has the rows wanted (matches spread over time).
  const periodEntries = periodOf(prepare, filters)?.rows ?? 0;
  // In rowid order, FTS5's own: no sort.
  const found = prepare('SELECT rowid FROM transactions_search WHERE transactions_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(terms) as number[];
  const matches = found.length;
  const pageEntries =
    page?.sort === 'date' && matches > 0 ? Math.min(periodEntries, (page.wanted * live) / matches) : periodEntries;
  // An index entry read in order costs about a tenth of a lookup by rowid.
  const walkForAll = periodEntries / 10 < matches;
  const walkForPage = pageEntries / 10 < matches;
  const members = walkForAll || walkForPage ? memberBytes(found) : null;
  return { terms, rowids: JSON.stringify(found), members, matches, walkForAll, walkForPage };
}

/**
 * One byte per rowid, 1 for the rowids given (ascending). An index walked entry by entry
 * checks each against the search's matches: as `rowid IN (the matches)`, SQLite first
 * builds a B-tree of them (~10 ms for a common word's 33k matches of 1M, longer than the
 * walk itself) and probes it per entry; a byte read at the entry's rowid (see
 * `conditions`) costs neither. 1 MB for 1M rows, for the length of one request.
 */
function memberBytes(rowids: readonly number[]): Buffer {
  const bytes = Buffer.alloc((rowids.at(-1) ?? -1) + 1);
  for (const rowid of rowids) bytes[rowid] = 1;
  return bytes;
}

/** The days a query covers (the filters', else the books' first and last) and about how many rows they hold. */
export interface Period {
  from: string;
  to: string;
  rows: number;
}

/** The filters' period, or null for books without transactions. */
export function periodOf(prepare: Prepare, filters: TransactionFilters): Period | null {
  const { live, first, last } = booksSpan(prepare);
  if (first === null || last === null) return null;
  const from = filters.from ?? first;
  const to = filters.to ?? last;
  return { from, to, rows: live * shareOfDays(from, to, first, last) };
}

/** About how many transactions the books hold (rowids are dense), and their live ones' first and last days. */
function booksSpan(prepare: Prepare): { live: number; first: string | null; last: string | null } {
  return prepare(
    `SELECT coalesce((SELECT max(rowid) FROM transactions), 0) AS live,
       (SELECT min(date) FROM transactions WHERE removed_at IS NULL) AS first,
       (SELECT max(date) FROM transactions WHERE removed_at IS NULL) AS last`,
  ).get() as { live: number; first: string | null; last: string | null };
}

/** Whether the user hid any account (a handful of rows: no index needed). */
export function anyAccountHidden(prepare: Prepare): boolean {
  return prepare('SELECT EXISTS (SELECT 1 FROM accounts WHERE hidden_at IS NOT NULL)').pluck().get() === 1;
}

/** How many rows the filters let through, read from an index alone (`byAccount`). */
export function countRows(prepare: Prepare, filters: TransactionFilters, plan: SearchPlan | null): number {
  const where = conditions(filters, {
    search: plan && { ...plan, walkIndex: plan.walkForAll },
    listing: byAccount(filters),
    ...booksFacts(prepare),
  });
  return prepare(`SELECT count(*) FROM transactions t WHERE ${where.sql}`)
    .pluck()
    .get(...where.values) as number;
}

/** `column` is one of the categories (`uncategorized` standing for none). */
export function categoryPicked(column: string, categoryIds: readonly string[]): { sql: string; values: unknown[] } {
  const ids = JSON.stringify(categoryIds.filter((id) => id !== uncategorized));
  const none = categoryIds.includes(uncategorized) ? ` OR ${column} IS NULL` : '';
  return { sql: `(${column} IN (SELECT value FROM json_each(?))${none})`, values: [ids] };
}

/**
 * The WHERE clause for the filters. transactions_listing_idx (by account, then date) and
 * the live transactions' date index both hold the amounts, status, categories, usage and
 * description, so a period's count, totals and sorts are answered without visiting the
 * rows (`Access.listing` picks the index). Through the listing index with no account
 * filter, every account is named, so that SQLite walks it one account at a time.
 */
export function conditions(filters: TransactionFilters, access: Access): Conditions {
  const sql: string[] = [];
  const values: unknown[] = [];
  const add = (fragment: string, ...bound: unknown[]) => {
    sql.push(fragment);
    values.push(...bound);
  };

  // Lists travel as one JSON parameter, so a statement's shape does not depend on their length.
  // Without an account filter, hidden accounts are left out unless asked for. Through the
  // listing index the shown accounts are named; along the date index, each entry's account
  // is checked against the few hidden, if any.
  // One account (its register) by equality: SQLite then knows the listing index gives its
  // rows in date order, and a page of them newest first reads the page, not the account.
  if (filters.accountIds?.length === 1) add('t.account_id = ?', filters.accountIds[0]);
  else if (filters.accountIds)
    add('t.account_id IN (SELECT value FROM json_each(?))', JSON.stringify(filters.accountIds));
  else if (filters.includeHidden === true || access.noneHidden === true) {
    if (access.listing) add('t.account_id IN (SELECT id FROM accounts)');
  } else if (access.listing) add('t.account_id IN (SELECT id FROM accounts WHERE hidden_at IS NULL)');
  else add('t.account_id NOT IN (SELECT id FROM accounts WHERE hidden_at IS NOT NULL)');
  if (filters.from !== undefined) add('t.date >= ?', filters.from);
  if (filters.to !== undefined) add('t.date <= ?', filters.to);
  if (filters.categoryIds && access.noSplits === true) {
    const own = categoryPicked(effectiveCategory, filters.categoryIds);
    add(own.sql, ...own.values);
  } else if (filters.categoryIds) {
    const own = categoryPicked(effectiveCategory, filters.categoryIds);
    const part = categoryPicked('s.category_id', filters.categoryIds);
    // A split counts as its parts, as the reports count it: it is found by a part's
    // category, never by its own (so a category's rows are the ones its DRE line sums).
    // By rowid, which every index holds (t.id would make every row be read).
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
  if (access.search !== null) {
    const { walkIndex, rowids, members, terms } = access.search;
    const matches =
      rowids === undefined
        ? { sql: 'SELECT rowid FROM transactions_search WHERE transactions_search MATCH ?', value: terms }
        : { sql: 'SELECT value FROM json_each(?)', value: rowids };
    // substr of a blob reads one byte at an offset (1-based): the entry's rowid's.
    if (walkIndex && members) add(`substr(?, t.rowid + 1, 1) = x'01'`, members);
    else add(`${walkIndex ? '+' : ''}t.rowid IN (${matches.sql})`, matches.value);
  }
  // Along the date index, implied (it holds live rows only), and written so SQLite sees it.
  add('t.removed_at IS NULL');
  return { sql: sql.join(' AND '), values };
}

/** The share of the days from `first` to `last` (the books' span) that `from`–`to` covers. */
function shareOfDays(from: string, to: string, first: string, last: string): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const span = day(last) - day(first) + 1;
  const covered = Math.min(day(to), day(last)) - Math.max(day(from), day(first)) + 1;
  return Math.min(1, Math.max(0, covered / span));
}
