import type Database from 'better-sqlite3';
import type { TransactionFilters, TransactionRow } from '../../shared/transactions.ts';
import { uncategorized } from '../../shared/transaction-constants.ts';
import { conditions, countRows, planSearch, statementCache } from './transaction-conditions.ts';
import { type StoredRow, storedRow, storedRowColumns, toRow } from './transaction-rows.ts';
import { TransactionSearchIndex } from './transaction-search.ts';
import { splitPartShares } from '../reports/report-rows.ts';
import { type AccountLabel, accountLabelsById } from './account-labels.ts';

/** A row as the screen shows it; a file writes its amount in the account's currency (what the account's totals and statement count). */
export interface ExportRow extends TransactionRow {
  /** On a split's line (see `parts`): which part (from 1) of how many. */
  part: { number: number; of: number } | null;
}

/** A page of `exportPages`: its lines, how many transactions they are, and the size of the whole set. */
export interface ExportPage {
  total: number;
  transactions: number;
  rows: ExportRow[];
}

export interface ExportPageOptions {
  pageSize?: number;
  /**
   * A split transaction as a line per part, each with its part's category, its share of
   * the amount in the account's currency (as the reports count it: splitPartShares) and
   * its note (else the transaction's): a spreadsheet's sums by category then tie to the
   * DRE. Filtered by category, only the parts in it. Off, a transaction is one line, as a
   * bank statement (OFX) lists it.
   */
  parts?: boolean;
}

/**
 * Every row the filters let through, oldest first (ties by rowid), a page at a time, with
 * the set's size: what an export writes, read with the transactions page's conditions and
 * row fields (transaction-conditions.ts, transaction-rows.ts), so a file holds what the
 * screen lists. Keyset pages (rows after the last date and rowid seen) walk the date index
 * once, however far in; all pages are read in one read transaction, so the file is one
 * snapshot of the books even if a sync commits meanwhile. The accounts and the split
 * counts are read once, into maps, rather than joined or counted row by row: a third less
 * time for 100k rows (there are a few accounts, and splits only where the user made them).
 *
 * The filters are not validated here: the IPC contract did, and this module loads no zod,
 * which would cost the export worker ~80 ms of start-up.
 */
export async function* exportPages(
  sqlite: Database.Database,
  filters: TransactionFilters,
  { pageSize = 2000, parts = false }: ExportPageOptions = {},
): AsyncGenerator<ExportPage> {
  const prepare = statementCache(sqlite);
  const plan = await planSearch(prepare, new TransactionSearchIndex(sqlite), filters, null);
  const where = conditions(filters, {
    search: plan && { terms: plan.terms, walkIndex: plan.walkForAll },
    listing: false,
  });
  // The rows' fields in the same statement, and always along the date index: each page
  // then resumes where the last stopped. Through the listing index (which an account
  // filter tempts SQLite to take) every page would sort the rest of the account again.
  const next = prepare(
    `SELECT ${storedRowColumns}
     FROM transactions t INDEXED BY transactions_date_idx
     LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
     WHERE ${where.sql} AND (t.date, t.rowid) > (?, ?)
     ORDER BY t.date, t.rowid
     LIMIT ?`,
  ).raw();
  sqlite.exec('BEGIN');
  try {
    const total = countRows(prepare, filters, plan);
    const accounts = accountLabelsById(sqlite);
    const splitParts = new Map(
      prepare('SELECT transaction_id, count(*) FROM transaction_splits GROUP BY transaction_id').raw().all() as [
        string,
        number,
      ][],
    );
    const shares = parts ? splitSharesOf(prepare) : new Map<string, SplitShare[]>();
    const picked = filters.categoryIds
      ? new Set(filters.categoryIds.map((id) => (id === uncategorized ? null : id)))
      : null;
    const lines: ExportRow[] = [];
    const addLines = (row: StoredRow): void => {
      // Every transaction has its account (a foreign key), and every account its connection.
      const account = accounts.get(row[storedRow.accountId]) as AccountLabel;
      const whole: ExportRow = Object.assign(toRow(row, account, splitParts.get(row[storedRow.id]) ?? 0), {
        part: null,
      });
      const split = shares.get(whole.id);
      if (!split) {
        lines.push(whole);
        return;
      }
      for (const [index, share] of split.entries()) {
        // Filtered by category, a split shows the parts the filter picked (see conditions()).
        if (picked && !picked.has(share.categoryId)) continue;
        lines.push({
          ...whole,
          categoryId: share.categoryId,
          accountAmountCents: share.cents,
          notes: share.note ?? whole.notes,
          part: { number: index + 1, of: split.length },
        });
      }
    };
    let after: [string, number] = ['', 0];
    for (;;) {
      const found = next.all(...where.values, ...after, pageSize) as StoredRow[];
      const last = found.at(-1);
      if (last === undefined) return;
      lines.length = 0;
      for (const row of found) addLines(row);
      yield { total, transactions: found.length, rows: [...lines] };
      after = [last[storedRow.date], last[storedRow.rowid]];
    }
  } finally {
    sqlite.exec('COMMIT');
  }
}

interface SplitShare {
  categoryId: string | null;
  note: string | null;
  cents: number;
}

/** Every split's parts, by transaction id (splits are few: only where the user made them). */
function splitSharesOf(prepare: ReturnType<typeof statementCache>): Map<string, SplitShare[]> {
  const shares = new Map<string, SplitShare[]>();
  const rows = prepare(
    `SELECT transaction_id, category_id, note, cents FROM (${splitPartShares('1')}) ORDER BY transaction_id, position`,
  )
    .raw()
    .all() as [string, string | null, string | null, number][];
  for (const [transactionId, categoryId, note, cents] of rows) {
    const list = shares.get(transactionId) ?? [];
    list.push({ categoryId, note, cents });
    shares.set(transactionId, list);
  }
  return shares;
}
