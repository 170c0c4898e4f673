import { formatDateTime } from '../../shared/format.ts';
import type { ConnectionSummary, Language } from '../../shared/models.ts';

/** What the tray shows, decided from the app's state alone (the shell only draws it). */
export interface TrayState {
  language: Language;
  connections: readonly ConnectionSummary[];
  paused: boolean;
  lastSyncedAt: string | null;
  /** Connections a refresh asked from the tray is still working on. */
  refreshing: ReadonlySet<string>;
  refreshingAll: boolean;
}

export type TrayIcon = 'ok' | 'syncing' | 'attention';
export type TrayAction = 'open' | 'refresh-all' | 'toggle-pause' | 'quit' | { refresh: string };

export type TrayMenuItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction; enabled: boolean }
  | { kind: 'submenu'; label: string; enabled: boolean; items: TrayMenuItem[] };

export interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

const texts = {
  'pt-BR': {
    open: 'Abrir o Balancete',
    refreshAll: 'Atualizar todas as conexões',
    refreshOne: 'Atualizar uma conexão',
    pause: 'Pausar sincronização automática',
    resume: 'Retomar sincronização automática',
    paused: 'Sincronização pausada',
    never: 'Ainda não sincronizado',
    last: (when: string) => `Última sincronização: ${when}`,
    none: 'Nenhum banco conectado',
    attention: (count: number) => (count === 1 ? '1 conexão precisa de você' : `${count} conexões precisam de você`),
    quit: 'Sair do Balancete',
    status: {
      ok: 'atualizada',
      syncing: 'atualizando…',
      mfa: 'aguardando seu código',
      reconnect: 'precisa reconectar',
      outdated: 'desatualizada',
      never: 'ainda não sincronizada',
    },
  },
  en: {
    open: 'Open Balancete',
    refreshAll: 'Refresh all connections',
    refreshOne: 'Refresh one connection',
    pause: 'Pause automatic syncing',
    resume: 'Resume automatic syncing',
    paused: 'Syncing paused',
    never: 'Not synced yet',
    last: (when: string) => `Last synced: ${when}`,
    none: 'No bank connected',
    attention: (count: number) => (count === 1 ? '1 connection needs you' : `${count} connections need you`),
    quit: 'Quit Balancete',
    status: {
      ok: 'up to date',
      syncing: 'updating…',
      mfa: 'waiting for your code',
      reconnect: 'needs reconnecting',
      outdated: 'out of date',
      never: 'not synced yet',
    },
  },
} as const;

type ConnectionState = keyof (typeof texts)['en']['status'];

/** Where one connection stands, in the tray's few words. */
function connectionState(connection: ConnectionSummary, refreshing: boolean): ConnectionState {
  if (connection.status === 'WAITING_USER_INPUT') return 'mfa';
  if (connection.status === 'LOGIN_ERROR') return 'reconnect';
  if (refreshing || connection.syncing || connection.status === 'UPDATING' || connection.status === 'MERGING') {
    return 'syncing';
  }
  if (connection.status === 'OUTDATED') return 'outdated';
  return connection.lastSyncedAt ? 'ok' : 'never';
}

const needsUser = new Set<ConnectionState>(['mfa', 'reconnect']);

/**
 * The tray icon, tooltip and menu for a state: a status line per connection, refresh of
 * all or one, the window, pause/resume, quit. Pure, so the rules are unit-tested.
 */
export function trayModel(state: TrayState): TrayModel {
  const words = texts[state.language];
  const states = state.connections.map((connection) => ({
    connection,
    state: connectionState(connection, state.refreshingAll || state.refreshing.has(connection.id)),
  }));
  const attention = states.filter(({ state: s }) => needsUser.has(s)).length;
  const syncing = states.some(({ state: s }) => s === 'syncing');
  const icon: TrayIcon = attention > 0 ? 'attention' : syncing ? 'syncing' : 'ok';

  const summary = state.paused
    ? words.paused
    : state.lastSyncedAt
      ? words.last(formatDateTime(state.lastSyncedAt, state.language))
      : words.never;
  const tooltip = ['Balancete', summary, ...(attention > 0 ? [words.attention(attention)] : [])].join(' — ');

  const canRefresh = !state.paused && !state.refreshingAll;
  const statusLines: TrayMenuItem[] =
    states.length === 0
      ? [{ kind: 'label', label: words.none }]
      : states.map(({ connection, state: s }) => ({
          kind: 'label',
          label: `${connection.institution}: ${words.status[s]}`,
        }));
  const refreshOne: TrayMenuItem[] =
    states.length > 1
      ? [
          {
            kind: 'submenu',
            label: words.refreshOne,
            enabled: canRefresh,
            items: states.map(({ connection, state: s }) => ({
              kind: 'action',
              label: connection.institution,
              action: { refresh: connection.id },
              enabled: canRefresh && s !== 'syncing' && s !== 'reconnect',
            })),
          },
        ]
      : [];

  return {
    icon,
    tooltip,
    menu: [
      { kind: 'label', label: summary },
      ...statusLines,
      { kind: 'separator' },
      {
        kind: 'action',
        label: words.refreshAll,
        action: 'refresh-all',
        enabled: canRefresh && states.some(({ state: s }) => s !== 'syncing'),
      },
      ...refreshOne,
      { kind: 'action', label: state.paused ? words.resume : words.pause, action: 'toggle-pause', enabled: true },
      { kind: 'separator' },
      { kind: 'action', label: words.open, action: 'open', enabled: true },
      { kind: 'action', label: words.quit, action: 'quit', enabled: true },
    ],
  };
}
