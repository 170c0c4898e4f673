import { join } from 'node:path';
import { app, BrowserWindow, net, Notification, powerMonitor, session } from 'electron';
import { BooksHost } from '../core/books-host/books-host.ts';
import type { SyncAlert, SyncCommand } from '../core/books-host/protocol.ts';
import { createConsoleLogger, createRedactingLogger, SecretRegistry } from '../core/log.ts';
import { CredentialStore } from '../core/secrets/credential-store.ts';
import { pluggyApi } from '../core/settings/pluggy-account.ts';
import type { OAuthCallbackLink } from '../core/connect/deep-link.ts';
import { installAppMenu } from './app-menu.ts';
import { shellMode } from './shell-mode.ts';
import { contentSecurityPolicy, cspPageOf } from '../shared/csp.ts';
import { appOrigin, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { applyDataDirectoryOverride, databasePath, dataDirectory } from './data-directory.ts';
import { denyPermissions, hardenWebContents } from './hardening.ts';
import { broadcast, registerIpc } from './ipc.ts';
import { connectFlow, connectPartition, focusConnectWindow, openConnectWindow } from './connect-window.ts';
import { registerDeepLinks } from './deep-links.ts';
import { createMainWindow } from './main-window.ts';
import { createTray } from './tray.ts';
import { windowReportPrinter } from './report-window.ts';
import { chooseExportPath } from './save-dialog.ts';
import { openExport } from './open-export.ts';
import { showStartupFailure } from './startup-failure-dialog.ts';
import { followTheme } from './window-theme.ts';

/** Every secret the app handles is registered here, and no log line carries one. */
const secrets = new SecretRegistry();
const log = createRedactingLogger(createConsoleLogger(), secrets);
/** Development only (`npm run dev`): the renderer is then served by Vite with hot reload (core/run-mode.ts). */
const { devServerUrl } = shellMode;
const trustedOrigins = [devServerUrl ? new URL(devServerUrl).origin : appOrigin];

let mainWindow: BrowserWindow | null = null;
/** The books: database, sync, rules, reports and exports, in their worker thread (core/books-host). */
let books: BooksHost | null = null;
/** Set once the books worker has closed the database: quitting may then go on. */
let booksClosed = false;
let tray: ReturnType<typeof createTray> | null = null;

registerAppScheme();
applyDataDirectoryOverride();

if (!app.requestSingleInstanceLock()) {
  // Another Balancete is running: it gets focus (below) and this one leaves quietly.
  app.quit();
} else {
  const deepLinks = registerDeepLinks(openDeepLink, log);
  app.on('second-instance', (_event, argv) => {
    // Windows and Linux hand a balancete:// link to the running app this way.
    if (deepLinks.fromArgv(argv)) return;
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Closing the window leaves Balancete syncing in the tray; the tray's Quit ends it.
  // (Unless the user turned that off in Settings: then closing the window quits.)
  app.on('window-all-closed', () => {
    const keepInTray = tray !== null && books !== null && books.state.closeToTray;
    if (!keepInTray && process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && books) openMainWindow();
  });
  // Quitting waits for the books worker to stop syncing and close the database (a few
  // seconds at most: BooksHost.close ends the thread if it takes longer).
  app.on('before-quit', (event) => {
    if (!books || booksClosed) return;
    event.preventDefault();
    const closing = books;
    books = null;
    void closing.close().finally(() => {
      booksClosed = true;
      app.quit();
    });
  });
  hardenWebContents({
    trustedOrigins,
    oauthHosts: () => connectFlow.knownOAuthHosts(),
    language: () => currentLanguage(),
    log,
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  // 'session-created' covers every session; the default one is named too, should it predate the listener.
  denyPermissions(session.defaultSession);
  // No DevTools, nor a menu to open them, outside development (app-menu.ts).
  installAppMenu(shellMode.developerTools);
  if (devServerUrl) {
    const devServerOrigin = new URL(devServerUrl).origin;
    // As in production, only the Connect window's session gets the Connect page's policy.
    for (const [served, connectWindow] of [
      [session.defaultSession, false],
      [session.fromPartition(connectPartition), true],
    ] as const) {
      served.webRequest.onHeadersReceived((details, callback) => {
        const page = connectWindow ? cspPageOf(new URL(details.url).pathname) : 'main';
        const csp = contentSecurityPolicy({ devServerOrigin, page });
        // The policy is built in electron/shared/csp.ts; test/unit/csp.test.ts evaluates it.
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }); // eng-disable CSP_JS_CHECK
      });
    }
  } else {
    const rendererDir = join(import.meta.dirname, '..', 'renderer');
    serveAppScheme(rendererDir);
    serveAppScheme(rendererDir, { session: session.fromPartition(connectPartition), connectWindow: true });
  }
  const credentials = new CredentialStore();
  const printReport = windowReportPrinter({ preloadPath: preloadPath(), origin: devServerUrl ?? appOrigin });
  // Opens the books in their worker: refuses books from a newer Balancete, and copies them
  // into backups/ before migrating (a failure rejects here and reaches fail() below).
  books = await BooksHost.start({
    config: {
      databaseFile: databasePath(),
      migrationsFolder: join(app.getAppPath(), 'db', 'migrations'),
      appInfo: { version: app.getVersion(), dataDirectory: app.getPath('userData') },
      pluggyApi,
      // Demo mode: the embedded sandbox, its certificate and items kept in the user-data folder,
      // with a few seconds between an update's steps so progress can be seen.
      demo: { directory: app.getPath('userData'), stepMs: 1500 },
    },
    shell: {
      readCredentials: () => credentials.read(),
      saveCredentials: async (keys) => {
        await credentials.save(keys);
        return null;
      },
      removeCredentials: async () => {
        await credentials.remove();
        return null;
      },
      chooseExportPath: (suggestion) => chooseExportPath(mainWindow, suggestion),
      printReport: (request, signal) => printReport(request, signal),
      openExport,
      openConnectWindow: ({ reconnect }) => {
        openConnectWindow({
          preloadPath: preloadPath(),
          url: `${devServerUrl ? new URL('connect.html', devServerUrl).toString() : `${appOrigin}/connect.html`}${
            reconnect ? `?reconnect=${encodeURIComponent(reconnect)}` : ''
          }`,
          iconPath: iconPath(),
          parent: mainWindow,
        });
        return null;
      },
      // Each connect token sends Open Finance logins back with the open Connect flow's state.
      oauthRedirectUri: () => connectFlow.redirectUri(),
    },
    onEvent: ({ event, payload }) => broadcast(trustedOrigins, event, payload),
    onAlert: (alert) => {
      // A bank's OAuth page Pluggy names for a login: the browser may open it without asking.
      if (alert.oauthPage !== undefined) connectFlow.allowOAuthPage(alert.oauthPage);
      notify(alert);
    },
    onState: (state) => {
      followTheme(state.theme);
      tray?.update();
    },
    // The books worker stopped over and over: say so as a failed start does, and quit.
    onGiveUp: () => fail(new Error('The books worker keeps stopping')),
    logger: log,
  });
  const opened = books;
  registerIpc((channel, input, window) => opened.invoke(channel, input, window), trustedOrigins, log);
  // Before the first window opens, so it shows in the chosen theme from its first frame.
  followTheme(opened.state.theme);
  openMainWindow();
  // The worker polls at start-up, then on the timer (design.md §5); again on waking up or coming back online.
  const command = (order: SyncCommand) =>
    opened
      .command(order)
      .catch((error: unknown) => log.warn('books.command-failed', { command: order.command, error }));
  powerMonitor.on('resume', () => void command({ command: 'resume', reason: 'resume' }));
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) void command({ command: 'resume', reason: 'online' });
    online = now;
  }, 30_000).unref();
  tray = createTray({
    resourcesDir: join(app.getAppPath(), 'resources'),
    // As the books worker last told it (it tells every change).
    state: () => opened.state,
    open: showMainWindow,
    refreshAll: () => command({ command: 'refresh-all' }),
    refresh: (itemId) =>
      opened.command({ command: 'refresh', itemId }).catch((error: unknown) => {
        log.warn('tray.refresh-failed', { itemId, error });
      }),
    togglePause: () => command(opened.state.paused ? { command: 'resume', reason: 'tray' } : { command: 'pause' }),
    quit: () => app.quit(),
  });
  log.info('app.started', { version: app.getVersion() });
}

/**
 * Back from a bank's login in the browser (balancete://oauth-callback): the Connect window
 * comes forward, where Pluggy's widget goes on by itself and reports the connection. Only
 * while the Connect flow that handed Pluggy this callback is open, and only with its state
 * (core/connect/oauth-flow.ts): any page or program can open balancete:// links. A link
 * never takes a connection in by itself; a link that started the app finds no flow open.
 */
function openDeepLink(link: OAuthCallbackLink): void {
  const verdict = connectFlow.check(link);
  if (verdict !== 'accepted') {
    log.warn('deep-link.ignored', { reason: verdict });
    return;
  }
  focusConnectWindow();
}

const currentLanguage = () => books?.state.language ?? 'pt-BR';

/**
 * A desktop notification when a sync event calls for one: worded by the books worker
 * (core/tray/notifications.ts) for both cases, since only main knows whether a window of
 * Balancete is in front.
 */
function notify(alert: SyncAlert): void {
  if (!Notification.isSupported()) return;
  const windowFocused = BrowserWindow.getFocusedWindow() !== null;
  const notification = windowFocused ? alert.notification.looking : alert.notification.away;
  if (!notification) return;
  const shown = new Notification(notification);
  shown.on('click', showMainWindow);
  shown.show();
}

const preloadPath = () => join(import.meta.dirname, '..', 'preload', 'index.cjs');
const iconPath = () => join(app.getAppPath(), 'resources', 'icon.png');

/** From the tray or a notification: the window, opened again if it was closed. */
function showMainWindow(): void {
  if (!mainWindow) openMainWindow();
  mainWindow?.show();
  mainWindow?.focus();
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: preloadPath(),
    url: devServerUrl ?? `${appOrigin}/index.html`,
    iconPath: iconPath(),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Start-up failed: say why and offer the data folder, then quit rather than linger windowless. */
function fail(error: unknown): void {
  showStartupFailure(error, { dataDirectory: dataDirectory(), databaseFile: databasePath() }, log)
    .catch((dialogError: unknown) => log.error('app.start-failure-dialog-failed', { error: dialogError }))
    .finally(() => app.exit(1));
}
