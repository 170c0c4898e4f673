import type Database from 'better-sqlite3';
import type { Language } from '../../shared/models.ts';
import {
  type TransactionFilters,
  type TransactionPage,
  TransactionQuery,
  type TransactionRow,
  uncategorized,
} from '../../shared/transactions.ts';
import { searchTerms, TransactionSearchIndex } from './transaction-search.ts';

/**
 * The effective category: the user's or a rule's choice, else Pluggy's suggestion.
 * Amounts are compared, sorted and totalled in the account's currency (a USD subscription
 * on a BRL card counts in reais), as the totals must add up.
 */
const effectiveCategory = 'coalesce(u.category_id, t.pluggy_category_id)';
const accountAmount = 'coalesce(t.amount_in_account_currency_cents, t.amount_cents)';

/** The column a sort key orders by; the category's name comes in the user's language. */
const sortColumns = {
  date: () => 't.date',
  description: () => 't.description COLLATE NOCASE',
  account: () => 'a.name COLLATE NOCASE',
  category: (language: Language) => (language === 'en' ? 'c.name_en' : 'c.name_pt'),
  amount: () => accountAmount,
} as const;

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
  reconciled: number;
  split: number;
}

interface Totals {
  total: number;
  inCents: number;
  outCents: number;
}

/** A WHERE clause of fixed SQL fragments and the values bound to their placeholders. */
interface Conditions {
  sql: string;
  values: unknown[];
  /** Whether a condition reads the user's fields (the count then needs their join). */
  readsUserData: boolean;
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
    const terms = query.filters.search === undefined ? null : searchTerms(query.filters.search);
    if (terms !== null) await this.search.catchUp();
    const where = conditions(query.filters, terms);

    const direction = query.descending ? 'DESC' : 'ASC';
    const sortColumn = sortColumns[query.sort](language);
    const readsUserData = where.readsUserData || query.sort === 'category';
    // First which rows make the page, reading only the columns the filters and the sort
    // need, then the fields of those rows alone, by rowid.
    const pageRowids = this.statement(
      `SELECT t.rowid FROM transactions t
       ${query.sort === 'account' ? 'JOIN accounts a ON a.id = t.account_id' : ''}
       ${readsUserData ? 'LEFT JOIN transaction_user_data u ON u.transaction_id = t.id' : ''}
       ${query.sort === 'category' ? `LEFT JOIN categories c ON c.id = ${effectiveCategory}` : ''}
       WHERE ${where.sql}
       ORDER BY ${sortColumn} ${direction}, t.id ${direction}
       LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...where.values, query.limit, query.offset) as number[];
    const fetched = this.statement(
      `SELECT t.rowid AS rowid, t.id, t.date, t.description,
         coalesce(u.counterparty_display_name, t.counterparty_name, t.merchant_name) AS counterparty,
         t.account_id AS accountId, a.name AS accountName, t.amount_cents AS amountCents,
         t.currency_code AS currencyCode, t.status, ${effectiveCategory} AS categoryId,
         u.category_source AS userCategorySource, u.category_id IS NOT NULL AS userCategory,
         u.notes, u.tags, u.usage, u.deductible, u.reconciled_at IS NOT NULL AS reconciled,
         EXISTS (SELECT 1 FROM transaction_splits s WHERE s.transaction_id = t.id) AS split
       FROM transactions t
       JOIN accounts a ON a.id = t.account_id
       LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
       WHERE t.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(pageRowids)) as RawRow[];
    const byRowid = new Map(fetched.map((fetchedRow) => [fetchedRow.rowid, fetchedRow]));
    const rows = pageRowids.flatMap((rowid) => byRowid.get(rowid) ?? []);

    const totals = this.statement(
      `SELECT count(*) AS total,
         coalesce(sum(CASE WHEN ${accountAmount} > 0 THEN ${accountAmount} END), 0) AS inCents,
         coalesce(sum(CASE WHEN ${accountAmount} < 0 THEN ${accountAmount} END), 0) AS outCents
       FROM transactions t
       ${where.readsUserData ? 'LEFT JOIN transaction_user_data u ON u.transaction_id = t.id' : ''}
       WHERE ${where.sql}`,
    ).get(...where.values) as Totals;

    return {
      rows: rows.map(toRow),
      total: totals.total,
      totals: { inCents: totals.inCents, outCents: totals.outCents, netCents: totals.inCents + totals.outCents },
    };
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

function conditions(filters: TransactionFilters, terms: string | null): Conditions {
  const sql = ['t.removed_at IS NULL'];
  const values: unknown[] = [];
  let readsUserData = false;
  const add = (fragment: string, ...bound: unknown[]) => {
    sql.push(fragment);
    values.push(...bound);
  };

  // Lists travel as one JSON parameter, so a statement's shape does not depend on their length.
  if (filters.accountIds) add('t.account_id IN (SELECT value FROM json_each(?))', JSON.stringify(filters.accountIds));
  if (filters.from !== undefined) add('t.date >= ?', filters.from);
  if (filters.to !== undefined) add('t.date <= ?', filters.to);
  if (filters.categoryIds) {
    readsUserData = true;
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
  if (filters.usage !== undefined) {
    readsUserData = true;
    if (filters.usage === 'unset') add('u.usage IS NULL');
    else add('u.usage = ?', filters.usage);
  }
  if (terms !== null)
    add('t.rowid IN (SELECT rowid FROM transactions_search WHERE transactions_search MATCH ?)', terms);
  return { sql: sql.join(' AND '), values, readsUserData };
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
    split: row.split === 1,
  };
}
