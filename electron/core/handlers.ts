import type { Db } from '../../db/open.ts';
import type { EventName, EventPayload } from '../shared/contract.ts';
import type { AppInfo } from '../shared/models.ts';
import { listAccounts } from './books/accounts.ts';
import type { HandlerMap } from './ipc/handler-map.ts';
import type { Logger, SecretRegistry } from './log.ts';
import type { CredentialStore } from './secrets/credential-store.ts';
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
  const settingsChanged = () => emit('settings:changed', readSettings(db));
  return {
    'app:info': () => appInfo,
    'settings:get': () => readSettings(db),
    'settings:update': (patch) => {
      const next = updateSettings(db, patch);
      emit('settings:changed', next);
      return next;
    },
    'accounts:list': () => listAccounts(db),
    'pluggy-account:get': () => pluggyAccount.status(),
    'pluggy-account:save': async (input) => {
      const status = await pluggyAccount.save(input);
      settingsChanged();
      return status;
    },
    'pluggy-account:use': async ({ mode }) => {
      const status = await pluggyAccount.use(mode);
      settingsChanged();
      return status;
    },
    'pluggy-account:remove': async () => {
      const status = await pluggyAccount.remove();
      settingsChanged();
      return status;
    },
  };
}
