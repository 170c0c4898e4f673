import type Database from 'better-sqlite3';
import type { Language } from '../../shared/models.ts';
import {
  TransactionFilters,
  type TransactionPage,
  TransactionQuery,
  type TransactionRow,
  type TransactionTotals,
  uncategorized,
} from '../../shared/transactions.ts';
import { searchTerms, TransactionSearchIndex } from './transaction-search.ts';

/**
 * The effective category: the user's or a rule's choice (its copy on the transaction, which
 * the listing index holds), else Pluggy's suggestion.
 * Amounts are compared, sorted and totalled in the account's currency (a USD subscription
 * on a BRL card counts in reais), as the totals must add up.
 */
const effectiveCategory = 'coalesce(t.user_category_id, t.pluggy_category_id)';
const accountAmount = 'coalesce(t.amount_in_account_currency_cents, t.amount_cents)';

/**
 * What a sort key orders by, and what it joins. Accounts and categories sort by name (the
 * category's in the user's language) through their rank among the few there are, ranked
 * once per query: a join to the small ranked set costs less per row than to the table.
 */
const sorts = {
  date: () => ({ join: '', column: 't.date' }),
  description: () => ({ join: '', column: 't.description COLLATE NOCASE' }),
  account: () => ({
    join: `JOIN (SELECT id, row_number() OVER (ORDER BY name COLLATE NOCASE, id) AS rank FROM accounts) r
           ON r.id = t.account_id`,
    column: 'r.rank',
  }),
  category: (language: Language) => ({
    join: `LEFT JOIN (SELECT id, row_number() OVER (ORDER BY ${language === 'en' ? 'name_en' : 'name_pt'}, id) AS rank
           FROM categories) r ON r.id = ${effectiveCategory}`,
    column: 'r.rank',
  }),
  amount: () => ({ join: '', column: accountAmount }),
} as const;

/** A transaction's own fields and its user data's, as `StoredRow` has them (from `t` and `u`). */
const storedRowFields = `t.rowid AS rowid, t.id, t.date, t.description,
    coalesce(u.counterparty_display_name, t.counterparty_name, t.merchant_name) AS counterparty,
    t.account_id AS accountId, t.amount_cents AS amountCents,
    t.currency_code AS currencyCode, ${accountAmount} AS accountAmountCents,
    t.status, ${effectiveCategory} AS categoryId,
    u.category_source AS userCategorySource, u.category_id IS NOT NULL AS userCategory,
    u.notes, u.tags, u.usage, u.deductible, u.reconciled_at IS NOT NULL AS reconciled,
    t.origin = 'adjustment' AS adjustment`;

/** A row's fields as `RawRow` has them, and the joins they come from: the statement up to its WHERE. */
const rawRowFields = `${storedRowFields}, a.name AS accountName, a.currency_code AS accountCurrencyCode,
    (SELECT count(*) FROM transaction_splits s WHERE s.transaction_id = t.id) AS splitParts
  FROM transactions t
  JOIN accounts a ON a.id = t.account_id
  LEFT JOIN transaction_user_data u ON u.transaction_id = t.id`;

/** A row without what it takes from its account and its splits (see `inDateOrder`). */
type StoredRow = Omit<RawRow, 'accountName' | 'accountCurrencyCode' | 'splitParts'>;

interface RawRow {
  rowid: number;
  id: string;
  date: string;
  description: string;
  counterparty: string | null;
  accountId: string;
  accountName: string;
  amountCents: number;
  currencyCode: string;
  status: string;
  categoryId: string | null;
  userCategorySource: 'manual' | 'rule' | null;
  userCategory: number;
  notes: string | null;
  tags: string | null;
  usage: 'business' | 'personal' | null;
  deductible: number | null;
  accountAmountCents: number;
  accountCurrencyCode: string;
  reconciled: number;
  adjustment: number;
  splitParts: number;
}

type ParsedQuery = ReturnType<typeof TransactionQuery.parse>;

/** How a search runs (see `plan`): whether to walk the listing index for the page, and for the whole set. */
interface SearchPlan {
  terms: string;
  /** Live transactions the search matches. */
  matches: number;
  walkForPage: boolean;
  walkForAll: boolean;
}

/** A WHERE clause of fixed SQL fragments and the values bound to their placeholders. */
interface Conditions {
  sql: string;
  values: unknown[];
}

/**
 * The query behind the transactions page ('transactions:list'): one page of the filtered,
 * sorted set, with the whole set's count and totals. Removed transactions are never
 * listed. The SQL is assembled from fixed fragments chosen by which filters are present;
 * every user value is a bound parameter, and each distinct shape is prepared once.
 */
export class TransactionQueries {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly search: TransactionSearchIndex;
  private readonly sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    this.search = new TransactionSearchIndex(sqlite);
  }

  async list(input: TransactionQuery, language: Language): Promise<TransactionPage> {
    const query = TransactionQuery.parse(input);
    const plan = await this.plan(query.filters, { sort: query.sort, wanted: query.offset + query.limit });
    const page = this.page(query, plan, language);
    const rows = this.rows(page.rowids);
    // A search and nothing else counts in the search index alone (it holds no removed rows).
    const searchOnly = plan !== null && Object.keys(query.filters).every((key) => key === 'search');
    const total = !query.count ? null : searchOnly ? plan.matches : (page.total ?? this.count(query.filters, plan));
    return { rows: rows.map(toRow), total };
  }

  /**
   * Which rows make the page, reading only the columns the filters and the sort need. Ties
   * go by rowid, the order in which the books first saw the rows: unique, and in every index.
   * A search within a period counts its rows in the same statement (`total`), so that the
   * search's matches are gathered once.
   */
  private page(query: ParsedQuery, plan: SearchPlan | null, language: Language): { rowids: number[]; total?: number } {
    const { filters } = query;
    const ofAllTime = filters.from === undefined && filters.to === undefined;
    const listing = !(query.sort === 'date' && ofAllTime);
    const where = conditions(filters, { search: plan && { terms: plan.terms, walkIndex: plan.walkForPage }, listing });
    // In date order, the date index gives a period's rows already sorted and stops after
    // the page: best when most rows pass. When a filter passes few, that walk visits much
    // of the period row by row; reading the listing index and sorting what passes is then
    // cheaper (`+` keeps SQLite off the date index).
    const selective = filters.categoryIds ?? filters.usage ?? filters.pending ?? filters.minCents ?? filters.maxCents;
    const sort = sorts[query.sort](language);
    const sortColumn =
      query.sort === 'date' && listing && (selective !== undefined || plan !== null) ? '+t.date' : sort.column;
    const direction = query.descending ? 'DESC' : 'ASC';
    const countAlong = query.count && plan !== null && !ofAllTime;
    const found = this.statement(
      `SELECT t.rowid AS rowid${countAlong ? ', count(*) OVER () AS total' : ''} FROM transactions t
       ${sort.join}
       WHERE ${where.sql}
       ORDER BY ${sortColumn} ${direction}, t.rowid ${direction}
       LIMIT ? OFFSET ?`,
    ).all(...where.values, query.limit, query.offset) as { rowid: number; total?: number }[];
    return { rowids: found.map((each) => each.rowid), total: found[0]?.total };
  }

  /** The fields of the page's rows, in the page's order. */
  private rows(rowids: number[]): RawRow[] {
    const fetched = this.statement(`SELECT ${rawRowFields} WHERE t.rowid IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(rowids),
    ) as RawRow[];
    const byRowid = new Map(fetched.map((fetchedRow) => [fetchedRow.rowid, fetchedRow]));
    return rowids.flatMap((rowid) => byRowid.get(rowid) ?? []);
  }

  /**
   * Every row the filters let through, oldest first (ties by rowid), a page at a time, with
   * the set's size: what an export writes. Keyset pages (rows after the last date and rowid
   * seen) walk the date index once, however far in; all pages are read in one read
   * transaction, so the file is one snapshot of the books even if a sync commits meanwhile.
   * The accounts and the split counts are read once, into maps, rather than joined or
   * counted row by row: a third less time for 100k rows (there are a few accounts, and
   * splits only where the user made them).
   */
  async *inDateOrder(input: TransactionFilters, pageSize = 2000): AsyncGenerator<ExportPage> {
    const filters = TransactionFilters.parse(input);
    const plan = await this.plan(filters, null);
    const where = conditions(filters, {
      search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
      listing: false,
    });
    // The rows' fields in the same statement, and always along the date index: each page
    // then resumes where the last stopped. Through the listing index (which an account
    // filter tempts SQLite to take) every page would sort the rest of the account again.
    const next = this.statement(
      `SELECT ${storedRowFields}
       FROM transactions t INDEXED BY transactions_date_idx
       LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
       WHERE ${where.sql} AND (t.date, t.rowid) > (?, ?)
       ORDER BY t.date, t.rowid
       LIMIT ?`,
    );
    this.sqlite.exec('BEGIN');
    try {
      const total = this.count(filters, plan);
      const accounts = new Map(
        (
          this.statement('SELECT id, name, currency_code AS currencyCode FROM accounts').all() as {
            id: string;
            name: string;
            currencyCode: string;
          }[]
        ).map((account) => [account.id, account]),
      );
      const splitParts = new Map(
        this.statement('SELECT transaction_id, count(*) FROM transaction_splits GROUP BY transaction_id')
          .raw()
          .all() as [string, number][],
      );
      const toExportRow = (row: StoredRow): ExportRow => {
        // Every transaction has its account (a foreign key).
        const account = accounts.get(row.accountId) as { name: string; currencyCode: string };
        return {
          ...toRow({
            ...row,
            accountName: account.name,
            accountCurrencyCode: account.currencyCode,
            splitParts: splitParts.get(row.id) ?? 0,
          }),
          accountAmountCents: row.accountAmountCents,
          accountCurrencyCode: account.currencyCode,
        };
      };
      let after: [string, number] = ['', 0];
      for (;;) {
        const found = next.all(...where.values, ...after, pageSize) as StoredRow[];
        const last = found.at(-1);
        if (last === undefined) return;
        yield { total, rows: found.map(toExportRow) };
        after = [last.date, last.rowid];
      }
    } finally {
      this.sqlite.exec('COMMIT');
    }
  }

  /** How many rows the filters let through. */
  private count(filters: TransactionFilters, plan: SearchPlan | null): number {
    const where = conditions(filters, {
      search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
      listing: true,
    });
    return this.statement(`SELECT count(*) FROM transactions t WHERE ${where.sql}`)
      .pluck()
      .get(...where.values) as number;
  }

  /** Money in, out and net of the whole filtered set. */
  async totals(input: TransactionFilters): Promise<TransactionTotals> {
    const filters = TransactionFilters.parse(input);
    const plan = await this.plan(filters, null);
    const where = conditions(filters, {
      search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
      listing: true,
    });
    const sums = this.statement(
      `SELECT coalesce(sum(CASE WHEN ${accountAmount} > 0 THEN ${accountAmount} END), 0) AS inCents,
         coalesce(sum(CASE WHEN ${accountAmount} < 0 THEN ${accountAmount} END), 0) AS outCents
       FROM transactions t
       WHERE ${where.sql}`,
    ).get(...where.values) as { inCents: number; outCents: number };
    return { ...sums, netCents: sums.inCents + sums.outCents };
  }

  /**
   * How a search runs, or null without one. SQLite cannot know how many rows a MATCH
   * gives, so it always starts from the matches and looks each one up (~1 µs a row:
   * 30 ms for a word in one row of thirty, over 1M). When the matches are many, walking
   * transactions_listing_idx (in date order, or the period's entries) and checking each
   * entry against the matches reads far fewer entries; this picks whichever reads less.
   */
  private async plan(
    filters: TransactionFilters,
    page: { sort: string; wanted: number } | null,
  ): Promise<SearchPlan | null> {
    const terms = filters.search === undefined ? null : searchTerms(filters.search);
    if (terms === null) return null;
    await this.search.catchUp();
    const matches = this.statement('SELECT count(*) FROM transactions_search WHERE transactions_search MATCH ?')
      .pluck()
      .get(terms) as number;
    const { live, first, last } = this.statement(
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
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** How the listing is read: see `conditions`. */
interface Access {
  /** The search, if any, and whether it walks an index rather than start from its matches. */
  search: { terms: string; walkIndex: boolean } | null;
  /** Read through transactions_listing_idx (all but a page in date order of all time). */
  listing: boolean;
}

/**
 * The WHERE clause for the filters. Reading through transactions_listing_idx (by account,
 * then date, with the amounts, status and Pluggy's category) answers a period's count,
 * totals and most sorts without visiting the rows: with no account filter, every account
 * is named, so that SQLite walks the index one account at a time. A page in date order of
 * all time walks the date index instead, and stops after the page.
 */
function conditions(filters: TransactionFilters, access: Access): Conditions {
  const sql: string[] = [];
  const values: unknown[] = [];
  const add = (fragment: string, ...bound: unknown[]) => {
    sql.push(fragment);
    values.push(...bound);
  };

  // Lists travel as one JSON parameter, so a statement's shape does not depend on their length.
  if (filters.accountIds) add('t.account_id IN (SELECT value FROM json_each(?))', JSON.stringify(filters.accountIds));
  else if (access.listing) add('t.account_id IN (SELECT id FROM accounts)');
  if (filters.from !== undefined) add('t.date >= ?', filters.from);
  if (filters.to !== undefined) add('t.date <= ?', filters.to);
  if (filters.categoryIds) {
    const ids = filters.categoryIds.filter((id) => id !== uncategorized);
    const inIds = `${effectiveCategory} IN (SELECT value FROM json_each(?))`;
    if (ids.length === filters.categoryIds.length) add(inIds, JSON.stringify(ids));
    else add(`(${inIds} OR ${effectiveCategory} IS NULL)`, JSON.stringify(ids));
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

function toRow(row: RawRow): TransactionRow {
  return {
    id: row.id,
    date: row.date,
    description: row.description,
    counterparty: row.counterparty,
    accountId: row.accountId,
    accountName: row.accountName,
    amountCents: row.amountCents,
    currencyCode: row.currencyCode,
    pending: row.status === 'PENDING',
    categoryId: row.categoryId,
    categorySource: row.categoryId === null ? null : row.userCategory ? (row.userCategorySource ?? 'manual') : 'pluggy',
    notes: row.notes,
    tags: row.tags === null ? [] : (JSON.parse(row.tags) as string[]),
    usage: row.usage,
    deductible: row.deductible === null ? null : row.deductible === 1,
    reconciled: row.reconciled === 1,
    adjustment: row.adjustment === 1,
    split: row.splitParts > 0,
    splitParts: row.splitParts,
  };
}

/** A row as the screen shows it, with its amount in the account's currency (what the account's totals and statement count). */
export interface ExportRow extends TransactionRow {
  accountAmountCents: number;
  accountCurrencyCode: string;
}

/** A page of `inDateOrder`, with the size of the whole set. */
export interface ExportPage {
  total: number;
  rows: ExportRow[];
}

/** The share of the days from `first` to `last` (the books' span) that `from`–`to` covers. */
function shareOfDays(from: string | null, to: string | null, first: string | null, last: string | null): number {
  if (from === null || to === null || first === null || last === null) return 1;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const span = day(last) - day(first) + 1;
  const covered = Math.min(day(to), day(last)) - Math.max(day(from), day(first)) + 1;
  return Math.min(1, Math.max(0, covered / span));
}
