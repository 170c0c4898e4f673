import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default one offers DevTools and reloading (View →
 * Toggle Developer Tools, Ctrl+Shift+I, Ctrl+R): development keeps it, the product has
 * none of that. macOS needs a menu for the app itself (About, Hide, Quit) and for the
 * Edit shortcuts (copy, paste) to work; on Windows and Linux the windows have no menu bar.
 */
export function installAppMenu(developerTools: boolean): void {
  if (developerTools) return;
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate(productMenu) : null);
}

const productMenu: MenuItemConstructorOptions[] = [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
