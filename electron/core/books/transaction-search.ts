import type Database from 'better-sqlite3';

/** How many queued transactions one chunk indexes: a few tens of milliseconds of work. */
const chunkSize = 5_000;

/**
 * The full-text index over transactions (migration 0003). New transactions are those past
 * the watermark rowid; triggers queue the rowids whose searched text changed or that were
 * deleted. This writes their documents in bulk, one chunk per SQLite transaction, yielding
 * to the event loop between chunks so that indexing a fresh 100k-row sync never blocks
 * main for long. Writing is idempotent (replace by rowid), so a row both new and queued is
 * simply written twice.
 */
export class TransactionSearchIndex {
  private readonly indexChunk: (limit: number) => number;
  private readonly sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    const watermark = sqlite.prepare<[], number>('SELECT indexed_through FROM transactions_search_state').pluck();
    const lastNew = sqlite
      .prepare<[number, number], number | null>(
        'SELECT max(rowid) FROM (SELECT rowid FROM transactions WHERE rowid > ? ORDER BY rowid LIMIT ?)',
      )
      .pluck();
    const writeNew = sqlite.prepare<[number, number]>(
      `INSERT OR REPLACE INTO transactions_search (rowid, description, counterparty, notes)
       SELECT doc_id, description, counterparty, notes FROM transactions_search_documents
       WHERE doc_id > ? AND doc_id <= ?`,
    );
    const advance = sqlite.prepare<[number]>('UPDATE transactions_search_state SET indexed_through = ?');

    const lastQueued = sqlite
      .prepare<[number], number | null>(
        'SELECT max(doc_id) FROM (SELECT doc_id FROM transactions_search_queue ORDER BY doc_id LIMIT ?)',
      )
      .pluck();
    // The queue's rowids up to the chunk's last one: delete their documents (the
    // transaction may be gone), write the current ones, then dequeue them.
    const queued = 'SELECT doc_id FROM transactions_search_queue WHERE doc_id <= ?';
    const removeQueued = sqlite.prepare<[number]>(`DELETE FROM transactions_search WHERE rowid IN (${queued})`);
    const writeQueued = sqlite.prepare<[number]>(
      `INSERT OR REPLACE INTO transactions_search (rowid, description, counterparty, notes)
       SELECT doc_id, description, counterparty, notes FROM transactions_search_documents WHERE doc_id IN (${queued})`,
    );
    const dequeue = sqlite.prepare<[number]>('DELETE FROM transactions_search_queue WHERE doc_id <= ?');

    this.indexChunk = sqlite.transaction((limit: number) => {
      const last = lastQueued.get(limit);
      if (last !== null && last !== undefined) {
        removeQueued.run(last);
        writeQueued.run(last);
        return dequeue.run(last).changes;
      }
      const from = watermark.get() ?? 0;
      const through = lastNew.get(from, limit);
      if (through === null || through === undefined) return 0;
      writeNew.run(from, through);
      advance.run(through);
      // Rows passed, not rows written: a chunk of removed transactions writes none, and the
      // rows after it still need indexing.
      return through - from;
    });
  }

  /**
   * Indexes everything queued or new, a chunk at a time. Stops quietly if the books are
   * closed meanwhile (quitting): the watermark and the queue keep where it was for next time.
   */
  async catchUp(): Promise<void> {
    while (this.sqlite.open && this.indexChunk(chunkSize) > 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The user's search box as an FTS5 query of plain terms: every word (letters and digits)
 * must appear, as a word or the start of one, so "uber" finds "UBER*TRIP" and the quotes,
 * stars, dashes, parentheses or operators a user types are never FTS5 syntax. Null when
 * nothing searchable is left.
 */
export function searchTerms(input: string): string | null {
  const words = input.match(/[\p{L}\p{M}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
