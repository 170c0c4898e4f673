import type { TFunction } from 'i18next';
import { AppError } from '../../../../electron/shared/errors.ts';
import {
  type CsvReadingView,
  StatementProblemDetails,
  type StatementProblemReason,
  statementProblemReasons,
} from '../../../../electron/shared/imports.ts';

/** A CSV as a reading split it, and the encoding it was read in: what the reading panel shows. */
export interface CsvShown {
  view: CsvReadingView;
  encoding: string;
}

/**
 * The reading a CSV failed with and the file split by it, when the error says the file may
 * read with another reading (a bad date or amount, a missing column): the panel stays, to
 * change it. Null for any other error.
 */
export function csvOfProblem(error: unknown): CsvShown | null {
  if (!(error instanceof AppError) || error.code !== 'STATEMENT_INVALID') return null;
  const details = StatementProblemDetails.safeParse(error.details);
  if (!details.success || !details.data.csv) return null;
  return { view: details.data.csv, encoding: details.data.encoding ?? '' };
}

type Reason = StatementProblemReason;

const isReason = (value: unknown): value is Reason => (statementProblemReasons as readonly unknown[]).includes(value);

/**
 * Why a file cannot be imported, in the user's words: the reason, and where the parser says
 * so, the line and the text found there ("Linha 14: “31/02/2026” não é uma data."). Null when
 * the error is not about the file (the screen shows it as any other failure). `readingChanged`:
 * the user changed the CSV reading of a file that read before.
 */
export function statementProblem(error: unknown, t: TFunction, readingChanged = false): string | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'IMPORT_CURRENCY_MISMATCH') {
    const details = (error.details ?? {}) as { file?: unknown; account?: unknown };
    const code = (value: unknown) => (typeof value === 'string' ? value : '?');
    return t('imports.problems.currency', { file: code(details.file), account: code(details.account) });
  }
  if (error.code !== 'STATEMENT_INVALID') return null;
  const details = (error.details ?? {}) as { reason?: unknown; line?: unknown; value?: unknown };
  const reason = isReason(details.reason) ? details.reason : null;
  if (!reason) return t('errors.STATEMENT_INVALID');
  const line = typeof details.line === 'number' ? details.line : null;
  const value = typeof details.value === 'string' ? details.value : '';
  // A CSV that read before the user changed its reading and whose quotes now never close: the separator.
  if (reason === 'STATEMENT_UNREADABLE' && readingChanged && line !== null) {
    return t('imports.problems.separatorUnreadable', { line });
  }
  // The same reason said three ways: with the text found, on a line without it, or of the whole file.
  if (line !== null && value.trim() !== '') return t(`imports.problems.${reason}.atValue`, { line, value });
  if (line !== null) return t(`imports.problems.${reason}.atLine`, { line });
  return t(`imports.problems.${reason}.file`);
}
