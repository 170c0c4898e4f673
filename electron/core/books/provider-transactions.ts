import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { transactions } from '../../../db/schema.ts';
import { MonthlyTotalsCatchUp } from '../reports/totals-catch-up.ts';

/** What sync knows about a transaction: its provider fields, already mapped to cents and dates. */
export type ProviderTransaction = Omit<
  typeof transactions.$inferInsert,
  'firstSeenAt' | 'updatedAt' | 'removedAt' | 'userCategoryId' | 'userUsage' | BooksOnlyColumn
>;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Columns only the books write: the origin (the bank's, for sync) and what ties the user's own rows together. */
type BooksOnlyColumn = 'origin' | 'importId' | 'externalId' | 'transferId';

/** Columns sync never writes: its own bookkeeping, the copies of user fields, and the books' own. */
const bookkeepingColumns = new Set<string>([
  'firstSeenAt',
  'updatedAt',
  'removedAt',
  'userCategoryId',
  'userUsage',
  'origin',
  'importId',
  'externalId',
  'transferId',
] satisfies (keyof typeof transactions.$inferInsert)[]);
/** Provider columns, the primary key first (the statements below rely on it). */
const columns = Object.entries(getTableColumns(transactions))
  .filter(([key]) => !bookkeepingColumns.has(key))
  .sort(([, a], [, b]) => Number(b.primary) - Number(a.primary));
const providerKeys = columns.map(([key]) => key as keyof ProviderTransaction);
const isJson = columns.map(([, column]) => column.dataType === 'json');

/**
 * The write path for provider transactions (design.md §3, §5). A new transaction is
 * inserted; a known one is rewritten only when a provider field differs (SQLite compares
 * the columns itself) or when the bank had dropped it and it came back. User fields live
 * in another table and are never touched. A batch commits in one SQLite transaction:
 * all rows or none, and the reports' running totals with them.
 *
 * Raw prepared statements with positional parameters: this is the hot path of every sync.
 * Insert-then-update rather than one UPSERT, because the plain insert that a first sync
 * runs for every row is markedly faster than SQLite's upsert (see bench/write-path).
 */
export class ProviderTransactionWriter {
  private readonly writeAll: (rows: readonly ProviderTransaction[], now: Date) => WriteCounts;

  /**
   * `onCreated` sees each batch's newly inserted rows inside the batch's transaction (the
   * rules engine categorizes them there); without it no list of them is kept.
   */
  constructor(sqlite: Database.Database, onCreated?: (created: readonly ProviderTransaction[], now: Date) => void) {
    const names = columns.map(([, column]) => column.name);
    const otherNames = names.slice(1);
    const insert = sqlite.prepare(
      `INSERT INTO transactions (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
       ON CONFLICT (id) DO NOTHING`,
    );
    // Parameters: the new values, the time, the id, then the new values again to compare.
    const update = sqlite.prepare(
      `UPDATE transactions SET ${otherNames.map((name) => `${name} = ?`).join(', ')}, updated_at = ?, removed_at = NULL
       WHERE id = ?
         AND (removed_at IS NOT NULL OR ${otherNames.map((name) => `${name} IS NOT ?`).join(' OR ')})`,
    );
    // Books older than migration 0011 (the tests' older books, written before upgrading) keep no totals.
    const monthlyTotals = keepsMonthlyTotals(sqlite) ? new MonthlyTotalsCatchUp(sqlite) : null;
    this.writeAll = sqlite.transaction((rows: readonly ProviderTransaction[], now: Date) => {
      const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
      const created: ProviderTransaction[] | null = onCreated ? [] : null;
      const nowText = now.toISOString();
      for (const row of rows) {
        const [id, ...others] = providerValues(row);
        if (insert.run(id, ...others).changes === 1) {
          counts.created += 1;
          created?.push(row);
        } else if (update.run(...others, nowText, id, ...others).changes === 1) counts.updated += 1;
        else counts.unchanged += 1;
      }
      if (created) onCreated?.(created, now);
      // The new rows, categorized, are counted into the reports' monthly totals in this same
      // transaction: a report right after a sync reads months, not a million rows pending.
      if (counts.created > 0) monthlyTotals?.countAll();
      return counts;
    });
  }

  /** Writes a batch in one SQLite transaction. */
  write(rows: readonly ProviderTransaction[], now: Date = new Date()): WriteCounts {
    return this.writeAll(rows, now);
  }
}

function keepsMonthlyTotals(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'monthly_totals_state'").get() !== undefined;
}

/** The row's provider columns in statement order, null where absent, JSON as text. */
function providerValues(row: ProviderTransaction): unknown[] {
  return providerKeys.map((key, index) => {
    const value = row[key] ?? null;
    return value !== null && isJson[index] ? JSON.stringify(value) : value;
  });
}
