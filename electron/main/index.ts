import { join } from 'node:path';
import { app, BrowserWindow, net, Notification, powerMonitor, session } from 'electron';
import { openDatabaseWithBackup, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../core/handlers.ts';
import { createConsoleLogger, createRedactingLogger, SecretRegistry } from '../core/log.ts';
import { CredentialStore } from '../core/secrets/credential-store.ts';
import { startSandbox } from '../core/sandbox/server.ts';
import { pluggyApi } from '../core/settings/pluggy-account.ts';
import { BankConnections } from '../core/sync/bank-connections.ts';
import type { OAuthCallbackLink } from '../core/connect/deep-link.ts';
import { installAppMenu } from './app-menu.ts';
import { shellMode } from './shell-mode.ts';
import type { SyncEvent } from '../core/sync/sync-engine.ts';
import { toSyncNotice } from '../core/sync/sync-notice.ts';
import { notificationFor } from '../core/tray/notifications.ts';
import { contentSecurityPolicy, cspPageOf } from '../shared/csp.ts';
import { appOrigin, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { applyDataDirectoryOverride, databasePath, dataDirectory } from './data-directory.ts';
import { denyPermissions, hardenWebContents } from './hardening.ts';
import { broadcast, registerIpc } from './ipc.ts';
import { connectFlow, connectPartition, focusConnectWindow, openConnectWindow } from './connect-window.ts';
import { registerDeepLinks } from './deep-links.ts';
import { createMainWindow } from './main-window.ts';
import { createTray } from './tray.ts';
import { readSettings } from '../core/settings/settings-store.ts';
import { operatingSystemUser } from '../core/os-user.ts';
import { windowReportPrinter } from './report-window.ts';
import { chooseExportPath } from './save-dialog.ts';
import { showStartupFailure } from './startup-failure-dialog.ts';

/** Every secret the app handles is registered here, and no log line carries one. */
const secrets = new SecretRegistry();
const log = createRedactingLogger(createConsoleLogger(), secrets);
/** Development only (`npm run dev`): the renderer is then served by Vite with hot reload (core/run-mode.ts). */
const { devServerUrl } = shellMode;
const trustedOrigins = [devServerUrl ? new URL(devServerUrl).origin : appOrigin];

let mainWindow: BrowserWindow | null = null;
let database: OpenedDatabase | null = null;
let bankConnections: BankConnections | null = null;
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
    const keepInTray = tray !== null && database !== null && readSettings(database.db).closeToTray;
    if (!keepInTray && process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && database) openMainWindow();
  });
  app.on('will-quit', () => {
    void bankConnections?.close();
    database?.close();
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
  // Refuses books from a newer Balancete; copies them into backups/ before migrating.
  database = await openDatabaseWithBackup(databasePath(), {
    migrationsFolder: join(app.getAppPath(), 'db', 'migrations'),
  });
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
  bankConnections = new BankConnections({
    database,
    credentials,
    pluggyApi,
    // Demo mode: the embedded sandbox, its certificate and items kept in the user-data folder,
    // with a few seconds between an update's steps so progress can be seen.
    startDemoSandbox: (directory) =>
      startSandbox({ certificateDir: directory, statePath: join(directory, 'state.json'), stepMs: 1500 }),
    demoDirectory: app.getPath('userData'),
    logger: log,
    secrets,
    // Each connect token sends Open Finance logins back with the open Connect flow's state.
    oauthRedirectUri: () => connectFlow.redirectUri(),
    onEvent: (event) => {
      // A bank's OAuth page Pluggy names for a login: the browser may open it without asking.
      if (event.kind === 'waiting-user-input') connectFlow.allowOAuthPage(event.parameter.data);
      broadcast(trustedOrigins, 'sync:notice', toSyncNotice(event));
      if (event.kind === 'sync-progress') return; // a count for the screens; the tray shows "updating" already
      tray?.update();
      notify(event);
    },
  });
  const handlers = createHandlers({
    db: database.db,
    appInfo: { version: app.getVersion(), dataDirectory: app.getPath('userData') },
    emit: (event, payload) => broadcast(trustedOrigins, event, payload),
    credentials,
    pluggyApi,
    logger: log,
    secrets,
    connections: bankConnections,
    userName: operatingSystemUser(),
    chooseExportPath: (suggestion) => chooseExportPath(mainWindow, suggestion),
    printReport: windowReportPrinter({ preloadPath: preloadPath(), origin: devServerUrl ?? appOrigin }),
    openConnectWindow: ({ reconnect }) =>
      openConnectWindow({
        preloadPath: preloadPath(),
        url: `${devServerUrl ? new URL('connect.html', devServerUrl).toString() : `${appOrigin}/connect.html`}${
          reconnect ? `?reconnect=${encodeURIComponent(reconnect)}` : ''
        }`,
        iconPath: iconPath(),
        parent: mainWindow,
      }),
  });
  registerIpc(handlers, trustedOrigins, log);
  openMainWindow();
  // Poll at start-up, then on the timer (design.md §5), and again on waking up or coming back online.
  const connectionsRef = bankConnections;
  connectionsRef.start().catch((error: unknown) => log.warn('connections.start-failed', { error }));
  powerMonitor.on('resume', () => void connectionsRef.resume('resume'));
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) void connectionsRef.resume('online');
    online = now;
  }, 30_000).unref();
  tray = createTray({
    resourcesDir: join(app.getAppPath(), 'resources'),
    state: () => ({
      language: currentLanguage(),
      connections: connectionsRef.list(),
      paused: connectionsRef.isPaused(),
      lastSyncedAt: connectionsRef.lastSyncedAt(),
    }),
    open: showMainWindow,
    refreshAll: () => connectionsRef.refreshAll(),
    refresh: (itemId) =>
      connectionsRef.refresh(itemId).then(
        () => undefined,
        (error: unknown) => log.warn('tray.refresh-failed', { itemId, error }),
      ),
    togglePause: () => (connectionsRef.isPaused() ? connectionsRef.resume('tray') : connectionsRef.pause()),
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

const currentLanguage = () => (database ? readSettings(database.db).language : 'pt-BR');

/** A desktop notification when a sync event calls for one (rules in core/tray/notifications.ts). */
function notify(event: SyncEvent): void {
  if (!Notification.isSupported() || !bankConnections) return;
  const connection = bankConnections.list().find((candidate) => candidate.id === event.itemId);
  const notification = notificationFor(event, {
    language: currentLanguage(),
    institution: connection?.institution ?? 'Balancete',
    windowFocused: BrowserWindow.getFocusedWindow() !== null,
  });
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
