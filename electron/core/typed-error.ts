import { AppError } from '../shared/errors.ts';

/**
 * Whether a failure is the disk being full: SQLite's SQLITE_FULL (the database or its
 * journal could not grow) or the system's ENOSPC (a file write), also when another error
 * carries it as its cause.
 */
export function isDiskFull(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth += 1) {
    const { code } = cause as { code?: unknown };
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * DISK_FULL for a write that failed as a whole: SQLite rolled its transaction back, and a
 * file is written beside its name and only renamed once whole, so nothing was lost.
 */
export function diskFull(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('DISK_FULL', `The disk is full; nothing was written (${reason})`);
}

/** The typed error a failure reaches the user as: its own, DISK_FULL, or null for one the user cannot act on. */
export function typedError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return isDiskFull(error) ? diskFull(error) : null;
}
