import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../db/open.ts';
import type { ExportJob, ExportOrder } from '../../electron/core/exports/worker-client.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { expect, test } from './support/app.ts';

/**
 * The export worker as the app bundle ships it (out/main/export-worker.js, built before
 * the E2E stage): each worker is an entry of its own in electron.vite.config.ts, and a
 * missing one fails only in the packaged app. Runs the built file on a real database.
 */
test('the built export worker writes a CSV and a workbook', async () => {
  const temp = makeTempDir();
  try {
    const file = join(temp.path, 'balancete.sqlite');
    const database = openDatabase(file);
    const { checking } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write(
      generateProviderTransactions({ count: 50, accountId: checking }),
    );
    database.close();
    /** Starts the worker with its job, then tells it where to write, as main does once the save dialog answers. */
    const run = (job: ExportJob, temp: string) =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(join(process.cwd(), 'out/main/export-worker.js'), { workerData: job });
        worker.postMessage({ temp } satisfies ExportOrder);
        let rows = -1;
        worker.on('message', (message: { type: string; rows?: number }) => {
          if (message.type === 'done') rows = message.rows ?? -1;
        });
        worker.once('error', reject);
        worker.once('exit', () => resolve(rows));
      });
    const csv = join(temp.path, 'out.csv');
    expect(await run({ format: 'csv', dialect: 'pt-BR', filters: {}, file }, csv)).toBe(50);
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(52); // header, 50 rows, the final line end
    const xlsx = join(temp.path, 'out.xlsx');
    expect(await run({ format: 'xlsx', language: 'pt-BR', filters: {}, file }, xlsx)).toBe(50);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  } finally {
    temp.remove();
  }
});
