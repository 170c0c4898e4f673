import type { StatementProblemReason } from '../../shared/imports.ts';

/** The codes are STATEMENT_INVALID's reasons, declared once in the shared contract. */
export type StatementErrorCode = StatementProblemReason;

/**
 * The one error the statement parsers throw (issue 19). Each has a stable `code` the UI
 * translates, the 1-based line of the file it is about when there is one, and the text found
 * there (`value`), so that a message can say "line 14: '31/02/2026' is not a date". The
 * English `message` is for logs and tests; it already names the line and the value.
 *
 * Plain `Error` subclass on purpose: this layer is pure domain code that does not know the
 * IPC error codes in electron/shared/errors.ts; the import handler maps these codes there.
 */
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
