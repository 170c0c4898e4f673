/**
 * Errors that cross the IPC boundary. The renderer translates `code`; `message` is an
 * English fallback for logs. Codes are stable: add new ones, never rename.
 */
export const errorCodes = ['INVALID_INPUT', 'UNKNOWN_CHANNEL', 'FORBIDDEN_SENDER', 'NOT_FOUND', 'INTERNAL'] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface IpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What every invoke resolves to: Electron would flatten a thrown error to a string. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
