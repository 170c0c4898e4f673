import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { type WindowKind, windowKindArgument } from '../shared/window-scopes.ts';
import { shellMode } from './shell-mode.ts';

export interface AppWindowOptions {
  /** Which page the window shows, hence what it may ask of main (electron/shared/window-scopes.ts). */
  kind: WindowKind;
  preloadPath: string;
  /** A session of its own (the Connect window's). */
  partition?: string;
  /** Everything but the web preferences, which are always secureWebPreferences(). */
  window: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
  /** A hidden window that must draw at full speed (the report printer's). */
  backgroundThrottling?: boolean;
}

/** Each of our windows' kind, by web contents id, for as long as it lives. */
const kinds = new Map<number, WindowKind>();

/**
 * Every Balancete window is made here: with the secure web preferences, its kind told to
 * its preload (which exposes only that kind's channels) and remembered for main's IPC,
 * which answers each request by the sender's kind whatever the preload says.
 */
export function createAppWindow({
  kind,
  preloadPath,
  partition,
  window,
  backgroundThrottling,
}: AppWindowOptions): BrowserWindow {
  // Web preferences from secureWebPreferences() (contextIsolation, sandbox, no Auxclick), which
  // Electronegativity cannot follow: it reads only literal options.
  // (The disable must stay on the line that opens the options, hence prettier-ignore.)
  // prettier-ignore
  const created = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
    ...window,
    webPreferences: {
      ...secureWebPreferences(kind, preloadPath, partition),
      ...(backgroundThrottling === undefined ? {} : { backgroundThrottling }),
    },
  });
  const contents = created.webContents;
  const id = contents.id;
  kinds.set(id, kind);
  contents.once('destroyed', () => kinds.delete(id));
  return created;
}

/** The kind of window a request came from; null for web contents Balancete did not make (DevTools, say). */
export function windowKindOf(contents: WebContents): WindowKind | null {
  return kinds.get(contents.id) ?? null;
}

/**
 * The web preferences of every Balancete window, spelt out so a future edit cannot
 * silently weaken them: isolated, sandboxed renderer without Node, and DevTools only
 * in development.
 */
function secureWebPreferences(
  kind: WindowKind,
  preloadPath: string,
  partition: string | undefined,
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    // The preload exposes only the channels of the window's kind (electron/preload/index.ts).
    preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
    additionalArguments: [windowKindArgument(kind)],
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
    devTools: shellMode.developerTools,
    // Middle-click would otherwise try to open links in a new window.
    disableBlinkFeatures: 'Auxclick',
  };
}
