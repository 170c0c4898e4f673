/**
 * The one error the statement parsers throw (issue 19). Each has a stable `code` the UI
 * translates, the 1-based line of the file it is about when there is one, and the text found
 * there (`value`), so that a message can say "line 14: '31/02/2026' is not a date". The
 * English `message` is for logs and tests; it already names the line and the value.
 *
 * Plain `Error` subclass on purpose: this layer is pure domain code that does not know the
 * IPC error codes in electron/shared/errors.ts; the import handler maps these codes there.
 */
export const statementErrorCodes = [
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
export type StatementErrorCode = (typeof statementErrorCodes)[number];

export class StatementError extends Error {
  readonly code: StatementErrorCode;
  /** 1-based line number in the file (after decoding), when the problem is on one line. */
  readonly line?: number;
  /** The offending text as found in the file. */
  readonly value?: string;

  constructor(code: StatementErrorCode, message: string, where: { line?: number; value?: string } = {}) {
    super(where.line === undefined ? message : `Line ${where.line}: ${message}`);
    this.name = 'StatementError';
    this.code = code;
    if (where.line !== undefined) this.line = where.line;
    if (where.value !== undefined) this.value = where.value;
  }
}
