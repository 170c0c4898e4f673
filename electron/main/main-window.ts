import { BrowserWindow, type WebPreferences } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  /** Window and taskbar icon (Linux and Windows; macOS takes the bundle's). */
  iconPath: string;
}

/** The main window. */
export function createMainWindow({ preloadPath, url, iconPath }: MainWindowOptions): BrowserWindow {
  // Its web preferences come from secureWebPreferences() below (contextIsolation, sandbox, no
  // Auxclick), which Electronegativity cannot follow: it reads only literal options.
  // (The disable must stay on the line that opens the options, hence prettier-ignore.)
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
    title: 'Balancete',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f7f9',
    icon: iconPath,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

/**
 * The web preferences of every Balancete window, spelt out so a future edit cannot
 * silently weaken them: isolated, sandboxed renderer without Node.
 */
export function secureWebPreferences(preloadPath: string, partition?: string): WebPreferences {
  return {
    // The preload exposes only the contract's channels (electron/preload/index.ts).
    preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
    ...(partition ? { partition } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click would otherwise try to open links in a new window.
    disableBlinkFeatures: 'Auxclick',
  };
}
