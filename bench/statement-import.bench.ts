import { forkedBenchmark } from './harness.ts';

/** Issue 19: a 100k-row CSV statement imported into an account holding 100k rows (statement-import-process.ts). */
export const statementImportBenchmark = forkedBenchmark(
  'statement-import',
  '100k-row CSV statements imported through the books worker, duplicate checks included',
  new URL('./statement-import-process.ts', import.meta.url),
);
