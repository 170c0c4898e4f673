import type { BrowserWindow } from 'electron';
import { createAppWindow } from './app-window.ts';
import { windowBackground } from './window-theme.ts';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  /** Window and taskbar icon (Linux and Windows; macOS takes the bundle's). */
  iconPath: string;
}

/** The main window. */
export function createMainWindow({ preloadPath, url, iconPath }: MainWindowOptions): BrowserWindow {
  const window = createAppWindow({
    kind: 'main',
    preloadPath,
    window: {
      title: 'Balancete',
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      show: false,
      backgroundColor: windowBackground(),
      icon: iconPath,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
