import { DatabaseOpenError, databaseOpenFailures, type DatabaseOpenFailure } from '../../../db/open-error.ts';
import { AppError, type ErrorCode, errorCodes } from '../../shared/errors.ts';

/**
 * An error as it crosses between main and the books worker. Structured cloning keeps an
 * Error's message but not its class nor its own fields, so the two kinds the other side
 * acts on (AppError's typed code, DatabaseOpenError's start-up reason) are carried by name
 * and rebuilt; any other error keeps its message and Node's `code` (ENOSPC, SQLITE_FULL…).
 */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  details?: unknown;
  stack?: string;
}

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const details = error instanceof AppError && cloneable(error.details) ? error.details : undefined;
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(details === undefined ? {} : { details }),
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
}

export function fromThreadError(crossed: ThreadError): Error {
  const error = rebuilt(crossed);
  if (crossed.stack !== undefined) error.stack = crossed.stack;
  return error;
}

function rebuilt({ name, message, code, details }: ThreadError): Error {
  if (name === 'AppError' && isErrorCode(code)) return new AppError(code, message, details);
  if (name === 'DatabaseOpenError' && isDatabaseOpenFailure(code)) return new DatabaseOpenError(code, message);
  const error = new Error(message);
  error.name = name;
  if (code !== undefined) Object.assign(error, { code });
  return error;
}

const isErrorCode = (code: string | undefined): code is ErrorCode => (errorCodes as readonly unknown[]).includes(code);
const isDatabaseOpenFailure = (code: string | undefined): code is DatabaseOpenFailure =>
  (databaseOpenFailures as readonly unknown[]).includes(code);

/** Details that a postMessage can carry (zod's flattened errors, plain records): no functions, no class instances. */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
