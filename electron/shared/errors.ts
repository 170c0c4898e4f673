/**
 * Errors that cross the IPC boundary. The renderer translates `code`; `message` is an
 * English fallback for logs. Codes are stable: add new ones, never rename.
 */
/** Failures talking to Pluggy (electron/core/pluggy), each with its own message in the UI. */
export const pluggyErrorCodes = [
  /** The client id or secret is wrong (401 on /auth). */
  'PLUGGY_AUTH',
  /** Pluggy refused access: for this request, or even to a freshly issued API key. */
  'PLUGGY_FORBIDDEN',
  /** Too many requests, and the wait Pluggy asks for is longer than we wait. */
  'PLUGGY_RATE_LIMITED',
  'PLUGGY_NOT_FOUND',
  /** Pluggy refused the request as invalid (400), e.g. bad item parameters. */
  'PLUGGY_VALIDATION',
  /** A manual update asked for too soon after the last one (409). */
  'PLUGGY_UPDATE_TOO_SOON',
  /** A manual update refused after repeated failed logins: Pluggy makes the user wait (400 TOO_MANY_CONSECUTIVE_LOGIN_FAILURES). */
  'PLUGGY_LOGIN_BACKOFF',
  /** A manual update refused after too many failed updates in a row (400 TOO_MANY_CONSECUTIVE_ERRORS). */
  'PLUGGY_TOO_MANY_FAILURES',
  /** A connection ended in an error at the institution (see `fixableBy`). */
  'PLUGGY_ITEM_ERROR',
  /** Pluggy could not be reached, or the connection broke, after the retries. */
  'PLUGGY_NETWORK',
  /** The secure connection failed (certificate, TLS version): not a network hiccup, not retried. */
  'PLUGGY_TLS',
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

export const errorCodes = [
  ...pluggyErrorCodes,
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  /** The calling window may not use this channel (each window has its own: electron/shared/window-scopes.ts). */
  'CHANNEL_NOT_ALLOWED',
  'NOT_FOUND',
  'INTERNAL',
  /** No OS keychain to keep the Pluggy keys in (details.reason: 'module' or 'service'). */
  'KEYCHAIN_UNAVAILABLE',
  /** The keychain is there but locked (or its unlock prompt was dismissed): its keys cannot be read, kept or removed until it is unlocked. */
  'KEYCHAIN_LOCKED',
  /** The disk is full: the write failed as a whole (SQLite rolled it back, no file was left), so nothing was lost. */
  'DISK_FULL',
  /** The user's own Pluggy application was chosen, but no keys are kept. */
  'PLUGGY_KEYS_MISSING',
  /** A sync cut short because Balancete stopped (quit, crash, power loss); recorded in the sync history. */
  'SYNC_INTERRUPTED',
  /** Pluggy's Connect widget was asked for in demo mode: it talks to Pluggy itself, never to the embedded sandbox. */
  'CONNECT_WIDGET_OWN_ONLY',
  /** The category asked for does not exist. */
  'CATEGORY_NOT_FOUND',
  /** An archived category cannot be chosen for a transaction, a parent or a merge target. */
  'CATEGORY_ARCHIVED',
  /** Pluggy's categories can be archived (hidden) only: renaming or merging them away is refused. */
  'CATEGORY_READ_ONLY',
  /** A category merged into itself or its own subcategory, or one with subcategories into a subcategory. */
  'CATEGORY_MERGE_INVALID',
  /** A subcategory under a subcategory: the tree has two levels. */
  'CATEGORY_PARENT_INVALID',
  'TRANSACTION_NOT_FOUND',
  /** Split parts that do not add up to the transaction's amount (details: expected and actual cents). */
  'SPLIT_SUM_MISMATCH',
  /** A split needs at least two parts. */
  'SPLIT_TOO_FEW_PARTS',
  /** The change was already undone. */
  'UNDO_ALREADY_APPLIED',
  /** A rule the engine cannot run, e.g. a regex that does not compile (details.issues: path and message of each). */
  'RULE_INVALID',
  /** A reconciled transaction would change: ask the user, then send the edit again confirmed (details.count). */
  'TRANSACTION_RECONCILED',
  'RECONCILIATION_NOT_FOUND',
  /** The account already has a reconciliation in progress (details.draftId): resume or discard it first. */
  'RECONCILIATION_IN_PROGRESS',
  /** Finishing with a difference, without an adjustment confirmed (details.differenceCents). */
  'RECONCILIATION_UNBALANCED',
  /** The difference moved (a sync changed a ticked line) since the user confirmed its adjustment (details.differenceCents). */
  'RECONCILIATION_DIFFERENCE_CHANGED',
  /** A statement date not after the previous reconciliation's (details.previousStatementDate). */
  'STATEMENT_DATE_INVALID',
  /** The bank's version changed while the user was reviewing it (a sync came): look again. */
  'CONFLICT_CHANGED',
  /** Undoing a reconciliation whose bank conflicts still wait for review (details.count). */
  'RECONCILIATION_CONFLICTS_OPEN',
  /** The conflict was already resolved. */
  'CONFLICT_RESOLVED',
  /** The user cancelled the export; no file was written. */
  'EXPORT_CANCELLED',
  /** The export could not be written (details.path), e.g. a folder that is gone or read-only; no file was left. */
  'EXPORT_FAILED',
  /** Open or show a file Balancete did not export this session: a window names only what an export gave it. */
  'EXPORT_UNKNOWN',
  /** The exported file is no longer where it was saved (moved, renamed or deleted) (details.path). */
  'EXPORT_MISSING',
  /** The system could not open the exported file, e.g. no app opens its type (details.path). */
  'EXPORT_OPEN_FAILED',
  /** Only an account whose connection was removed (its data kept) can be deleted: remove the connection first. */
  'ACCOUNT_CONNECTED',
  /**
   * The connection belongs to the other Pluggy (a demo connection while the user's own
   * application is in use, or the reverse): it is not updated, reconnected or renewed from here.
   */
  'CONNECTION_OTHER_MODE',
  /** Only an account the user keeps by hand has fields the user edits (institution, opening balance…). */
  'ACCOUNT_NOT_MANUAL',
  /** The bank's own transactions change only at the bank: only entered or imported ones are edited or deleted. */
  'TRANSACTION_NOT_OWN',
  /** A reconciled transaction of the user's own keeps its date, description and amount, and stays, until its reconciliation is undone (details.count). */
  'OWN_TRANSACTION_RECONCILED',
  /**
   * A statement file that cannot be imported, refused whole before anything is written:
   * details.reason says why (STATEMENT_EMPTY, STATEMENT_NOT_OFX, STATEMENT_UNSUPPORTED,
   * STATEMENT_UNREADABLE, STATEMENT_BAD_DATE, STATEMENT_BAD_AMOUNT, STATEMENT_MISSING_COLUMN),
   * details.line and details.value where it is.
   */
  'STATEMENT_INVALID',
  /** An OFX statement in another currency than the account's (details.file, details.account). */
  'IMPORT_CURRENCY_MISMATCH',
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
