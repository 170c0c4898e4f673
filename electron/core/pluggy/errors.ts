import { AppError, type PluggyErrorCode } from '../../shared/errors.ts';

export type { PluggyErrorCode } from '../../shared/errors.ts';

/** Who can clear an item error: the user in Balancete (reconnect), the user at the bank, time, or no one. */
export type FixableBy = 'app' | 'bank' | 'wait' | 'none';

/**
 * Everything the Pluggy client can fail with: one error type with a stable `code` the UI
 * translates (an AppError, so IPC passes it on as it is); `pluggyCode` keeps Pluggy's
 * own `codeDescription` where it sent one.
 */
export class PluggyError extends AppError {
  override readonly code: PluggyErrorCode;
  readonly status: number | undefined;
  readonly pluggyCode: string | undefined;
  readonly data: unknown;
  /** Seconds Pluggy asked to wait (429). */
  readonly retryAfterSeconds: number | undefined;
  readonly fixableBy: FixableBy | undefined;
  /**
   * The request changes something, and it may have reached Pluggy before it failed (the
   * answer was lost): check what happened before trying again.
   */
  readonly maybeProcessed: boolean;

  constructor(
    code: PluggyErrorCode,
    message: string,
    details: {
      status?: number;
      pluggyCode?: string;
      data?: unknown;
      retryAfterSeconds?: number;
      fixableBy?: FixableBy;
      maybeProcessed?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, {
      ...(details.status === undefined ? {} : { status: details.status }),
      ...(details.pluggyCode === undefined ? {} : { pluggyCode: details.pluggyCode }),
      ...(details.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: details.retryAfterSeconds }),
      ...(details.fixableBy === undefined ? {} : { fixableBy: details.fixableBy }),
      ...(details.maybeProcessed ? { maybeProcessed: true } : {}),
    });
    if (details.cause !== undefined) this.cause = details.cause;
    this.name = 'PluggyError';
    this.code = code;
    this.status = details.status;
    this.pluggyCode = details.pluggyCode;
    this.data = details.data;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.fixableBy = details.fixableBy;
    this.maybeProcessed = details.maybeProcessed ?? false;
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
