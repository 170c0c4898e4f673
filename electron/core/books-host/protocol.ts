import type { IpcResult } from '../../shared/errors.ts';
import type { AppInfo, ConnectionSummary, Language, Theme } from '../../shared/models.ts';
import type { EventName, EventPayload } from '../../shared/contract.ts';
import type { WindowKind } from '../../shared/window-scopes.ts';
import type { ExportOpening } from '../exports/exporter.ts';
import type { SaveSuggestion } from '../exports/file-names.ts';
import type { ReportPrintRequest } from '../exports/report-printer.ts';
import type { PluggyCredentials } from '../secrets/credential-store.ts';
import type { PluggyApiTarget } from '../settings/pluggy-account.ts';
import type { DesktopNotification } from '../tray/notifications.ts';
import type { ThreadError } from './thread-errors.ts';

/**
 * What main and the books worker say to each other (design notes in books-host.ts).
 * Main keeps the windows, tray, dialogs, notifications and the keychain; the worker keeps
 * the books: the database, sync, rules, reports and exports, behind the one handler map.
 */

/** What the books worker starts with (its workerData). */
export interface BooksWorkerConfig {
  databaseFile: string;
  migrationsFolder: string;
  appInfo: AppInfo;
  /** Where the user's own Pluggy application is reached (a sandbox in tests). */
  pluggyApi: PluggyApiTarget;
  /** Demo mode's embedded sandbox: where it keeps its certificate and items, and the pause between an update's steps. */
  demo: { directory: string; stepMs: number };
  /** How often a connection being updated is looked at (tests shorten it). */
  refreshPollMs?: number;
  /** 'problems' leaves out the info lines (tests); the app logs them all. */
  logs?: 'all' | 'problems';
  /** Tests: check each answer against the contract's output schema too (dispatch's validateOutput). */
  checkAnswers?: boolean;
}

/** A window's request, with the kind of window main knows it came from. */
export interface BooksRequest {
  channel: unknown;
  input: unknown;
  window: WindowKind | null;
}

/** What the tray and notifications do that is not an IPC channel. */
export type SyncCommand =
  | { command: 'refresh-all' }
  | { command: 'refresh'; itemId: string }
  | { command: 'pause' }
  | { command: 'resume'; reason: string };

/** Main's calls into the books worker. */
export type BooksApi = {
  invoke: { input: BooksRequest; output: IpcResult<unknown> };
  command: { input: SyncCommand; output: null };
  /** Stops syncing and closes the database; the worker then ends. */
  close: { input: null; output: null };
};

/** The books worker's calls into main: what only the shell can do. */
export type ShellApi = {
  readCredentials: { input: null; output: PluggyCredentials | null };
  saveCredentials: { input: PluggyCredentials; output: null };
  removeCredentials: { input: null; output: null };
  /** The native save dialog: the path chosen, or null when the user closed it. */
  chooseExportPath: { input: SaveSuggestion; output: string | null };
  printReport: { input: ReportPrintRequest; output: Uint8Array };
  /** A finished export's file, opened or shown in its folder (the books checked it is one). */
  openExport: { input: ExportOpening; output: null };
  openConnectWindow: { input: { reconnect?: string }; output: null };
  /** The open Connect flow's OAuth callback, with its state (core/connect/oauth-flow.ts). */
  oauthRedirectUri: { input: null; output: string };
};

/** What main shows without asking: the tray, the close-to-tray choice, the language of its dialogs, the windows' appearance. */
export interface ShellState {
  language: Language;
  theme: Theme;
  closeToTray: boolean;
  connections: ConnectionSummary[];
  paused: boolean;
  lastSyncedAt: string | null;
}

/** A sync event as main needs it: the notification worded for both cases (main knows whether a window is in front). */
export interface SyncAlert {
  itemId: string;
  notification: { away: DesktopNotification | null; looking: DesktopNotification | null };
  /** A bank's OAuth page Pluggy named for a login: the browser may open it without asking. */
  oauthPage?: string | null;
}

export interface BooksEvent<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}

/** The worker's first word: ready with the state, or why it could not open the books. */
export type BooksStartup = { ok: true; state: ShellState } | { ok: false; error: ThreadError };

/** The books worker's one-way notices to main. */
export type BooksNotices = {
  started: BooksStartup;
  event: BooksEvent;
  state: ShellState;
  alert: SyncAlert;
};
