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
  categoryPicked,
  conditions,
  countRows,
  effectiveCategory,
  planSearch,
  type Prepare,
  type SearchPlan,
  statementCache,
} from './transaction-conditions.ts';
import { type StoredRow, storedRow, storedRowColumns, toRow } from './transaction-rows.ts';
import { TransactionSearchIndex } from './transaction-search.ts';
import { runningBalances } from './running-balances.ts';
import { type AccountLabel, accountLabels, accountLabelsById } from './account-labels.ts';

interface Sort {
  join: string;
  column: string;
  /** The join's bound values. */
  values?: unknown[];
}

/**
 * What a sort key orders by, and what it joins. Accounts and categories sort through their
 * rank among the few there are, ranked once per query: a join to the small ranked set costs
 * less per row than to the table. Accounts rank as every picker lists them
 * (account-labels.ts: by institution, then name), categories by name in the user's language.
 */
const sorts: Record<ParsedQuery['sort'], (language: Language, sqlite: Database.Database) => Sort> = {
  date: () => ({ join: '', column: 't.date' }),
  description: () => ({ join: '', column: 't.description COLLATE NOCASE' }),
  account: (_language, sqlite) => ({
    join: 'JOIN json_each(?) r ON r.value = t.account_id',
    column: 'r.key',
    values: [JSON.stringify(accountLabels(sqlite).map((label) => label.id))],
  }),
  category: (language) => ({
    join: `LEFT JOIN (SELECT id, row_number() OVER (ORDER BY ${language === 'en' ? 'name_en' : 'name_pt'}, id) AS rank
           FROM categories) r ON r.id = ${effectiveCategory}`,
    column: 'r.rank',
  }),
  amount: () => ({ join: '', column: accountAmount }),
};

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
    const plan = await planSearch(this.statement, this.search, query.filters, {
      sort: query.sort,
      wanted: query.offset + query.limit,
    });
    const page = this.page(query, plan, language);
    // A search and nothing else counts in the search index alone (it holds no removed rows),
    // unless hidden accounts' rows, which the index holds too, are to be left out.
    const searchOnly =
      plan !== null &&
      Object.keys(query.filters).every((key) => key === 'search' || key === 'includeHidden') &&
      (query.filters.includeHidden === true || !this.anyHidden());
    const total = !query.count
      ? null
      : searchOnly
        ? plan.matches
        : (page.total ?? countRows(this.statement, query.filters, plan));
    const rows = this.shown(page.rowids);
    // In date order only: sorted otherwise, a page's rows span the account's whole history.
    if (register === null || query.sort !== 'date') return { rows, total };
    const balances = runningBalances(this.statement, register, page.rowids);
    return { rows: rows.map((row) => ({ ...row, runningBalanceCents: balances.get(row.id) })), total };
  }

  /** Whether the user hid any account (a handful of rows: no index needed). */
  private anyHidden(): boolean {
    return this.statement('SELECT EXISTS (SELECT 1 FROM accounts WHERE hidden_at IS NOT NULL)').pluck().get() === 1;
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
    const sort = sorts[query.sort](language, this.sqlite);
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
    ).all(...(sort.values ?? []), ...where.values, query.limit, query.offset) as { rowid: number; total?: number }[];
    return { rowids: found.map((each) => each.rowid), total: found[0]?.total };
  }

  /** Transactions as the list shows them, in the order of the rowids given (those still in the books). */
  shown(rowids: readonly number[]): TransactionRow[] {
    const rows = this.rows(rowids);
    if (rows.length === 0) return [];
    const accounts = accountLabelsById(this.sqlite);
    // Every transaction has its account (a foreign key), and every account its connection.
    return rows.map((row) => toRow(row, accounts.get(row[storedRow.accountId]) as AccountLabel, row[19]));
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
      search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
      listing: true,
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

/** The one account whose register a query with running balances lists. */
function registerAccount(filters: TransactionFilters): string {
  const [accountId, ...others] = filters.accountIds ?? [];
  if (accountId === undefined || others.length > 0) {
    throw new AppError('INVALID_INPUT', 'Running balances are those of one account: name exactly one in accountIds');
  }
  return accountId;
}
