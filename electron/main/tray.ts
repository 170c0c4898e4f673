import { Menu, nativeImage, Tray } from 'electron';
import type { Language } from '../shared/models.ts';
import { formatDateTime } from '../shared/format.ts';

/** The tray's few words, in the user's language (main has no i18next). */
const texts: Record<
  Language,
  Record<'open' | 'refresh' | 'pause' | 'resume' | 'paused' | 'never' | 'last' | 'quit', string>
> = {
  'pt-BR': {
    open: 'Abrir o Balancete',
    refresh: 'Atualizar conexões agora',
    pause: 'Pausar sincronização',
    resume: 'Retomar sincronização',
    paused: 'Sincronização pausada',
    never: 'Ainda não sincronizado',
    last: 'Última sincronização: ',
    quit: 'Sair',
  },
  en: {
    open: 'Open Balancete',
    refresh: 'Refresh connections now',
    pause: 'Pause syncing',
    resume: 'Resume syncing',
    paused: 'Syncing paused',
    never: 'Not synced yet',
    last: 'Last synced: ',
    quit: 'Quit',
  },
};

export interface TrayActions {
  iconPath: string;
  language: () => Language;
  paused: () => boolean;
  lastSyncedAt: () => string | null;
  open: () => void;
  refreshAll: () => Promise<void>;
  togglePause: () => Promise<void>;
  quit: () => void;
}

/**
 * The tray icon: sync status, refresh on demand, pause, and a way back to the window
 * while Balancete keeps syncing in the background. The menu is rebuilt whenever it may
 * have changed (`update`).
 */
export function createTray(actions: TrayActions): { update: () => void; destroy: () => void } {
  const tray = new Tray(nativeImage.createFromPath(actions.iconPath));
  let refreshing = false;
  const update = () => {
    const words = texts[actions.language()];
    const last = actions.lastSyncedAt();
    const status = actions.paused()
      ? words.paused
      : last
        ? `${words.last}${formatDateTime(last, actions.language())}`
        : words.never;
    tray.setToolTip(`Balancete — ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: status, enabled: false },
        { type: 'separator' },
        { label: words.open, click: actions.open },
        {
          label: words.refresh,
          enabled: !refreshing && !actions.paused(),
          click: () => {
            refreshing = true;
            update();
            void actions.refreshAll().finally(() => {
              refreshing = false;
              update();
            });
          },
        },
        {
          label: actions.paused() ? words.resume : words.pause,
          click: () => void actions.togglePause().finally(update),
        },
        { type: 'separator' },
        { label: words.quit, click: actions.quit },
      ]),
    );
  };
  tray.on('click', actions.open);
  update();
  return { update, destroy: () => tray.destroy() };
}
