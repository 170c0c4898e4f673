import { type ConnectionState, connectionState, needsUser } from '../../shared/connection-state.ts';
import { bookkeepingDate, formatDate, formatDateTime } from '../../shared/format.ts';
import type { ConnectionSummary, Language } from '../../shared/models.ts';
import { missingProducts } from './product-words.ts';

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
      question: 'aguardando sua resposta',
      reconnect: 'precisa reconectar',
      outdated: 'desatualizada',
      'sync-failed': 'a última sincronização falhou',
      partial: 'atualizada em parte',
      never: 'ainda não sincronizada',
      'consent-expiring': 'o consentimento termina em breve',
      'consent-expired': 'o consentimento terminou; renove em Conexões',
      'other-mode': 'não atualiza neste modo',
    },
    missing: (what: string) => `faltou: ${what}`,
    consentEnds: (day: string) => `o consentimento termina em ${day}; renove em Conexões`,
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
      question: 'waiting for your answer',
      reconnect: 'needs reconnecting',
      outdated: 'out of date',
      'sync-failed': 'the last sync failed',
      partial: 'partly updated',
      never: 'not synced yet',
      'consent-expiring': 'the consent ends soon',
      'consent-expired': 'the consent ended; renew it in Connections',
      'other-mode': 'not updated in this mode',
    },
    missing: (what: string) => `missing: ${what}`,
    consentEnds: (day: string) => `the consent ends on ${day}; renew it in Connections`,
  },
} as const;

/** One connection's line: its state, and for a partial update what is missing. */
function statusLine(connection: ConnectionSummary, state: ConnectionState, language: Language): string {
  const words = texts[language];
  if (state === 'consent-expiring' && connection.consent) {
    return `${connection.institution}: ${words.consentEnds(formatDate(bookkeepingDate(connection.consent.expiresAt)))}`;
  }
  const missing = state === 'partial' && connection.partial ? missingProducts(connection.partial, language) : '';
  return `${connection.institution}: ${words.status[state]}${missing ? ` (${words.missing(missing)})` : ''}`;
}

/**
 * The tray icon, tooltip and menu for a state: a status line per connection, refresh of
 * all or one, the window, pause/resume, quit. Pure, so the rules are unit-tested.
 */
export function trayModel(state: TrayState): TrayModel {
  const words = texts[state.language];
  // The other mode's connections are not updated from here: the tray leaves them out.
  const states = state.connections
    .filter((connection) => connection.followed)
    .map((connection) => ({
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
          label: statusLine(connection, s, state.language),
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
              enabled: canRefresh && !['syncing', 'reconnect', 'question', 'consent-expired'].includes(s),
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
