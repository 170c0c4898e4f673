import type Database from 'better-sqlite3';

/** How many new transactions one chunk counts: a few tens of milliseconds of work. */
const chunkSize = 20_000;

/**
 * Counts new transactions into the running totals (migration 0011): those past
 * monthly_totals_state's rowid, which the reports read from the table until then. Moving
 * that rowid on counts the rows it passes (the table's trigger), one chunk per SQLite
 * transaction, yielding to the event loop between chunks, as the search index catches up
 * (books/transaction-search.ts). Run after a sync wrote rows.
 */
export class MonthlyTotalsCatchUp {
  private readonly sqlite: Database.Database;
  private readonly countChunk: (limit: number) => number;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    const countedThrough = sqlite.prepare<[], number>('SELECT counted_through FROM monthly_totals_state').pluck();
    const lastNew = sqlite
      .prepare<[number, number], number | null>(
        'SELECT max(rowid) FROM (SELECT rowid FROM transactions WHERE rowid > ? ORDER BY rowid LIMIT ?)',
      )
      .pluck();
    const advance = sqlite.prepare<[number]>('UPDATE monthly_totals_state SET counted_through = ?');
    this.countChunk = sqlite.transaction((limit: number) => {
      const from = countedThrough.get() ?? 0;
      const through = lastNew.get(from, limit);
      if (through === null || through === undefined) return 0;
      advance.run(through);
      return through - from;
    });
  }

  /**
   * Counts every new transaction, a chunk at a time between other work; stops quietly if
   * the books are closed meanwhile (the app quitting): the next start counts the rest.
   */
  async catchUp(): Promise<void> {
    while (this.sqlite.open && this.countChunk(chunkSize) > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Counts every new transaction now, in the caller's transaction if it has one (the sync's writer, tests, benchmarks). */
  countAll(): void {
    while (this.countChunk(chunkSize) > 0);
  }
}
