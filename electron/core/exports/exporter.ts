import type Database from 'better-sqlite3';
import {
  type CsvExportInput,
  type ExportCancelResult,
  type ExportProgress,
  type ExportResult,
  type OfxExportInput,
  type XlsxExportInput,
} from '../../shared/exports.ts';
import type { Language } from '../../shared/models.ts';
import { AppError } from '../../shared/errors.ts';
import { exportInWorker, type ExportRequest } from './worker-client.ts';

/**
 * The exports behind 'exports:csv', 'exports:ofx', 'exports:xlsx' and 'exports:cancel': each
 * runs in its own worker, reporting progress; cancelling stops every export running. The
 * path comes from the caller (main's save dialog): this writes there and nowhere else.
 */
export class Exporter {
  private readonly running = new Set<AbortController>();
  private readonly sqlite: Database.Database;
  private readonly onProgress: (progress: ExportProgress) => void;

  constructor(sqlite: Database.Database, onProgress: (progress: ExportProgress) => void) {
    this.sqlite = sqlite;
    this.onProgress = onProgress;
  }

  csv(input: CsvExportInput, path: string): Promise<ExportResult> {
    return this.run({ format: 'csv', filters: input.filters ?? {}, dialect: input.dialect }, path);
  }

  /** Throws NOT_FOUND for an unknown account: call before asking the user where to save. */
  requireAccount(accountId: string): void {
    const known = this.sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId);
    if (!known) throw new AppError('NOT_FOUND', `No account ${accountId}`);
  }

  ofx(input: OfxExportInput, path: string): Promise<ExportResult> {
    this.requireAccount(input.accountId);
    const now = new Date().toISOString();
    return this.run({ format: 'ofx', filters: input.filters ?? {}, accountId: input.accountId, now }, path);
  }

  xlsx(input: XlsxExportInput, path: string, language: Language): Promise<ExportResult> {
    return this.run({ format: 'xlsx', filters: input.filters ?? {}, language }, path);
  }

  cancel(): ExportCancelResult {
    const cancelled = this.running.size;
    for (const controller of this.running) controller.abort();
    return { cancelled };
  }

  private async run(request: ExportRequest, path: string): Promise<ExportResult> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const { rows } = await exportInWorker(
        request,
        { database: this.sqlite.name, path },
        {
          signal: controller.signal,
          onProgress: ({ done, total }) => this.onProgress({ format: request.format, path, done, total }),
        },
      );
      return { path, rows };
    } finally {
      this.running.delete(controller);
    }
  }
}
