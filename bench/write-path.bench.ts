import { join } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { ProviderTransactionWriter } from '../electron/core/books/provider-transactions.ts';
import { generateProviderTransactions } from '../test/fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../test/fixtures/seed.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { type Benchmark, median, timeMs } from './harness.ts';

const rowCount = 100_000;
const repeats = 3;

/**
 * design.md §10: the local write path at least half the speed of a raw better-sqlite3
 * batch insert of the same rows, measured in the same run. Both write into a fresh,
 * migrated database file (WAL, foreign keys on), one SQLite transaction per batch.
 * The write path counts its new rows into the reports' running totals (migration 0011)
 * in the same transaction, so its time includes that (issue 18).
 */
export const writePathBenchmark: Benchmark = {
  name: 'write-path',
  description: `${rowCount.toLocaleString('en-US')} transaction rows: raw better-sqlite3 insert vs ProviderTransactionWriter`,
  run() {
    const rows = generateProviderTransactions({ count: rowCount, accountId: 'acc-checking' });
    const temp = makeTempDir('balancete-bench-');
    let fileNumber = 0;
    const freshDatabase = () => {
      const database = openDatabase(join(temp.path, `bench-${(fileNumber += 1)}.sqlite`));
      seedTwoAccounts(database.db);
      return database;
    };

    try {
      // Raw: one hand-written prepared INSERT, values (JSON included) ready beforehand.
      const rawTimes: number[] = [];
      for (let attempt = 0; attempt < repeats; attempt += 1) {
        const database = freshDatabase();
        const prepared = rows.map((row) => [
          row.id,
          row.accountId,
          row.description,
          row.descriptionRaw,
          row.amountCents,
          row.currencyCode,
          row.date,
          row.occurredAt,
          row.status,
          row.type,
          row.pluggyCategoryId,
          row.paymentMethod,
          row.counterpartyName,
          row.counterpartyDocument,
          row.counterpartyDocumentType,
          row.providerCreatedAt,
          row.providerUpdatedAt,
          JSON.stringify(row.raw),
        ]);
        const insert = database.sqlite.prepare(
          `INSERT INTO transactions (id, account_id, description, description_raw, amount_cents, currency_code,
             date, occurred_at, status, type, pluggy_category_id, payment_method, counterparty_name,
             counterparty_document, counterparty_document_type, provider_created_at, provider_updated_at, raw)
           VALUES (${Array.from({ length: 18 }, () => '?').join(', ')})`,
        );
        const insertAll = database.sqlite.transaction(() => {
          for (const values of prepared) insert.run(values);
        });
        rawTimes.push(timeMs(insertAll));
        database.close();
      }

      // The project's write path, from provider rows as sync hands them over.
      const writeTimes: number[] = [];
      const rewriteTimes: number[] = [];
      const changeTimes: number[] = [];
      // Every row changed as a bank restates it: what the totals' update triggers cost.
      const changed = rows.map((row) => ({ ...row, amountCents: row.amountCents + 1 }));
      for (let attempt = 0; attempt < repeats; attempt += 1) {
        const database = freshDatabase();
        const writer = new ProviderTransactionWriter(database.sqlite);
        writeTimes.push(timeMs(() => writer.write(rows)));
        // Counted rows, as the next sync finds them: their update triggers are live.
        rewriteTimes.push(timeMs(() => writer.write(rows)));
        changeTimes.push(timeMs(() => writer.write(changed)));
        database.close();
      }

      const rawRate = rowCount / (median(rawTimes) / 1000);
      const writeRate = rowCount / (median(writeTimes) / 1000);
      const rewriteRate = rowCount / (median(rewriteTimes) / 1000);
      const changeRate = rowCount / (median(changeTimes) / 1000);
      const ratio = writeRate / rawRate;
      return [
        { name: 'raw insert', value: rawRate, unit: 'rows/s' },
        { name: 'write path, new rows', value: writeRate, unit: 'rows/s' },
        { name: 'write path, unchanged rows', value: rewriteRate, unit: 'rows/s' },
        { name: 'write path, changed rows', value: changeRate, unit: 'rows/s' },
        { name: 'write path / raw', value: ratio, unit: '×', target: '≥ 0.5', met: ratio >= 0.5 },
      ];
    } finally {
      temp.remove();
    }
  },
};
