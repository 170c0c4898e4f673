import type { Db } from '../../db/open.ts';
import type { EventName, EventPayload } from '../shared/contract.ts';
import type { AppInfo } from '../shared/models.ts';
import { listAccounts } from './books/accounts.ts';
import type { HandlerMap } from './ipc/handler-map.ts';
import { readSettings, updateSettings } from './settings/settings-store.ts';

export interface HandlerDeps {
  db: Db;
  appInfo: AppInfo;
  /** Pushes an event to every window (main) or to the page (E2E bridge). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

/** Every IPC channel's implementation. Main and the E2E bridge both serve exactly this map. */
export function createHandlers({ db, appInfo, emit }: HandlerDeps): HandlerMap {
  return {
    'app:info': () => appInfo,
    'settings:get': () => readSettings(db),
    'settings:update': (patch) => {
      const next = updateSettings(db, patch);
      emit('settings:changed', next);
      return next;
    },
    'accounts:list': () => listAccounts(db),
  };
}
