import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/models.ts';
import {
  TransactionFilters,
  type TransactionPage,
  TransactionQuery,
  type TransactionRow,
  type TransactionTotals,
} from '../../shared/transactions.ts';
import { splitPartShares } from '../reports/report-rows.ts';
import {
  accountAmount,
  anyAccountHidden,
  booksFacts,
  byAccount,
  categoryPicked,
  conditions,
  countRows,
  periodOf,
  planSearch,
  type Prepare,
  type SearchPlan,
  statementCache,
} from './transaction-conditions.ts';
import { type StoredRow, storedRow, storedRowColumns, toRow } from './transaction-rows.ts';
import { TransactionSearchIndex } from './transaction-search.ts';
import { transactionSort } from './transaction-sorts.ts';
import { countedPage } from './counted-page.ts';
import { runningBalances } from './running-balances.ts';
import { type AccountLabel, accountLabelsById } from './account-labels.ts';

type ParsedQuery = ReturnType<typeof TransactionQuery.parse>;

/** A page's row: its stored fields and its split's parts. */
type PageRow = [...StoredRow, splitParts: number];

/**
 * The query behind the transactions page ('transactions:list'): one page of the filtered,
 * sorted set, with the whole set's count and totals. Removed transactions are never
 * listed. The SQL is assembled from fixed fragments chosen by which filters are present;
 * every user value is a bound parameter, and each distinct shape is prepared once.
 */
export class TransactionQueries {
  private readonly sqlite: Database.Database;
  private readonly statement: Prepare;
  private readonly search: TransactionSearchIndex;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    this.statement = statementCache(sqlite);
    this.search = new TransactionSearchIndex(sqlite);
  }

  async list(input: TransactionQuery, language: Language): Promise<TransactionPage> {
    const query = TransactionQuery.parse(input);
    const register = query.runningBalance === true ? registerAccount(query.filters) : null;
    // A search and nothing else counts in the search index alone (it holds no removed rows),
    // unless hidden accounts' rows, which the index holds too, are to be left out.
    const searchOnly =
      query.filters.search !== undefined &&
      Object.keys(query.filters).every((key) => key === 'search' || key === 'includeHidden') &&
      (query.filters.includeHidden === true || !anyAccountHidden(this.statement));
    const plan = await planSearch(this.statement, this.search, query.filters, {
      sort: query.sort,
      wanted: query.offset + query.limit,
    });
    const { rowids, total } = this.find(query, plan, language, searchOnly);
    const rows = this.shown(rowids);
    // In date order only: sorted otherwise, a page's rows span the account's whole history.
    if (register === null || query.sort !== 'date') return { rows, total };
    const balances = runningBalances(this.statement, register, rowids);
    return { rows: rows.map((row) => ({ ...row, runningBalanceCents: balances.get(row.id) })), total };
  }

  /** The page's rows and, when asked for, the filtered set's count. */
  private find(
    query: ParsedQuery,
    plan: SearchPlan | null,
    language: Language,
    searchOnly: boolean,
  ): { rowids: number[]; total: number | null } {
    if (!query.count) return { rowids: this.page(query, plan, language).rowids, total: null };
    if (plan !== null && searchOnly) return { rowids: this.page(query, plan, language).rowids, total: plan.matches };
    const period = periodOf(this.statement, query.filters);
    // Pages that read little beyond their own rows: walking the dates, one account's rows
    // in date order, one account after another (most of whose rows pass), or a search's
    // matches.
    const manyPass = selective(query.filters) === undefined;
    const oneAccount = query.filters.accountIds?.length === 1;
    const cheap =
      walksDates(query) || (manyPass && (query.sort === 'account' || (query.sort === 'date' && oneAccount)));
    if (cheap || plan !== null || period === null) {
      return { rowids: this.page(query, plan, language).rowids, total: countRows(this.statement, query.filters, plan) };
    }
    // Sorted otherwise, the page's rows come out of the pass that counts the set.
    const counted = countedPage(this.statement, {
      filters: query.filters,
      access: { search: null, listing: byAccount(query.filters), ...booksFacts(this.statement) },
      sort: transactionSort(
        query.sort,
        language,
        { sqlite: this.sqlite, prepare: this.statement },
        query.filters.accountIds,
      ),
      descending: query.descending,
      offset: query.offset,
      limit: query.limit,
      period,
    });
    return { rowids: counted.rowids ?? this.page(query, plan, language).rowids, total: counted.total };
  }

  /**
   * Which rows make the page, reading only the columns the filters and the sort need. Ties
   * go by rowid, the order in which the books first saw the rows: unique, and in every index.
   */
  private page(query: ParsedQuery, plan: SearchPlan | null, language: Language): { rowids: number[] } {
    const { filters } = query;
    // By account when they are named, or for a sort by account (its rows come account
    // after account: see transactionSort).
    const listing = !walksDates(query) && (byAccount(filters) || query.sort === 'account');
    const where = conditions(filters, {
      search: plan && { ...plan, walkIndex: plan.walkForPage },
      listing,
      ...booksFacts(this.statement),
    });
    // In date order through the listing index, filtered to a few rows: reading the period's
    // entries and sorting what passes is cheaper than walking the date index row by row
    // (`+` keeps SQLite off it). Named accounts alone leave SQLite the choice: one account's
    // entries in the listing index are already in date order.
    const sort = transactionSort(
      query.sort,
      language,
      { sqlite: this.sqlite, prepare: this.statement },
      query.filters.accountIds,
    );
    const fewPass = selective(filters) !== undefined || plan !== null;
    const ordering = sort.order(query.sort === 'date' && listing && fewPass ? '+t.date' : sort.value, query.descending);
    const direction = query.descending ? 'DESC' : 'ASC';
    const found = this.statement(
      `${ordering.with} SELECT t.rowid AS rowid FROM ${ordering.from}
       WHERE ${where.sql}
       ORDER BY ${ordering.column} ${direction}, t.rowid ${direction}
       LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...ordering.values, ...where.values, query.limit, query.offset) as number[];
    return { rowids: found };
  }

  /** Transactions as the list shows them, in the order of the rowids given (those still in the books). */
  shown(rowids: readonly number[]): TransactionRow[] {
    const rows = this.rows(rowids);
    if (rows.length === 0) return [];
    const accounts = accountLabelsById(this.sqlite);
    // Every transaction has its account (a foreign key), and every account its connection.
    return rows.map((row) => toRow(row, accounts.get(row[storedRow.accountId]) as AccountLabel, row[storedRow.width]));
  }

  /** The fields of the page's rows, in the page's order. */
  private rows(rowids: readonly number[]): PageRow[] {
    const fetched = this.statement(
      `SELECT ${storedRowColumns},
         (SELECT count(*) FROM transaction_splits s WHERE s.transaction_id = t.id)
       FROM transactions t
       LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
       WHERE t.rowid IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(JSON.stringify(rowids)) as PageRow[];
    const byRowid = new Map(fetched.map((fetchedRow) => [fetchedRow[storedRow.rowid], fetchedRow]));
    // Not flatMap: the rows are arrays themselves.
    return rowids.map((rowid) => byRowid.get(rowid)).filter((row) => row !== undefined);
  }

  /** Money in, out and net of the whole filtered set. */
  async totals(input: TransactionFilters): Promise<TransactionTotals> {
    const filters = TransactionFilters.parse(input);
    const plan = await planSearch(this.statement, this.search, filters, null);
    const where = conditions(filters, {
      search: plan && { ...plan, walkIndex: plan.walkForAll },
      listing: byAccount(filters),
      ...booksFacts(this.statement),
    });
    // Filtered by category, a split found by its parts counts as the parts in the filter
    // (their shares, as the reports count them), not as the whole transaction.
    const parts = filters.categoryIds && categoryPicked('p.category_id', filters.categoryIds);
    const movements = parts
      ? {
          sql: `SELECT coalesce(p.cents, ${accountAmount}) AS cents FROM transactions t
                LEFT JOIN (${splitPartShares('1')}) p ON p.trowid = t.rowid AND ${parts.sql}
                WHERE ${where.sql}`,
          values: [...parts.values, ...where.values],
        }
      : { sql: `SELECT ${accountAmount} AS cents FROM transactions t WHERE ${where.sql}`, values: where.values };
    const sums = this.statement(
      `SELECT coalesce(sum(CASE WHEN cents > 0 THEN cents END), 0) AS inCents,
         coalesce(sum(CASE WHEN cents < 0 THEN cents END), 0) AS outCents
       FROM (${movements.sql})`,
    ).get(...movements.values) as { inCents: number; outCents: number };
    return { ...sums, netCents: sums.inCents + sums.outCents };
  }
}

/**
 * Whether a page in date order walks the live transactions' date index, which gives the
 * rows already sorted and stops after the page: of all time (which the listing index would
 * sort whole), or with no filter but the period and a search. When a filter passes few
 * rows of a period, that walk would read much of it, and the count read it all again: the
 * page comes out of the pass that counts (`countedPage`) instead.
 */
function walksDates(query: ParsedQuery): boolean {
  if (query.sort !== 'date') return false;
  const { filters } = query;
  const ofAllTime = filters.from === undefined && filters.to === undefined;
  return ofAllTime || (!byAccount(filters) && selective(filters) === undefined);
}

/** A filter that may let few of a period's rows through, if any. */
function selective(filters: TransactionFilters): unknown {
  return filters.categoryIds ?? filters.usage ?? filters.pending ?? filters.minCents ?? filters.maxCents;
}

/** The one account whose register a query with running balances lists. */
function registerAccount(filters: TransactionFilters): string {
  const [accountId, ...others] = filters.accountIds ?? [];
  if (accountId === undefined || others.length > 0) {
    throw new AppError('INVALID_INPUT', 'Running balances are those of one account: name exactly one in accountIds');
  }
  return accountId;
}
