import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { accounts, connections, syncRuns, transactions, transactionUserData } from '../../db/schema.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { AccountSummary, ConnectionSummary, SyncNotice, SyncRunSummary } from '../../electron/shared/models.ts';
import en from '../../renderer/src/i18n/locales/en.json' with { type: 'json' };
import ptBR from '../../renderer/src/i18n/locales/pt-BR.json' with { type: 'json' };
import { handlerSession } from '../support/handler-session.ts';
import { NoticeRecorder } from '../support/ipc-session.ts';

let notices: NoticeRecorder;
const session = handlerSession({
  deps: () => {
    notices = new NoticeRecorder();
    return { emit: notices.emit };
  },
});

/** The next notice of a kind for an item (or one already received). */
const notice = (kind: SyncNotice['kind'], itemId: string) => notices.next(kind, itemId);

const { call } = session;

describe('linking a bank in demo mode, through IPC', () => {
  it('offers the sandbox banks with the form their login needs', async () => {
    const connectors = await call<{ id: number; name: string; credentials: { name: string; validation: string }[] }[]>(
      'connectors:list',
      {},
    );
    // Pluggy Bank, its MFA variants, and the sandbox bank over Open Finance (personal, business).
    expect(connectors.map((connector) => connector.id)).toEqual([0, 2, 5, 10, 11]);
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
    // Progress came while it synced, counting up, never past what the sync read.
    const progress = notices.received.filter((each) => each.kind === 'sync-progress').map((each) => each.rowsRead);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a = 0, b = 0) => a - b));
    expect(progress.at(-1)).toBeLessThanOrEqual(updated.created ?? 0);
    expect(await call('connections:list')).toMatchObject([{ id: created.id, status: 'UPDATED', syncing: false }]);
    expect(await call<unknown[]>('accounts:list')).toHaveLength(3);
  });

  it('indexes what a sync brought for search on its own, before anyone searches', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('item-updated', created.id);
    const state = () =>
      session.database.sqlite
        .prepare(
          `SELECT (SELECT indexed_through FROM transactions_search_state) AS indexed,
             (SELECT max(rowid) FROM transactions) AS last,
             (SELECT count(*) FROM transactions_search_queue) AS queued`,
        )
        .get() as { indexed: number; last: number; queued: number };
    await vi.waitFor(() => expect(state()).toMatchObject({ indexed: state().last, queued: 0 }), { timeout: 10_000 });
    expect(state().last).toBeGreaterThan(500);
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

  it('reports a new link the bank refused, with who can fix it', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-wrong', password: 'password-ok' },
    });
    expect(await notice('link-failed', created.id)).toMatchObject({
      errorCode: 'INVALID_CREDENTIALS',
      fixableBy: 'app',
    });
  });

  it('refuses parameters the connector does not accept, at once', async () => {
    const result = await dispatch(session.handlers, 'connections:create', {
      connectorId: 0,
      parameters: { user: 'x' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLUGGY_VALIDATION' } });
  });
});

describe('what the tray asks for', () => {
  it('when data last came in, refresh of every connection, and pause', async () => {
    expect(session.deps.connections.lastSyncedAt()).toBeNull();
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('item-updated', created.id);
    const first = session.deps.connections.lastSyncedAt();
    expect(first).not.toBeNull();

    notices.clear();
    await session.deps.connections.refreshAll();
    expect(notices.received.some((each) => each.kind === 'item-updated' && each.itemId === created.id)).toBe(true);
    expect((session.deps.connections.lastSyncedAt() ?? '') >= (first ?? '')).toBe(true);

    await session.deps.connections.pause();
    expect(session.deps.connections.isPaused()).toBe(true);
    await session.deps.connections.resume('test');
    expect(session.deps.connections.isPaused()).toBe(false);
  });
});

describe('every sandbox username ends in the right state, with a message in plain words', () => {
  // pluggy-api.md's sandbox users, and what the app must make of each (written out here,
  // not read from the sandbox, so a change on either side shows). A new link that fails is
  // cleared away (test/integration/new-links.test.ts): the Connect window says why.
  const cases = [
    { user: 'user-ok', status: 'UPDATED', errorCode: null, fixableBy: undefined },
    { user: 'user-ok-account-error', status: 'UPDATED', errorCode: null, fixableBy: undefined },
    { user: 'user-wrong', status: 'LOGIN_ERROR', errorCode: 'INVALID_CREDENTIALS', fixableBy: 'app' },
    {
      user: 'user-account-credentials-reset',
      status: 'LOGIN_ERROR',
      errorCode: 'ACCOUNT_CREDENTIALS_RESET',
      fixableBy: 'app',
    },
    { user: 'user-locked', status: 'LOGIN_ERROR', errorCode: 'ACCOUNT_LOCKED', fixableBy: 'bank' },
    { user: 'user-account-need-actions', status: 'LOGIN_ERROR', errorCode: 'ACCOUNT_NEEDS_ACTION', fixableBy: 'bank' },
    { user: 'user-not-supported', status: 'LOGIN_ERROR', errorCode: 'USER_NOT_SUPPORTED', fixableBy: 'none' },
    { user: 'user-logged', status: 'OUTDATED', errorCode: 'ALREADY_LOGGED_IN', fixableBy: 'bank' },
    { user: 'user-error', status: 'OUTDATED', errorCode: 'UNEXPECTED_ERROR', fixableBy: 'wait' },
    { user: 'user-unavailable', status: 'OUTDATED', errorCode: 'SITE_NOT_AVAILABLE', fixableBy: 'wait' },
    { user: 'user-connection-error', status: 'OUTDATED', errorCode: 'CONNECTION_ERROR', fixableBy: 'wait' },
  ] as const;

  it.each(cases)('$user → $status $errorCode', async ({ user, status, errorCode, fixableBy }) => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user, password: 'password-ok' },
    });
    if (errorCode) {
      expect(await notice('link-failed', created.id)).toMatchObject({ errorCode, fixableBy });
      expect(await call('connections:attempt', { itemId: created.id })).toMatchObject({ failed: { errorCode } });
      expect(await call('connections:list')).toEqual([]);
    } else {
      expect((await notice('item-updated', created.id)).created).toBeGreaterThan(0);
      const [summary] = await call<ConnectionSummary[]>('connections:list');
      expect(summary).toMatchObject({ id: created.id, status, errorCode, syncing: false });
      expect(await call<unknown[]>('accounts:list')).not.toHaveLength(0);
    }
    for (const messages of [ptBR, en]) {
      // Whatever the code, the Connect window and the Connections screen have words for it in both languages.
      if (errorCode) expect(messages.connect.itemErrors[errorCode]).toMatch(/\w/);
    }
  });
});

describe('removing a connection', () => {
  /** A synced Pluggy Bank connection, one of its transactions categorized and annotated by the user. */
  async function connectedWithUserWork(): Promise<{ itemId: string; transactionId: string }> {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('item-updated', created.id);
    const row = session.database.db.select({ id: transactions.id }).from(transactions).limit(1).get();
    if (!row) throw new Error('the sync brought no transactions');
    session.database.db.insert(transactionUserData).values({ transactionId: row.id, notes: 'Nota fiscal 123' }).run();
    return { itemId: created.id, transactionId: row.id };
  }

  async function expectGoneAtPluggy(itemId: string) {
    const sandbox = await session.deps.demoSandbox();
    expect(() => sandbox?.control.items.get(itemId)).toThrow();
  }

  it("keeping its data: the item is deleted at Pluggy, the books keep every row and the user's notes", async () => {
    const { itemId, transactionId } = await connectedWithUserWork();
    const before = session.database.db.select({ id: transactions.id }).from(transactions).all().length;

    expect(await call('connections:remove', { itemId, keepData: true })).toBeNull();

    await expectGoneAtPluggy(itemId);
    expect(await call('connections:list')).toEqual([]);
    expect(session.database.db.select({ id: transactions.id }).from(transactions).all()).toHaveLength(before);
    expect(
      session.database.db
        .select()
        .from(transactionUserData)
        .where(eq(transactionUserData.transactionId, transactionId))
        .get(),
    ).toMatchObject({ notes: 'Nota fiscal 123' });
    const kept = await call<AccountSummary[]>('accounts:list');
    expect(kept).toHaveLength(3);
    expect(kept.every((account) => account.disconnected && account.closed)).toBe(true);
  });

  it("deleting its data: nothing of it is left, the user's work on it included", async () => {
    const { itemId } = await connectedWithUserWork();

    await call('connections:remove', { itemId, keepData: false });

    await expectGoneAtPluggy(itemId);
    expect(await call('connections:list')).toEqual([]);
    expect(await call('accounts:list')).toEqual([]);
    for (const table of [connections, accounts, transactions, transactionUserData, syncRuns]) {
      expect(session.database.db.select().from(table).all()).toEqual([]);
    }
  });

  it('an unknown connection is a plain not-found, and nothing changes', async () => {
    const result = await dispatch(session.handlers, 'connections:remove', { itemId: 'no-such-item', keepData: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('sync history', () => {
  it('a sync cut short when the app died shows as interrupted after a restart, not as syncing forever', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notice('item-updated', created.id);
    // What a SIGKILL mid-sync leaves (test/integration/sync/crash-safety.test.ts): a run still 'running'.
    const [connected] = session.database.db.select().from(syncRuns).all();
    session.database.db
      .insert(syncRuns)
      .values({ connectionId: created.id, trigger: 'poll', status: 'running', startedAt: new Date().toISOString() })
      .run();
    expect(await call('connections:list')).toMatchObject([{ syncing: true }]);

    await session.restart();

    // The data is still as fresh as the last sync that finished.
    expect(await call('connections:list')).toMatchObject([
      { id: created.id, syncing: false, lastSyncedAt: connected?.finishedAt },
    ]);
    expect(await call('connections:history', { itemId: created.id })).toMatchObject([
      { trigger: 'poll', status: 'failed', errorCode: 'SYNC_INTERRUPTED' },
      { trigger: 'connect', status: 'succeeded' },
    ]);
  });

  it('lists each sync, newest first, with what it brought and why it ran', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    const first = await notice('item-updated', created.id);
    await call('connections:refresh', { itemId: created.id });

    const history = await call<SyncRunSummary[]>('connections:history', { itemId: created.id });
    expect(history.map((run) => [run.trigger, run.status])).toEqual([
      ['manual', 'succeeded'],
      ['connect', 'succeeded'],
    ]);
    expect(history[1]).toMatchObject({ created: first.created, updated: 0, removed: 0, errorCode: null });
    expect((history[0]?.startedAt ?? '') >= (history[1]?.finishedAt ?? '')).toBe(true);
  });
});
