import { join } from 'node:path';
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import {
  type TrayAction,
  type TrayIcon,
  type TrayMenuItem,
  trayModel,
  type TrayState,
} from '../core/tray/tray-model.ts';

export interface TrayActions {
  resourcesDir: string;
  /** The app's state now, less what the tray itself tracks (refreshes it started). */
  state: () => Omit<TrayState, 'refreshing' | 'refreshingAll'>;
  open: () => void;
  refreshAll: () => Promise<void>;
  refresh: (itemId: string) => Promise<void>;
  togglePause: () => Promise<void>;
  quit: () => void;
}

const iconFiles: Record<TrayIcon, string> = {
  ok: 'tray.png',
  syncing: 'tray-syncing.png',
  attention: 'tray-attention.png',
};

/**
 * The tray icon: sync status, refresh on demand, pause, and a way back to the window
 * while Balancete keeps syncing in the background. What it shows comes from trayModel
 * (core/tray), a pure function of the app's state; this only draws it and runs the clicks.
 * `update` redraws, whenever the state may have changed.
 */
export function createTray(actions: TrayActions): { update: () => void; destroy: () => void } {
  // The @2x files next to each icon are picked up by nativeImage on high-density screens.
  const icons = Object.fromEntries(
    Object.entries(iconFiles).map(([icon, file]) => [
      icon,
      nativeImage.createFromPath(join(actions.resourcesDir, file)),
    ]),
  ) as Record<TrayIcon, Electron.NativeImage>;
  const tray = new Tray(icons.ok);
  const refreshing = new Set<string>();
  let refreshingAll = false;

  const track = (work: Promise<void>, done: () => void) => {
    update();
    void work.finally(() => {
      done();
      update();
    });
  };
  const run = (action: TrayAction) => {
    if (typeof action === 'object') {
      refreshing.add(action.refresh);
      track(actions.refresh(action.refresh), () => refreshing.delete(action.refresh));
      return;
    }
    switch (action) {
      case 'refresh-all':
        refreshingAll = true;
        track(actions.refreshAll(), () => (refreshingAll = false));
        return;
      case 'toggle-pause':
        track(actions.togglePause(), () => undefined);
        return;
      case 'open':
        actions.open();
        return;
      case 'quit':
        actions.quit();
    }
  };
  const toTemplate = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => run(item.action) };
      case 'submenu':
        return { label: item.label, enabled: item.enabled, submenu: item.items.map(toTemplate) };
    }
  };

  function update(): void {
    const model = trayModel({ ...actions.state(), refreshing, refreshingAll });
    tray.setImage(icons[model.icon]);
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.menu.map(toTemplate)));
  }

  tray.on('click', actions.open);
  update();
  return { update, destroy: () => tray.destroy() };
}
