import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import type { SyncNotice } from '../../electron/shared/models.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let handlers: HandlerMap;
let deps: ReturnType<typeof testHandlerDeps>;
let notices: SyncNotice[];
let waiters: { match: (notice: SyncNotice) => boolean; resolve: (notice: SyncNotice) => void }[];

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  notices = [];
  waiters = [];
  deps = testHandlerDeps(database, {
    emit: (event, payload) => {
      if (event !== 'sync:notice') return;
      const notice = payload as SyncNotice;
      notices.push(notice);
      for (const waiter of waiters.filter((candidate) => candidate.match(notice))) waiter.resolve(notice);
    },
  });
  handlers = createHandlers(deps);
});
afterEach(async () => {
  await deps.dispose();
  database.close();
  temp.remove();
});

/** The next notice of a kind for an item (or one already received). */
function notice(kind: SyncNotice['kind'], itemId: string): Promise<SyncNotice> {
  const match = (candidate: SyncNotice) => candidate.kind === kind && candidate.itemId === itemId;
  const seen = notices.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push({ match, resolve }));
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input, { validateOutput: true });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('linking a bank in demo mode, through IPC', () => {
  it('offers the sandbox banks with the form their login needs', async () => {
    const connectors = await call<{ id: number; name: string; credentials: { name: string; validation: string }[] }[]>(
      'connectors:list',
      {},
    );
    expect(connectors.map((connector) => connector.id)).toEqual([0, 2, 5]);
    expect(connectors[0]?.credentials.map((credential) => credential.name)).toEqual(['user', 'password']);
    expect(await call('connectors:list', { search: 'MFA 2' })).toMatchObject([{ id: 5 }]);
  });

  it('connects, syncs, and shows the accounts', async () => {
    const created = await call<{ id: string; institution: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    expect(created.institution).toBe('Pluggy Bank');
    const updated = await notice('item-updated', created.id);
    expect(updated.created).toBeGreaterThan(500);
    expect(await call('connections:list')).toMatchObject([{ id: created.id, status: 'UPDATED', syncing: false }]);
    expect(await call<unknown[]>('accounts:list')).toHaveLength(3);
  });

  it('asks for the MFA token, and finishes once it is given', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 2,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('waiting-user-input', created.id);
    expect(await call('connections:list')).toMatchObject([
      { id: created.id, status: 'WAITING_USER_INPUT', waitingFor: { name: 'token', type: 'number' } },
    ]);
    await call('connections:mfa', { itemId: created.id, answer: { token: '123456' } });
    await notice('item-updated', created.id);
    expect(await call('connections:list')).toMatchObject([{ id: created.id, status: 'UPDATED', waitingFor: null }]);
  });

  it('reports a login the bank refused, with who can fix it', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-wrong', password: 'password-ok' },
    });
    expect(await notice('item-error', created.id)).toMatchObject({
      errorCode: 'INVALID_CREDENTIALS',
      fixableBy: 'app',
    });
  });

  it('refuses parameters the connector does not accept, at once', async () => {
    const result = await dispatch(handlers, 'connections:create', { connectorId: 0, parameters: { user: 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLUGGY_VALIDATION' } });
  });
});

describe('what the tray asks for', () => {
  it('when data last came in, refresh of every connection, and pause', async () => {
    expect(deps.connections.lastSyncedAt()).toBeNull();
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('item-updated', created.id);
    const first = deps.connections.lastSyncedAt();
    expect(first).not.toBeNull();

    notices = [];
    await deps.connections.refreshAll();
    expect(notices.some((each) => each.kind === 'item-updated' && each.itemId === created.id)).toBe(true);
    expect((deps.connections.lastSyncedAt() ?? '') >= (first ?? '')).toBe(true);

    await deps.connections.pause();
    expect(deps.connections.isPaused()).toBe(true);
    await deps.connections.resume('test');
    expect(deps.connections.isPaused()).toBe(false);
  });
});
