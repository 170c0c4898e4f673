import { type BrowserWindow, session } from 'electron';
import { ConnectFlow } from '../core/connect/oauth-flow.ts';
import { createAppWindow } from './app-window.ts';
import { denyPermissions } from './hardening.ts';
import { windowBackground } from './window-theme.ts';

/** The Connect window's own session: nothing it loads shares cookies or storage with the main window. */
export const connectPartition = 'connect';

/** The flow the Connect window shows: its state goes into connect tokens and must come back in the OAuth callback. */
export const connectFlow = new ConnectFlow();

let connectWindow: BrowserWindow | null = null;

export interface ConnectWindowOptions {
  preloadPath: string;
  url: string;
  iconPath: string;
  parent: BrowserWindow | null;
}

/**
 * The Connect window (design.md §6): where a bank is linked. Sandboxed and isolated like
 * the main window, in a session partition of its own, and with the fewest channels of
 * all (window-scopes.ts): it runs Pluggy's widget. One at a time (a second request brings
 * it forward); each thing it is opened for is a Connect flow of its own.
 */
export function openConnectWindow({ preloadPath, url, iconPath, parent }: ConnectWindowOptions): void {
  connectFlow.begin();
  if (connectWindow && !connectWindow.isDestroyed()) {
    // Already open: show what was asked for now (a new link, or another reconnection).
    void connectWindow.loadURL(url);
    connectWindow.focus();
    return;
  }
  denyPermissions(session.fromPartition(connectPartition));
  const window = createAppWindow({
    kind: 'connect',
    preloadPath,
    partition: connectPartition,
    window: {
      title: 'Balancete',
      width: 520,
      height: 720,
      minWidth: 420,
      minHeight: 560,
      show: false,
      icon: iconPath,
      ...(parent ? { parent } : {}),
      backgroundColor: windowBackground(),
    },
  });
  connectWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    connectWindow = null;
    connectFlow.end();
  });
  void window.loadURL(url);
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
