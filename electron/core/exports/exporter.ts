import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import {
  type CsvExportInput,
  type ExportCancelResult,
  type ExportProgress,
  type ExportResult,
  type OfxExportInput,
  type PdfExportInput,
  type XlsxExportInput,
} from '../../shared/exports.ts';
import type { Language } from '../../shared/models.ts';
import { AppError } from '../../shared/errors.ts';
import { diskFull, isDiskFull } from '../typed-error.ts';
import { writeFileWhole } from './part-file.ts';
import { reportPagePath } from '../../shared/report-page.ts';
import { type ReportPrinter, reportPdfLayout } from './report-printer.ts';
import { exportInWorker, type ExportRequest } from './worker-client.ts';

/**
 * The exports behind the 'exports:*' channels: the files of rows each in its own worker,
 * reporting progress, the PDF report through the report printer; cancelling stops every
 * export running. The path comes from the caller (main's save dialog): this writes there
 * and nowhere else. A file's worker starts while the dialog is open (see exportInWorker):
 * given a path still to come, the answer is null when none was chosen.
 */
/** Where a file goes: a path, or the save dialog's answer to come (null: none chosen). */
export type Destination = string | Promise<string | null>;

/** What the shell is asked to do with a finished export's file: open it, or show it in its folder. */
export interface ExportOpening {
  path: string;
  action: 'open' | 'reveal';
}

export class Exporter {
  private readonly running = new Set<AbortController>();
  /** The files this session's exports wrote: the only ones a window may have opened or shown. */
  private readonly written = new Set<string>();
  private readonly sqlite: Database.Database;
  private readonly onProgress: (progress: ExportProgress) => void;

  constructor(sqlite: Database.Database, onProgress: (progress: ExportProgress) => void) {
    this.sqlite = sqlite;
    this.onProgress = onProgress;
  }

  csv(input: CsvExportInput, destination: Destination): Promise<ExportResult | null> {
    return this.run({ format: 'csv', filters: input.filters ?? {}, dialect: input.dialect }, destination);
  }

  /** Throws NOT_FOUND for an unknown account: call before asking the user where to save. */
  requireAccount(accountId: string): void {
    const known = this.sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId);
    if (!known) throw new AppError('NOT_FOUND', `No account ${accountId}`);
  }

  ofx(input: OfxExportInput, destination: Destination): Promise<ExportResult | null> {
    this.requireAccount(input.accountId);
    const now = new Date().toISOString();
    return this.run({ format: 'ofx', filters: input.filters ?? {}, accountId: input.accountId, now }, destination);
  }

  xlsx(input: XlsxExportInput, destination: Destination, language: Language): Promise<ExportResult | null> {
    return this.run({ format: 'xlsx', filters: input.filters ?? {}, language }, destination);
  }

  /**
   * Prints the report page for the query and writes the PDF whole. The printer renders in
   * Chromium, off this thread; only the write is here, and it is one file of a few hundred
   * kilobytes.
   */
  async pdf(input: PdfExportInput, path: string, language: Language, print: ReportPrinter): Promise<ExportResult> {
    return this.tracked(async (signal) => {
      this.onProgress({ format: 'pdf', path, done: 0, total: 0 });
      let bytes: Uint8Array;
      try {
        bytes = await print({ path: reportPagePath(input.query), layout: reportPdfLayout(language) }, signal);
      } catch (error) {
        if (signal.aborted) throw new AppError('EXPORT_CANCELLED', 'The export was cancelled');
        throw new AppError('EXPORT_FAILED', `The report could not be printed: ${String(error)}`, { path });
      }
      if (signal.aborted) throw new AppError('EXPORT_CANCELLED', 'The export was cancelled');
      try {
        writeFileWhole(path, bytes);
      } catch (error) {
        if (isDiskFull(error)) throw diskFull(error);
        throw new AppError('EXPORT_FAILED', `The report could not be written: ${String(error)}`, { path });
      }
      return this.remember({ path, rows: null });
    });
  }

  /**
   * The file an export of this session wrote at `path`, still there, to open or show:
   * EXPORT_UNKNOWN for any other path (a window names nothing else), EXPORT_MISSING once it
   * was moved or deleted.
   */
  exported(path: string): string {
    const file = resolve(path);
    if (!this.written.has(file)) throw new AppError('EXPORT_UNKNOWN', 'Balancete did not export this file');
    if (!existsSync(file)) throw new AppError('EXPORT_MISSING', 'The exported file is gone', { path: file });
    return file;
  }

  cancel(): ExportCancelResult {
    const cancelled = this.running.size;
    for (const controller of this.running) controller.abort();
    return { cancelled };
  }

  private async run(request: ExportRequest, destination: Destination): Promise<ExportResult | null> {
    const result = await this.tracked((signal) =>
      exportInWorker(
        request,
        { database: this.sqlite.name, destination },
        { signal, onProgress: (progress) => this.onProgress({ format: request.format, ...progress }) },
      ),
    );
    return result && this.remember(result);
  }

  private remember(result: ExportResult): ExportResult {
    this.written.add(resolve(result.path));
    return result;
  }

  /** Runs an export cancel() can stop. */
  private async tracked<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(controller);
    }
  }
}
