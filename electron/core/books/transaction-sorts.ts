import type Database from 'better-sqlite3';
import type { Language } from '../../shared/models.ts';
import type { transactionSortKeys } from '../../shared/transaction-constants.ts';
import { accountLabels } from './account-labels.ts';
import { accountAmount, effectiveCategory, type Prepare } from './transaction-conditions.ts';

/**
 * How a statement reads the transactions (as `t`) in a sort's order: a common table
 * expression it starts with (or ''), its FROM clause, and what it orders by, before the
 * rowid that breaks ties. `values` are bound in that order, before the WHERE clause's.
 */
export interface Ordering {
  with: string;
  from: string;
  column: string;
  values: unknown[];
}

/** A sort key of the transactions page. Ties always go by rowid, in the same direction. */
export interface TransactionSort {
  /** The value the rows are ordered by (an expression of `t`), before any ranking. */
  value: string;
  /** How rows are read in this order, `of` standing for `value` (itself, or an equivalent). */
  order(of: string, descending: boolean): Ordering;
  /**
   * For a key ordered by its rank among a few values (accounts, categories): those values,
   * first rank first. Any other value (no category, or one not in the books) has no rank:
   * it comes first in ascending order and last in descending order, as SQL's NULL does.
   */
  ranked?: () => readonly string[];
  /** Whether the value is the date, which is also what a period bounds. */
  chronological?: boolean;
}

export type SortKey = (typeof transactionSortKeys)[number];

const byValue = (value: string, collation = ''): TransactionSort => ({
  value,
  order: (of) => ({ with: '', from: 'transactions t', column: `${of}${collation}`, values: [] }),
});

/**
 * What each sort key orders by. Accounts and categories sort by their rank among the few
 * there are, ranked once per query: a join to the small ranked set costs less per row than
 * to the table. Accounts rank as every picker lists them (account-labels.ts: by
 * institution, then name), categories by name in the user's language.
 */
export function transactionSort(
  key: SortKey,
  language: Language,
  { sqlite, prepare }: { sqlite: Database.Database; prepare: Prepare },
  /** The accounts the filters name, if any: the only ones an account sort need rank. */
  accountIds?: readonly string[],
): TransactionSort {
  switch (key) {
    case 'date':
      return { ...byValue('t.date'), chronological: true };
    case 'description':
      return byValue('t.description', ' COLLATE NOCASE');
    case 'amount':
      return byValue(accountAmount);
    case 'account': {
      const named = accountIds && new Set(accountIds);
      const ids = accountLabels(sqlite)
        .map((label) => label.id)
        .filter((id) => named?.has(id) ?? true);
      return {
        value: 't.account_id',
        // The accounts first, materialized in rank order: SQLite then reads them one at a
        // time through the listing index and sorts each account's rows alone, stopping
        // after the page (a dense month's 83k rows sorted whole cost ~20 ms).
        order: (of, descending) => ({
          with: `WITH r AS MATERIALIZED (SELECT key, value FROM json_each(?) ORDER BY key ${descending ? 'DESC' : 'ASC'})`,
          from: `r CROSS JOIN transactions t ON ${of} = r.value`,
          column: 'r.key',
          values: [JSON.stringify(ids)],
        }),
        ranked: () => ids,
      };
    }
    case 'category': {
      const name = language === 'en' ? 'name_en' : 'name_pt';
      return {
        value: effectiveCategory,
        order: (of) => ({
          with: '',
          from: `transactions t LEFT JOIN (SELECT id, row_number() OVER (ORDER BY ${name}, id) AS rank FROM categories) r ON r.id = ${of}`,
          column: 'r.rank',
          values: [],
        }),
        ranked: () => prepare(`SELECT id FROM categories ORDER BY ${name}, id`).pluck().all() as string[],
      };
    }
  }
}
