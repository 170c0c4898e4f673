import { z } from 'zod';
import { ReportQuery } from './reports.ts';
import { TransactionFilters } from './transactions.ts';

/**
 * The exports' IPC shapes (issue 8). An export writes the rows the Transactions screen
 * lists for the same filters, to a file the user chooses in main's save dialog (a window
 * never names a path: it could not be trusted to), off main's thread, with progress; a
 * cancelled or failed export leaves no file at the path. The answer is null when the user
 * closed the dialog without choosing.
 */

/** pt-BR: `;`, decimal comma, dd/mm/yyyy, UTF-8 BOM, Portuguese names; en: `,`, decimal point, ISO dates. */
export const csvDialects = ['pt-BR', 'en'] as const;
export type CsvDialect = (typeof csvDialects)[number];

export const CsvExportInput = z
  .object({
    filters: TransactionFilters.default({}),
    dialect: z.enum(csvDialects),
  })
  .strict();
export type CsvExportInput = z.input<typeof CsvExportInput>;

/** One account's statement: its posted transactions in the filters' period (the other filters do not narrow a statement). */
export const OfxExportInput = z
  .object({
    filters: TransactionFilters.default({}),
    accountId: z.string().min(1).max(100),
  })
  .strict();
export type OfxExportInput = z.input<typeof OfxExportInput>;

/**
 * The accountant's workbook: the filters' transactions, and the P&L and livro-caixa of the
 * same period and accounts (business only when the filters ask for business usage), in
 * the user's language.
 */
export const XlsxExportInput = z.object({ filters: TransactionFilters.default({}) }).strict();
export type XlsxExportInput = z.input<typeof XlsxExportInput>;

/**
 * The accountant's PDF report of a period: whose books (see ReportOwner), the totals,
 * charts, DRE and livro-caixa, printed on A4 in the user's language from the report page.
 */
export const PdfExportInput = z.object({ query: ReportQuery }).strict();
export type PdfExportInput = z.input<typeof PdfExportInput>;

export const exportFormats = ['csv', 'ofx', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const ExportResult = z.object({
  path: z.string(),
  /** Transactions written; null for the PDF report, which holds totals rather than rows. */
  rows: z.number().int().nullable(),
});
export type ExportResult = z.infer<typeof ExportResult>;

/**
 * A finished export's file, to open or show in its folder: the path an export of this
 * session answered with. Main opens nothing else, whatever a window sends.
 */
export const ExportedFile = z.object({ path: z.string().min(1).max(4096) }).strict();
export type ExportedFile = z.infer<typeof ExportedFile>;

/** Rows written out of all, while an export runs (0 of 0 while the PDF report prints). */
export const ExportProgress = z.object({
  format: z.enum(exportFormats),
  path: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

export const ExportCancelResult = z.object({
  /** How many running exports were stopped (0 when none was running). */
  cancelled: z.number().int(),
});
export type ExportCancelResult = z.infer<typeof ExportCancelResult>;
