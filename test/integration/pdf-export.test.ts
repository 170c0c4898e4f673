/**
 * The PDF export around its printer (issue 8): the file appears whole or not at all, a
 * failed or cancelled print leaves nothing behind, and the printer is asked for the report
 * page of the query with the user's layout. (The printing itself, in Chromium, is tested
 * end to end in test/e2e/pdf-report.spec.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { Exporter } from '../../electron/core/exports/exporter.ts';
import type { ReportPrintRequest } from '../../electron/core/exports/report-printer.ts';
import type { ExportProgress } from '../../electron/shared/exports.ts';
import { AppError } from '../../electron/shared/errors.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let progress: ExportProgress[];
let exporter: Exporter;
const query = { from: '2026-01-01', to: '2026-06-30', businessOnly: true };

beforeEach(() => {
  temp = makeTempDir('balancete-pdf-');
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  progress = [];
  exporter = new Exporter(database.sqlite, (each) => progress.push(each));
});
afterEach(() => {
  database.close();
  temp.remove();
});

const outputFolder = () => readdirSync(temp.path).filter((name) => !name.startsWith('balancete.sqlite'));

describe('the PDF export', () => {
  it('asks for the report page of the query, in the layout of the language, and writes what it prints', async () => {
    const asked: ReportPrintRequest[] = [];
    const bytes = new TextEncoder().encode('%PDF-1.7 printed');
    const path = join(temp.path, 'relatorio.pdf');
    const result = await exporter.pdf({ query }, path, 'en', (request) => {
      asked.push(request);
      return Promise.resolve(bytes);
    });
    expect(result).toEqual({ path, rows: null });
    expect(readFileSync(path)).toEqual(Buffer.from(bytes));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.path).toBe('/report.html?from=2026-01-01&to=2026-06-30&business=1');
    expect(asked[0]?.layout.pageSize).toBe('A4');
    expect(asked[0]?.layout.footerTemplate).toContain('Page <span class="pageNumber"></span> of');
    expect(progress).toEqual([{ format: 'pdf', path, done: 0, total: 0 }]);
    expect(outputFolder()).toEqual(['relatorio.pdf']);
  });

  it('leaves nothing when the printer fails, and says so as EXPORT_FAILED', async () => {
    const path = join(temp.path, 'relatorio.pdf');
    const failing = exporter.pdf({ query }, path, 'pt-BR', () => Promise.reject(new Error('page crashed')));
    await expect(failing).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
    expect(outputFolder()).toEqual([]);
  });

  it('stops on cancel: the printer is told, and no file appears even if it answers late', async () => {
    const path = join(temp.path, 'relatorio.pdf');
    let toldToStop = false;
    const exporting = exporter.pdf({ query }, path, 'pt-BR', (_request, signal) => {
      signal.addEventListener('abort', () => (toldToStop = true));
      // A printer that finishes anyway after the cancel: its bytes must not be written.
      return new Promise((resolve) => setTimeout(() => resolve(new Uint8Array([1, 2, 3])), 50));
    });
    expect(exporter.cancel()).toEqual({ cancelled: 1 });
    const failure: unknown = await exporting.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('EXPORT_CANCELLED');
    expect(toldToStop).toBe(true);
    expect(outputFolder()).toEqual([]);
    expect(exporter.cancel()).toEqual({ cancelled: 0 });
  });

  it('keeps an existing file as it was when a new print fails', async () => {
    const path = join(temp.path, 'relatorio.pdf');
    await exporter.pdf({ query }, path, 'pt-BR', () => Promise.resolve(new TextEncoder().encode('first')));
    await expect(
      exporter.pdf({ query }, path, 'pt-BR', () => Promise.reject(new Error('out of memory'))),
    ).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(outputFolder()).toEqual(['relatorio.pdf']);
  });
});
