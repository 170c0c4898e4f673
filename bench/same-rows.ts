import { join } from 'node:path';
import { getTableColumns, gt, sql } from 'drizzle-orm';
import { openDatabase, type OpenedDatabase } from '../db/open.ts';
import { transactions } from '../db/schema.ts';
import { ProviderTransactionWriter } from '../electron/core/books/provider-transactions.ts';
import { writeSlice } from '../electron/core/sync/data-sync.ts';
import type { Metric } from './harness.ts';

/** Rows read from the synced books at a time, outside the timings. */
const readChunk = 5000;

/**
 * The write paths beside a sync, in the same run (design.md §10): the rows a sync stored,
 * in the order it wrote them and in transactions of its size, written again into fresh
 * books by a raw better-sqlite3 INSERT of the stored values (every column, JSON already
 * text) and by ProviderTransactionWriter. The two alternate chunk by chunk, so both meet
 * the same machine; only the writes are timed, reading the rows back is not.
 */
export function sameRowsWritten(syncedFile: string, folder: string): { raw: Metric; writer: Metric } {
  const source = openDatabase(syncedFile, { migrate: false });
  const raw = freshCopyOfAccounts(join(folder, 'raw.sqlite'), syncedFile);
  const written = freshCopyOfAccounts(join(folder, 'writer.sqlite'), syncedFile);
  try {
    const names = Object.values(getTableColumns(transactions)).map((column) => column.name);
    const readRaw = source.sqlite
      .prepare(`SELECT ${names.join(', ')} FROM transactions WHERE rowid > ? ORDER BY rowid LIMIT ${readChunk}`)
      .raw();
    const insert = raw.sqlite.prepare(
      `INSERT INTO transactions (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    const insertSlice = raw.sqlite.transaction((rows: unknown[][]) => {
      for (const values of rows) insert.run(values);
    });
    const writer = new ProviderTransactionWriter(written.sqlite);
    const readRows = (after: number) =>
      source.db
        .select({ rowid: sql<number>`rowid`, ...getTableColumns(transactions) })
        .from(transactions)
        .where(gt(sql`rowid`, after))
        .orderBy(sql`rowid`)
        .limit(readChunk)
        .all();
    const time = { raw: 0, writer: 0 };
    let count = 0;
    for (let after = 0; ;) {
      const rows = readRows(after);
      const values = readRaw.all(after) as unknown[][];
      if (rows.length === 0) break;
      after = rows.at(-1)?.rowid ?? after;
      count += rows.length;
      for (let start = 0; start < rows.length; start += writeSlice) {
        let begin = performance.now();
        insertSlice(values.slice(start, start + writeSlice));
        time.raw += performance.now() - begin;
        begin = performance.now();
        writer.write(rows.slice(start, start + writeSlice));
        time.writer += performance.now() - begin;
      }
    }
    return {
      raw: { name: 'raw better-sqlite3 insert of the same rows', value: count / (time.raw / 1000), unit: 'rows/s' },
      writer: {
        name: 'write path (ProviderTransactionWriter), the same rows',
        value: count / (time.writer / 1000),
        unit: 'rows/s',
      },
    };
  } finally {
    source.close();
    raw.close();
    written.close();
  }
}

/** New books holding the synced books' connections and accounts, none of their transactions. */
function freshCopyOfAccounts(file: string, syncedFile: string): OpenedDatabase {
  const database = openDatabase(file);
  database.sqlite.prepare('ATTACH DATABASE ? AS synced').run(syncedFile);
  database.sqlite.exec(`INSERT INTO connections SELECT * FROM synced.connections;
    INSERT INTO accounts SELECT * FROM synced.accounts;
    DETACH DATABASE synced;`);
  return database;
}
