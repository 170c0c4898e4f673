import type { Db } from '../../db/open.ts';
import type { EventName, EventPayload } from '../shared/contract.ts';
import type { AppInfo } from '../shared/models.ts';
import { listAccounts } from './books/accounts.ts';
import type { HandlerMap } from './ipc/handler-map.ts';
import type { Logger, SecretRegistry } from './log.ts';
import type { CredentialStore } from './secrets/credential-store.ts';
import type { BankConnections } from './sync/bank-connections.ts';
import { PluggyAccount, type PluggyApiTarget } from './settings/pluggy-account.ts';
import { readSettings, updateSettings } from './settings/settings-store.ts';

export interface HandlerDeps {
  db: Db;
  appInfo: AppInfo;
  /** Pushes an event to every window (main) or to the page (E2E bridge). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  credentials: CredentialStore;
  /** Where the user's own Pluggy application is checked: Pluggy's API (a sandbox in tests). */
  pluggyApi: PluggyApiTarget;
  logger: Logger;
  secrets: SecretRegistry;
  /** The bank connections and their syncing, for the current Pluggy mode. */
  connections: BankConnections;
  /** Opens the Connect window (to reconnect one item, if given): a shell job, or a new page in the E2E bridge. */
  openConnectWindow: (options: { reconnect?: string }) => void | Promise<void>;
}

/** Every IPC channel's implementation. Main and the E2E bridge both serve exactly this map. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  const { db, appInfo, emit } = deps;
  const pluggyAccount = new PluggyAccount({
    db,
    credentials: deps.credentials,
    api: deps.pluggyApi,
    logger: deps.logger,
    secrets: deps.secrets,
  });
  const { connections } = deps;
  const settingsChanged = () => emit('settings:changed', readSettings(db));
  /** A new Pluggy mode means another client and another sync engine. */
  const pluggyModeChanged = async () => {
    settingsChanged();
    await connections.modeChanged();
    await connections.start().catch((error: unknown) => deps.logger.warn('connections.start-failed', { error }));
  };
  return {
    'app:info': () => appInfo,
    'settings:get': () => readSettings(db),
    'settings:update': async (patch) => {
      const next = updateSettings(db, patch);
      if (patch.syncIntervalMinutes !== undefined) await connections.syncIntervalChanged();
      emit('settings:changed', next);
      return next;
    },
    'accounts:list': () => listAccounts(db),
    'pluggy-account:get': () => pluggyAccount.status(),
    'pluggy-account:save': async (input) => {
      const status = await pluggyAccount.save(input);
      await pluggyModeChanged();
      return status;
    },
    'pluggy-account:use': async ({ mode }) => {
      const status = await pluggyAccount.use(mode);
      await pluggyModeChanged();
      return status;
    },
    'pluggy-account:remove': async () => {
      const status = await pluggyAccount.remove();
      await pluggyModeChanged();
      return status;
    },
    'connectors:list': (input) => connections.connectors(input?.search),
    'connections:list': () => connections.list(),
    'connections:create': ({ connectorId, parameters }) => connections.connect(connectorId, parameters),
    'connections:mfa': ({ itemId, answer }) => connections.answerMfa(itemId, answer),
    'connections:refresh': ({ itemId }) => connections.refresh(itemId),
    'connect-window:open': async (input) => {
      await deps.openConnectWindow(input ?? {});
      return null;
    },
    'connections:reconnect': ({ itemId, parameters }) => connections.reconnect(itemId, parameters),
    'connections:remove': async ({ itemId, keepData }) => {
      await connections.remove(itemId, { keepData });
      return null;
    },
    'connections:history': ({ itemId }) => connections.history(itemId),
    'connect-token:create': ({ itemId }) => connections.connectToken(itemId),
    'connections:adopt': ({ itemId }) => connections.adopt(itemId),
  };
}
