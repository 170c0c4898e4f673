import { renameSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CsvDialect } from '../../shared/exports.ts';
import type { Language } from '../../shared/models.ts';
import { AppError } from '../../shared/errors.ts';
import type { TransactionFilters } from '../../shared/transactions.ts';
import { diskFull, isDiskFull } from '../typed-error.ts';
import { partFileBeside } from './part-file.ts';

/** What to export: the filters and the format's choices. */
export type ExportRequest = { filters: TransactionFilters } & (
  | { format: 'csv'; dialect: CsvDialect }
  /** `now`: when the statement was made (its server date, and "today" for an open period), as an ISO instant. */
  | { format: 'ofx'; accountId: string; now: string }
  | { format: 'xlsx'; language: Language }
);

/** What the worker starts with: the request and the database file to read. */
export type ExportJob = ExportRequest & { file: string };

/** What it is told once the user chose where to save: the part file to write. */
export interface ExportOrder {
  temp: string;
}

export type ExportWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; rows: number };

/** The worker's entry next to this module: the .ts source when run from source, the built .js in the app bundle. */
const workerUrl = new URL(`./export-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Runs an export in a worker thread (design.md §10: main's event loop must not stall for
 * it), to the path `destination` settles on: the save dialog's answer. The worker starts at
 * once and loads what its format needs while the user is still choosing, so the file
 * follows the click on Save without that wait; with no path chosen (null) it is stopped
 * and nothing is written. The worker writes a part file beside the path (see
 * partFileBeside), and only a finished export is renamed over it, so a cancelled or
 * failed one never leaves a half-written file there, nor its part file. Rejects with
 * EXPORT_CANCELLED when `signal` aborts, EXPORT_FAILED when the worker fails.
 */
export async function exportInWorker(
  request: ExportRequest,
  files: { database: string; destination: string | Promise<string | null> },
  options: { signal: AbortSignal; onProgress: (progress: { path: string; done: number; total: number }) => void },
): Promise<{ path: string; rows: number } | null> {
  const job: ExportJob = { ...request, file: files.database };
  const worker = new Worker(workerUrl, { workerData: job });
  const stop = () => void worker.terminate();
  // A call, not the property: a cancel may come while this awaits the dialog or the worker.
  const cancelled = () => options.signal.aborted;
  options.signal.addEventListener('abort', stop, { once: true });
  // Filled in by the worker's messages and events, read once it has exited.
  const outcome: { path: string; rows: number | null; failure: Error | null } = { path: '', rows: null, failure: null };
  worker.on('message', (message: ExportWorkerMessage) => {
    // Progress comes only once the worker was told where, so the path is known by then.
    if (message.type === 'progress')
      options.onProgress({ path: outcome.path, done: message.done, total: message.total });
    else outcome.rows = message.rows;
  });
  worker.once('error', (error: Error) => {
    outcome.failure = error;
  });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let path: string | null;
  try {
    path = await files.destination;
  } catch (error) {
    stop();
    throw error;
  }
  if (path === null || cancelled()) {
    options.signal.removeEventListener('abort', stop);
    stop();
    if (path === null) return null;
    throw new AppError('EXPORT_CANCELLED', 'The export was cancelled');
  }
  outcome.path = path;
  const temp = partFileBeside(path);
  worker.postMessage({ temp } satisfies ExportOrder);
  const code = await exited;
  options.signal.removeEventListener('abort', stop);
  try {
    if (outcome.rows === null || cancelled()) throw outcome.failure ?? new Error(`exit code ${code}`);
    renameSync(temp, path);
    return { path, rows: outcome.rows };
  } catch (error) {
    rmSync(temp, { force: true });
    if (cancelled()) throw new AppError('EXPORT_CANCELLED', 'The export was cancelled');
    if (isDiskFull(error)) throw diskFull(error);
    throw new AppError('EXPORT_FAILED', `The export failed: ${String(error)}`, { path });
  }
}
