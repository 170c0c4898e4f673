/**
 * Errors that cross the IPC boundary. The renderer translates `code`; `message` is an
 * English fallback for logs. Codes are stable: add new ones, never rename.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'INTERNAL',
  /** No OS keychain to keep the Pluggy keys in (details.reason: 'module' or 'service'). */
  'KEYCHAIN_UNAVAILABLE',
] as const;

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

/**
 * An error with a stable code. Main throws it for failures the user should hear about
 * (dispatch passes code, message and details over IPC); the renderer's client throws it
 * again on its side so screens can translate the code.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
