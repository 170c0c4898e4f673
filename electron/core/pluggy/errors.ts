/**
 * Everything the Pluggy client can fail with, as one error type with a stable `code` the
 * UI translates. `pluggyCode` keeps Pluggy's own `codeDescription` where it sent one.
 */
export const pluggyErrorCodes = [
  /** The client id or secret is wrong (401 on /auth). */
  'PLUGGY_AUTH',
  /** The API key was refused again right after a renewal. */
  'PLUGGY_FORBIDDEN',
  /** Too many requests, and the wait Pluggy asks for is longer than we wait. */
  'PLUGGY_RATE_LIMITED',
  'PLUGGY_NOT_FOUND',
  /** Pluggy refused the request as invalid (400), e.g. bad item parameters. */
  'PLUGGY_VALIDATION',
  /** A manual update asked for too soon after the last one (409). */
  'PLUGGY_UPDATE_TOO_SOON',
  /** A connection ended in an error at the institution (see `fixableBy`). */
  'PLUGGY_ITEM_ERROR',
  /** Pluggy could not be reached, or the connection broke, after the retries. */
  'PLUGGY_NETWORK',
  'PLUGGY_TIMEOUT',
  /** Pluggy answered 5xx after the retries. */
  'PLUGGY_SERVER',
  /** Pluggy answered something that is not the JSON we need. */
  'PLUGGY_BAD_RESPONSE',
  'PLUGGY_CANCELLED',
  /** The configured address is not https:// (refused, even for the sandbox). */
  'PLUGGY_INSECURE_URL',
] as const;

export type PluggyErrorCode = (typeof pluggyErrorCodes)[number];

/** Who can clear an item error: the user in Balancete (reconnect), the user at the bank, time, or no one. */
export type FixableBy = 'app' | 'bank' | 'wait' | 'none';

export class PluggyError extends Error {
  readonly code: PluggyErrorCode;
  readonly status: number | undefined;
  readonly pluggyCode: string | undefined;
  readonly data: unknown;
  /** Seconds Pluggy asked to wait (429). */
  readonly retryAfterSeconds: number | undefined;
  readonly fixableBy: FixableBy | undefined;

  constructor(
    code: PluggyErrorCode,
    message: string,
    details: {
      status?: number;
      pluggyCode?: string;
      data?: unknown;
      retryAfterSeconds?: number;
      fixableBy?: FixableBy;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PluggyError';
    this.code = code;
    this.status = details.status;
    this.pluggyCode = details.pluggyCode;
    this.data = details.data;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.fixableBy = details.fixableBy;
  }
}

/** pluggy-api.md, "Error codes the user must fix…": what each item error asks of whom. */
const fixableByCode: Record<string, FixableBy> = {
  INVALID_CREDENTIALS: 'app',
  INVALID_CREDENTIALS_MFA: 'app',
  ACCOUNT_CREDENTIALS_RESET: 'app',
  USER_INPUT_TIMEOUT: 'app',
  USER_AUTHORIZATION_NOT_GRANTED: 'app',
  ACCOUNT_LOCKED: 'bank',
  ACCOUNT_NEEDS_ACTION: 'bank',
  ALREADY_LOGGED_IN: 'bank',
  SITE_NOT_AVAILABLE: 'wait',
  CONNECTION_ERROR: 'wait',
  UNEXPECTED_ERROR: 'wait',
  USER_AUTHORIZATION_PENDING: 'wait',
  USER_NOT_SUPPORTED: 'none',
};

/** The typed error for an item that ended in `code` (an executionStatus / error.code). */
export function itemError(code: string, message: string, providerMessage?: string): PluggyError {
  return new PluggyError('PLUGGY_ITEM_ERROR', providerMessage ? `${message} (${providerMessage})` : message, {
    pluggyCode: code,
    // Codes Pluggy adds later are most likely transient: keep the data, try again later.
    fixableBy: fixableByCode[code] ?? 'wait',
  });
}
