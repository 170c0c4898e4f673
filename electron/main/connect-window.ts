import { BrowserWindow, session } from 'electron';
import { denyPermissions } from './hardening.ts';
import { secureWebPreferences } from './main-window.ts';

/** The Connect window's own session: nothing it loads shares cookies or storage with the main window. */
export const connectPartition = 'connect';

let connectWindow: BrowserWindow | null = null;

export interface ConnectWindowOptions {
  preloadPath: string;
  url: string;
  iconPath: string;
  parent: BrowserWindow | null;
}

/**
 * The Connect window (design.md §6): where a bank is linked. Sandboxed and isolated like
 * the main window, in a session partition of its own; one at a time (a second request
 * brings it forward).
 */
export function openConnectWindow({ preloadPath, url, iconPath, parent }: ConnectWindowOptions): void {
  if (connectWindow && !connectWindow.isDestroyed()) {
    // Already open: show what was asked for now (a new link, or another reconnection).
    void connectWindow.loadURL(url);
    connectWindow.focus();
    return;
  }
  denyPermissions(session.fromPartition(connectPartition));
  // Web preferences from secureWebPreferences() (contextIsolation, sandbox, no Auxclick), which
  // Electronegativity cannot follow: it reads only literal options.
  // (The disable must stay on the line that opens the options, hence prettier-ignore.)
  // prettier-ignore
  connectWindow = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
    title: 'Balancete',
    width: 520,
    height: 720,
    minWidth: 420,
    minHeight: 560,
    show: false,
    icon: iconPath,
    ...(parent ? { parent } : {}),
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath, connectPartition),
  });
  connectWindow.once('ready-to-show', () => connectWindow?.show());
  connectWindow.on('closed', () => {
    connectWindow = null;
  });
  void connectWindow.loadURL(url);
}

/**
 * Brings the Connect window forward, as when the user comes back from a bank's login in
 * the browser (the balancete:// deep link). False when there is none open.
 */
export function focusConnectWindow(): boolean {
  if (!connectWindow || connectWindow.isDestroyed()) return false;
  if (connectWindow.isMinimized()) connectWindow.restore();
  connectWindow.show();
  connectWindow.focus();
  return true;
}
