import { renameSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CsvDialect } from '../../shared/exports.ts';
import type { Language } from '../../shared/models.ts';
import { AppError } from '../../shared/errors.ts';
import type { TransactionFilters } from '../../shared/transactions.ts';
import { partFileBeside } from './part-file.ts';

/** What to export: the filters and the format's choices. */
export type ExportRequest = { filters: TransactionFilters } & (
  | { format: 'csv'; dialect: CsvDialect }
  /** `now`: when the statement was made (its server date, and "today" for an open period), as an ISO instant. */
  | { format: 'ofx'; accountId: string; now: string }
  | { format: 'xlsx'; language: Language }
);

/** The worker's orders: the request, the database file to read and the temp file to write. */
export type ExportJob = ExportRequest & { file: string; temp: string };

export type ExportWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; rows: number };

/** The worker's entry next to this module: the .ts source when run from source, the built .js in the app bundle. */
const workerUrl = new URL(`./export-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Runs an export in a worker thread (design.md §10: main's event loop must not stall for
 * it), to `path`. The worker writes a temp file in the same folder, and only a finished
 * export is renamed over `path` (a rename within one folder is atomic), so a cancelled or
 * failed one never leaves a half-written file there, nor its temp file. Rejects with
 * EXPORT_CANCELLED when `signal` aborts, EXPORT_FAILED when the worker fails.
 */
export function exportInWorker(
  request: ExportRequest,
  files: { database: string; path: string },
  options: { signal: AbortSignal; onProgress: (progress: { done: number; total: number }) => void },
): Promise<{ rows: number }> {
  const { path } = files;
  const temp = partFileBeside(path);
  const job: ExportJob = { ...request, file: files.database, temp };
  const worker = new Worker(workerUrl, { workerData: job });
  const stop = () => void worker.terminate();
  options.signal.addEventListener('abort', stop, { once: true });
  return new Promise((resolve, reject) => {
    let rows: number | null = null;
    let failure: Error | null = null;
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') options.onProgress(message);
      else rows = message.rows;
    });
    worker.once('error', (error: Error) => {
      failure = error;
    });
    worker.once('exit', (code) => {
      options.signal.removeEventListener('abort', stop);
      try {
        if (rows === null || options.signal.aborted) throw failure ?? new Error(`exit code ${code}`);
        renameSync(temp, path);
        resolve({ rows });
      } catch (error) {
        rmSync(temp, { force: true });
        if (options.signal.aborted) reject(new AppError('EXPORT_CANCELLED', 'The export was cancelled'));
        else reject(new AppError('EXPORT_FAILED', `The export failed: ${String(error)}`, { path }));
      }
    });
  });
}
