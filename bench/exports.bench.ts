import { statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../db/open.ts';
import { ProviderTransactionWriter } from '../electron/core/books/provider-transactions.ts';
import { Exporter } from '../electron/core/exports/exporter.ts';
import { generateProviderTransactions } from '../test/fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../test/fixtures/seed.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { type Benchmark, median } from './harness.ts';

const rowCount = 100_000;
const runs = 3;
const resolutionMs = 5;
/** How long the user is taken to be in the save dialog: no one picks a folder and a name faster. */
const dialogMs = 1000;

/**
 * design.md §10: a CSV of 100k transactions ≤ 0.5 s, XLSX ≤ 4 s, and main's event loop
 * never stalled more than 50 ms while an export runs. Times the exports as the app runs
 * them: the worker starts when the save dialog opens and loads its format meanwhile, so
 * what the user waits for is from the dialog's answer (a path, given after `dialogMs`) to
 * the file in place (the query layer's keyset pages, formatting, writing, the rename).
 * That is the targeted figure; the cold figure (the path given at once, so the worker's
 * start-up is waited for too) is shown beside it. The calling thread's event-loop delay is
 * watched throughout; lag is the delay beyond the monitor's own timer interval.
 */
export const exportsBenchmark: Benchmark = {
  name: 'exports',
  description: `CSV, OFX and XLSX exports of ${rowCount.toLocaleString('en-US')} transactions, in a worker`,
  async run() {
    const temp = makeTempDir('balancete-bench-exports-');
    const database = openDatabase(join(temp.path, 'balancete.sqlite'));
    try {
      const { checking } = seedTwoAccounts(database.db);
      const writer = new ProviderTransactionWriter(database.sqlite);
      const rows = generateProviderTransactions({ count: rowCount, accountId: checking });
      for (let start = 0; start < rows.length; start += 5000) writer.write(rows.slice(start, start + 5000));
      const exporter = new Exporter(database.sqlite, () => {});
      const lag = monitorEventLoopDelay({ resolution: resolutionMs });
      /** Median time from the save dialog's answer to the file, over `runs`. */
      const afterDialog = async (file: string, write: (destination: Promise<string>) => Promise<unknown>) => {
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          let answered = 0;
          const destination = new Promise<string>((resolve) =>
            setTimeout(() => {
              answered = performance.now();
              resolve(join(temp.path, file));
            }, dialogMs),
          );
          await write(destination);
          times.push(performance.now() - answered);
        }
        return median(times);
      };
      /** Median time from the call to the file, the path given at once. */
      const cold = async (write: () => Promise<unknown>) => {
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          const begin = performance.now();
          await write();
          times.push(performance.now() - begin);
        }
        return median(times);
      };
      lag.enable();
      const csvPtMs = await afterDialog('pt.csv', (path) => exporter.csv({ dialect: 'pt-BR' }, path));
      const csvEnMs = await afterDialog('en.csv', (path) => exporter.csv({ dialect: 'en' }, path));
      const csvColdMs = await cold(() => exporter.csv({ dialect: 'pt-BR' }, join(temp.path, 'cold.csv')));
      const ofxMs = await afterDialog('conta.ofx', (path) => exporter.ofx({ accountId: checking }, path));
      const xlsxMs = await afterDialog('livros.xlsx', (path) => exporter.xlsx({}, path, 'pt-BR'));
      const xlsxColdMs = await cold(() => exporter.xlsx({}, join(temp.path, 'cold.xlsx'), 'pt-BR'));
      lag.disable();
      const maxLagMs = Math.max(0, lag.max / 1e6 - resolutionMs);
      return [
        { name: 'CSV pt-BR, after the save dialog', value: csvPtMs, unit: 'ms', target: '≤ 500', met: csvPtMs <= 500 },
        { name: 'CSV en, after the save dialog', value: csvEnMs, unit: 'ms', target: '≤ 500', met: csvEnMs <= 500 },
        { name: 'CSV pt-BR, cold (worker start-up included)', value: csvColdMs, unit: 'ms' },
        { name: 'CSV pt-BR size', value: statSync(join(temp.path, 'pt.csv')).size / 2 ** 20, unit: 'MiB' },
        { name: 'OFX (one account), after the save dialog', value: ofxMs, unit: 'ms' },
        {
          name: 'XLSX (transactions, P&L, livro-caixa), after the save dialog',
          value: xlsxMs,
          unit: 'ms',
          target: '≤ 4000',
          met: xlsxMs <= 4000,
        },
        { name: 'XLSX, cold (worker start-up included)', value: xlsxColdMs, unit: 'ms' },
        { name: 'calling thread lag, max', value: maxLagMs, unit: 'ms', target: '≤ 50', met: maxLagMs <= 50 },
        { name: 'calling thread lag, p99', value: Math.max(0, lag.percentile(99) / 1e6 - resolutionMs), unit: 'ms' },
      ];
    } finally {
      database.close();
      temp.remove();
    }
  },
};
