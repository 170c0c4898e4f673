import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { transactions } from '../../../db/schema.ts';

/** What sync knows about a transaction: its provider fields, already mapped to cents and dates. */
export type ProviderTransaction = Omit<typeof transactions.$inferInsert, 'firstSeenAt' | 'updatedAt' | 'removedAt'>;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const bookkeepingColumns = new Set(['firstSeenAt', 'updatedAt', 'removedAt']);
const columns = Object.entries(getTableColumns(transactions)).filter(([key]) => !bookkeepingColumns.has(key));
const providerKeys = columns.map(([key]) => key as keyof ProviderTransaction);
const isJson = columns.map(([, column]) => column.dataType === 'json');

/**
 * The write path for provider transactions (design.md §3, §5): one upsert per row that
 * inserts a new transaction, rewrites a known one only when a provider field differs
 * (SQLite compares the columns itself), and restores a row the bank had dropped if it
 * comes back. User fields live in another table and are never touched. A batch commits
 * in one SQLite transaction: all rows or none.
 *
 * Raw prepared statements with positional parameters: this is the hot path of every sync.
 */
export class ProviderTransactionWriter {
  private readonly writeAll: (rows: readonly ProviderTransaction[], now: string) => WriteCounts;

  constructor(sqlite: Database.Database) {
    const names = columns.map(([, column]) => column.name);
    const updated = names.filter((name) => name !== 'id');
    const upsert = sqlite.prepare<unknown[], { updated_at: string | null }>(
      `INSERT INTO transactions (${names.join(', ')})
       VALUES (${names.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET
         ${updated.map((name) => `${name} = excluded.${name}`).join(', ')},
         updated_at = ?, removed_at = NULL
       WHERE transactions.removed_at IS NOT NULL
          OR ${updated.map((name) => `transactions.${name} IS NOT excluded.${name}`).join(' OR ')}
       RETURNING updated_at`,
    );
    this.writeAll = sqlite.transaction((rows: readonly ProviderTransaction[], now: string) => {
      const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
      for (const row of rows) {
        // A new row comes back with updated_at null, a rewritten one with `now`, an unchanged one not at all.
        const written = upsert.get([...providerValues(row), now]);
        if (!written) counts.unchanged += 1;
        else if (written.updated_at === null) counts.created += 1;
        else counts.updated += 1;
      }
      return counts;
    });
  }

  /** Writes a batch in one SQLite transaction. */
  write(rows: readonly ProviderTransaction[], now: Date = new Date()): WriteCounts {
    return this.writeAll(rows, now.toISOString());
  }
}

/** The row's provider columns in statement order, null where absent, JSON as text. */
function providerValues(row: ProviderTransaction): unknown[] {
  return providerKeys.map((key, index) => {
    const value = row[key] ?? null;
    return value !== null && isJson[index] ? JSON.stringify(value) : value;
  });
}
