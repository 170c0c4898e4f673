import { fork } from 'node:child_process';
import type { Benchmark, Metric } from './harness.ts';

/** Issue 19: a 100k-row CSV statement imported into an account holding 100k rows (statement-import-process.ts). */
export const statementImportBenchmark: Benchmark = {
  name: 'statement-import',
  description: '100k-row CSV statements imported through the books worker, duplicate checks included',
  run: () =>
    new Promise<Metric[]>((resolve, reject) => {
      const child = fork(new URL('./statement-import-process.ts', import.meta.url), { stdio: 'inherit' });
      let metrics: Metric[] | undefined;
      child.on('message', (message: { metrics: Metric[] }) => (metrics = message.metrics));
      child.on('error', reject);
      child.on('exit', (code) =>
        metrics
          ? resolve(metrics)
          : reject(new Error(`the statement-import process stopped (exit ${code}) before its figures`)),
      );
    }),
};
