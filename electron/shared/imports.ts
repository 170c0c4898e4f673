import { z } from 'zod';
import { TransactionOrigin } from './transactions.ts';

/**
 * Statement files imported into an account (issue 19): OFX (1.x SGML, 2.x XML) and CSV. A
 * window sends the file's bytes (base64: they cross IPC and the test bridge as text) with
 * how to read a CSV, gets a preview back (what is new, what the account already holds, what
 * looks like a row it holds), then sends the same file again with the user's decisions.
 */

/** The largest statement file taken: a few years of a busy account's CSV is a few MB. */
export const maxStatementBytes = 32 * 1024 * 1024;

const column = z.number().int().min(0).max(500);

/** The text encodings a statement is read in (electron/core/imports/statement-text.ts). */
export const statementEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/** How to read a CSV: what the preview proposes (or the account's remembered mapping), as the user left it. */
export const CsvReading = z
  .object({
    separator: z.enum([';', ',', '\t', '|']),
    hasHeader: z.boolean(),
    dateFormat: z.enum(['dd/mm/yyyy', 'dd/mm/yy', 'yyyy-mm-dd', 'dd-mm-yyyy', 'mm/dd/yyyy']),
    decimalMark: z.enum([',', '.']),
    mapping: z
      .object({
        date: column,
        description: column,
        amount: column.optional(),
        debit: column.optional(),
        credit: column.optional(),
        counterparty: column.optional(),
        memo: column.optional(),
      })
      .strict(),
    /** 1-based line where the table starts (lines before it are the bank's preamble). */
    firstLine: z.number().int().min(1).optional(),
    /** Every amount's sign turned (card exports that list purchases as positive). */
    invertAmounts: z.boolean().optional(),
    /**
     * The file's text encoding, as the user chose it; left out, it is told from the file's
     * bytes (the preview's `encoding` says which). Never remembered for the account: each
     * file is told afresh.
     */
    encoding: z.enum(statementEncodings).optional(),
  })
  .strict();
export type CsvReading = z.infer<typeof CsvReading>;

export const ImportFile = z
  .object({
    accountId: z.string().min(1).max(100),
    fileName: z.string().trim().min(1).max(255),
    /** Empty for an empty file: refused as STATEMENT_EMPTY, in the user's words. */
    contentBase64: z.string().max(Math.ceil(maxStatementBytes / 3) * 4),
    /** For a CSV: how to read it; left out, the account's remembered mapping, else what the file suggests. */
    csv: CsvReading.optional(),
  })
  .strict();
export type ImportFile = z.input<typeof ImportFile>;

const PreviewRow = z.object({
  line: z.number().int(),
  date: z.string(),
  description: z.string(),
  amountCents: z.number().int(),
});

/** A file's row that looks like one the account holds, side by side with it; skipped unless kept. */
export const ImportReviewRow = PreviewRow.extend({
  existing: z.object({
    id: z.string(),
    date: z.string(),
    description: z.string(),
    amountCents: z.number().int(),
    origin: TransactionOrigin,
  }),
});

/**
 * A CSV as a reading splits it: the reading, whether it was the account's remembered one,
 * and the table's header and first rows as cells, split with that reading (its separator,
 * first line and header), not with what the file suggested.
 */
export const CsvReadingView = z.object({
  reading: CsvReading,
  remembered: z.boolean(),
  header: z.array(z.string()).nullable(),
  sample: z.array(z.array(z.string())),
  sampleLines: z.array(z.number().int()),
  columnCount: z.number().int(),
  /** What the file gave no evidence for (the pt-BR default was taken). */
  guessed: z.array(z.string()),
});
export type CsvReadingView = z.infer<typeof CsvReadingView>;

export const ImportPreview = z.object({
  format: z.enum(['ofx', 'csv']),
  encoding: z.string(),
  /** For a CSV: the reading used, the table's first rows as cells, and whether it was the account's remembered one. */
  csv: CsvReadingView.nullable(),
  /** For an OFX: the statement's account, period and closing balance as the bank wrote them. */
  ofx: z
    .object({
      kind: z.enum(['bank', 'creditCard']),
      currency: z.string(),
      accountNumber: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      ledgerBalance: z.object({ amountCents: z.number().int(), date: z.string() }).nullable(),
    })
    .nullable(),
  rowCount: z.number().int(),
  /** Rows to add. */
  newCount: z.number().int(),
  /** Rows the account already holds (the same statement id, or this file imported before): skipped. */
  seenCount: z.number().int(),
  /** Rows that look like ones the account holds: skipped unless the user keeps them. */
  review: z.array(ImportReviewRow),
  /** The file's first rows as they will be read, for the preview table. */
  firstRows: z.array(PreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportApply = ImportFile.extend({
  /** Lines of `review` rows the user keeps (adds although they look like held ones). */
  keepLines: z.array(z.number().int().min(1)).max(1_000_000).default([]),
  /**
   * For a manual account and an OFX with a closing balance: set the opening balance (and
   * move its date back to the file's first row if earlier) so the account's balance on the
   * statement's day is the bank's.
   */
  adoptBalance: z.boolean().optional(),
}).strict();
export type ImportApply = z.input<typeof ImportApply>;

/** Why a statement file cannot be read: STATEMENT_INVALID's `details.reason`, the parsers' own codes. */
export const statementProblemReasons = [
  /** Nothing in the file (no bytes, only blanks), or no transaction rows in a CSV. */
  'STATEMENT_EMPTY',
  /** The file is not OFX: no `<OFX>` element (an HTML page saved as .ofx, a PDF, a CSV). */
  'STATEMENT_NOT_OFX',
  /** OFX that holds no bank or card statement (only investments, or only the sign-on). */
  'STATEMENT_UNSUPPORTED',
  /** The file cannot be read as a whole: a truncated OFX, a CSV quote never closed, an unknown encoding. */
  'STATEMENT_UNREADABLE',
  /** A date that is not a calendar date in the expected format. */
  'STATEMENT_BAD_DATE',
  /** An amount that is not a number of reais and cents (or is missing). */
  'STATEMENT_BAD_AMOUNT',
  /** A column the mapping names is not in the file, or the mapping lacks date, description or amount. */
  'STATEMENT_MISSING_COLUMN',
] as const;
export type StatementProblemReason = (typeof statementProblemReasons)[number];

/**
 * The details of a STATEMENT_INVALID error: why (`reason`, the parser's code), the line and
 * the text found there. For a CSV whose rows the reading tried could not read (a bad date or
 * amount, a column not there, no transactions), also that reading with the file split by it
 * and the encoding it was read in, so the user can change the reading and preview again.
 */
export const StatementProblemDetails = z.object({
  reason: z.string(),
  line: z.number().int().optional(),
  value: z.string().optional(),
  encoding: z.string().optional(),
  csv: CsvReadingView.optional(),
});
export type StatementProblemDetails = z.infer<typeof StatementProblemDetails>;

export const ImportSummary = z.object({
  id: z.string(),
  accountId: z.string(),
  fileName: z.string(),
  format: z.enum(['ofx', 'csv']),
  addedCount: z.number().int(),
  /** Rows not added: those already held and the look-alikes not kept (see ImportResult). */
  skippedCount: z.number().int(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportResult = ImportSummary.extend({
  /** Of the added rows, those the rules categorized. */
  categorizedCount: z.number().int(),
  /** Review rows the user kept. */
  keptCount: z.number().int(),
  /** Of the skipped rows, those the account already held (the same statement id, or this file imported before). */
  seenCount: z.number().int(),
  /** Of the skipped rows, those that looked like rows the account holds and were not kept. */
  reviewSkippedCount: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportInput = z.object({ id: z.string().min(1).max(100) }).strict();
export const ImportsQuery = z
  .object({ accountId: z.string().min(1).max(100).optional() })
  .strict()
  .optional();
