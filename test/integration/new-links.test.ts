import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, connections, syncRuns, transactions } from '../../db/schema.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { itemJson } from '../../electron/core/sandbox/serialize.ts';
import type { SandboxHandle } from '../../electron/core/sandbox/server.ts';
import { toConnectionRow } from '../../electron/core/sync/pluggy-mapping.ts';
import { trayModel } from '../../electron/core/tray/tray-model.ts';
import { connectionState } from '../../electron/shared/connection-state.ts';
import type { AccountSummary, ConnectionSummary, LinkAttempt, SyncNotice } from '../../electron/shared/models.ts';
import { Item } from '../../electron/core/pluggy/models.ts';
import { noticedSession } from '../support/noticed-session.ts';

/**
 * Linking a bank never leaves junk (issue 16): a new link that fails is cleared away at
 * Pluggy and here, the same bank linked twice is asked about before anything of the second
 * is kept, an update that brought only part of the data says what is missing, and a badge
 * is the last attempt's outcome. Through IPC, against the real demo sandbox over HTTPS.
 */
const { session, call, notices } = noticedSession();
const notice = (kind: SyncNotice['kind'], itemId: string) => notices().next(kind, itemId);

async function demoSandbox(): Promise<SandboxHandle> {
  const sandbox = await session.deps.demoSandbox();
  if (!sandbox) throw new Error('the demo sandbox was not started');
  return sandbox;
}

async function link(user: string, connectorId = 0, password = 'password-ok'): Promise<string> {
  const created = await call<ConnectionSummary>('connections:create', {
    connectorId,
    parameters: { user, password },
  });
  return created.id;
}

/** A Pluggy Bank connection, linked and synced. */
async function synced(user = 'user-ok'): Promise<string> {
  const itemId = await link(user);
  await notice('item-updated', itemId);
  return itemId;
}

const rows = (table: typeof connections | typeof accounts | typeof syncRuns | typeof transactions) =>
  session.database.db.select().from(table).all();
const accountRows = () => session.database.db.select().from(accounts).all();

async function expectGoneAtPluggy(itemId: string): Promise<void> {
  const sandbox = await demoSandbox();
  expect(() => sandbox.control.items.get(itemId)).toThrow(/not found/i);
}

describe('a new link that fails leaves nothing behind, here or at Pluggy', () => {
  const failures = [
    { user: 'user-wrong', errorCode: 'INVALID_CREDENTIALS', fixableBy: 'app' },
    { user: 'user-locked', errorCode: 'ACCOUNT_LOCKED', fixableBy: 'bank' },
    { user: 'user-unavailable', errorCode: 'SITE_NOT_AVAILABLE', fixableBy: 'wait' },
    { user: 'user-logged', errorCode: 'ALREADY_LOGGED_IN', fixableBy: 'bank' },
  ] as const;

  it.each(failures)('$user: cleared away, and the window told $errorCode', async ({ user, errorCode, fixableBy }) => {
    const itemId = await link(user);
    expect(await notice('link-failed', itemId)).toMatchObject({ errorCode, fixableBy });

    await expectGoneAtPluggy(itemId);
    expect(await call('connections:list')).toEqual([]);
    for (const table of [connections, accounts, syncRuns, transactions]) expect(rows(table)).toEqual([]);
    // The Connect window, which follows the attempt, hears why.
    expect(await call<LinkAttempt>('connections:attempt', { itemId })).toEqual({
      itemId,
      connection: null,
      failed: { institution: 'Pluggy Bank', errorCode, errorMessage: expect.any(String) as string, fixableBy },
      replacedBy: null,
    });
    // A new link is no connection to reconnect: never told as one.
    expect(notices().received.filter((each) => each.kind === 'item-error')).toEqual([]);
  });

  it('a wrong MFA code, and an MFA code that never comes, alike', async () => {
    const wrong = await link('user-ok', 2);
    await notice('waiting-user-input', wrong);
    await call('connections:mfa', { itemId: wrong, answer: { token: '000000' } });
    expect(await notice('link-failed', wrong)).toMatchObject({ errorCode: 'INVALID_CREDENTIALS_MFA' });
    await expectGoneAtPluggy(wrong);

    const unanswered = await link('user-ok', 2);
    await notice('waiting-user-input', unanswered);
    (await demoSandbox()).control.clock.advance(6 * 60 * 1000); // past the bank's 5 minutes
    await session.deps.connections.resume('test'); // the next poll finds it timed out
    expect(await notice('link-failed', unanswered)).toMatchObject({ errorCode: 'USER_INPUT_TIMEOUT' });
    await expectGoneAtPluggy(unanswered);
    expect(rows(connections)).toEqual([]);
  });

  it('a code sent after the question expired is refused, and the window hears it timed out', async () => {
    const itemId = await link('user-ok', 2);
    await notice('waiting-user-input', itemId);
    (await demoSandbox()).control.clock.advance(6 * 60 * 1000);
    const late = await dispatch(session.handlers, 'connections:mfa', { itemId, answer: { token: '123456' } });
    expect(late).toMatchObject({ ok: false });
    expect(await notice('link-failed', itemId)).toMatchObject({ errorCode: 'USER_INPUT_TIMEOUT', fixableBy: 'app' });
    await expectGoneAtPluggy(itemId);
  });

  it('trying again makes one connection: the failed attempt left no second one', async () => {
    const failed = await link('user-ok', 0, 'wrong-password');
    await notice('link-failed', failed);
    const again = await synced();
    expect((await call<ConnectionSummary[]>('connections:list')).map((each) => each.id)).toEqual([again]);
    expect([...(await demoSandbox()).control.items.all().map((item) => item.id)]).toEqual([again]);
  });

  it('a connection whose data is kept keeps it when its login later fails, and is offered Reconectar', async () => {
    const itemId = await synced();
    const before = rows(transactions).length;
    notices().clear();
    await call('connections:reconnect', { itemId, parameters: { user: 'user-wrong', password: 'password-ok' } });
    expect(await notice('item-error', itemId)).toMatchObject({ errorCode: 'INVALID_CREDENTIALS', fixableBy: 'app' });

    const [summary] = await call<ConnectionSummary[]>('connections:list');
    expect(summary).toMatchObject({ id: itemId, status: 'LOGIN_ERROR', errorCode: 'INVALID_CREDENTIALS' });
    expect(connectionState(summary as ConnectionSummary)).toBe('reconnect');
    expect(rows(transactions)).toHaveLength(before);
    expect((await demoSandbox()).control.items.get(itemId).status).toBe('LOGIN_ERROR');
    expect(notices().received.some((each) => each.kind === 'link-failed')).toBe(false);
  });

  it('one an older version kept after a failed first login is cleared away at start-up', async () => {
    await call('connectors:list', {}); // starts demo mode's sandbox
    const sandbox = await demoSandbox();
    const junk = sandbox.control.items.create(0, { user: 'user-wrong', password: 'password-ok' }, {});
    // What Pluggy answers for it, as an older version recorded it.
    const item = Item.parse(itemJson(sandbox.control.items.get(junk.id), sandbox.control.items));
    session.database.db
      .insert(connections)
      .values({ ...toConnectionRow(item), mode: 'demo' })
      .run();
    expect(await call<ConnectionSummary[]>('connections:list')).toMatchObject([{ status: 'LOGIN_ERROR' }]);

    await session.deps.connections.start();
    await notice('link-failed', junk.id);
    expect(await call('connections:list')).toEqual([]);
    await expectGoneAtPluggy(junk.id);
  });
});

describe('the same bank linked twice', () => {
  /** The first connection, synced, and a second link of the same bank waiting on the question. */
  async function linkedTwice(): Promise<{ first: string; second: string }> {
    const first = await synced();
    notices().clear();
    const second = await link('user-ok');
    await notice('duplicate-found', second);
    return { first, second };
  }

  it('is asked about before anything of the second is kept, naming what it would bring again', async () => {
    const { first, second } = await linkedTwice();
    const written = { accounts: rows(accounts), runs: rows(syncRuns), transactions: rows(transactions).length };
    const firstAccounts = (await call<AccountSummary[]>('accounts:list')).map((account) => account.displayName);

    const summary = (await call<ConnectionSummary[]>('connections:list')).find((each) => each.id === second);
    expect(summary).toMatchObject({
      status: 'UPDATED',
      lastSyncedAt: null,
      accountCount: 0,
      duplicateOf: { connectionId: first, institution: 'Pluggy Bank', accounts: firstAccounts },
    });
    expect(connectionState(summary as ConnectionSummary)).toBe('question');

    // Updated and looked at again while the question waits: still nothing written, and asked once.
    await call('connections:refresh', { itemId: second });
    expect(rows(accounts)).toEqual(written.accounts);
    expect(rows(syncRuns)).toEqual(written.runs);
    expect(rows(transactions)).toHaveLength(written.transactions);
    expect(notices().received.filter((each) => each.kind === 'duplicate-found')).toHaveLength(1);
    expect(notices().received.some((each) => each.kind === 'item-updated' && each.itemId === second)).toBe(false);
  });

  it('reconnect the existing one: the new item is deleted at Pluggy and the existing one updated', async () => {
    const { first, second } = await linkedTwice();
    const before = rows(transactions).length;

    const answer = await call<ConnectionSummary>('connections:resolve-duplicate', {
      itemId: second,
      keep: 'existing',
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    expect(answer.id).toBe(first);
    await expectGoneAtPluggy(second);
    await notice('item-updated', first);

    expect((await call<ConnectionSummary[]>('connections:list')).map((each) => each.id)).toEqual([first]);
    expect(rows(connections).map((row) => row.id)).toEqual([first]);
    expect(accountRows().every((row) => row.connectionId === first)).toBe(true);
    expect(rows(transactions).length).toBeGreaterThanOrEqual(before);
    expect(await call('connections:history', { itemId: first })).toMatchObject([
      { trigger: 'manual', status: 'succeeded' },
      { trigger: 'connect', status: 'succeeded' },
    ]);
    expect(await call<LinkAttempt>('connections:attempt', { itemId: second })).toEqual({
      itemId: second,
      connection: null,
      failed: null,
      replacedBy: first,
    });
  });

  it('keep both: the second is synced too, its accounts told apart by name', async () => {
    const { first, second } = await linkedTwice();
    const answer = await call<ConnectionSummary>('connections:resolve-duplicate', { itemId: second, keep: 'both' });
    expect(answer).toMatchObject({ id: second, duplicateOf: null });
    await notice('item-updated', second);

    expect((await call<ConnectionSummary[]>('connections:list')).map((each) => each.id).sort()).toEqual(
      [first, second].sort(),
    );
    const names = (await call<AccountSummary[]>('accounts:list')).map((account) => account.displayName);
    expect(names).toHaveLength(6);
    expect(new Set(names).size).toBe(6);
    // Answered: never asked again.
    await call('connections:refresh', { itemId: second });
    expect(notices().received.filter((each) => each.kind === 'duplicate-found')).toHaveLength(1);
  });

  it('an answer nobody is waiting for is refused, and changes nothing', async () => {
    const first = await synced();
    expect(
      await dispatch(session.handlers, 'connections:resolve-duplicate', { itemId: first, keep: 'existing' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('connections:list')).toMatchObject([{ id: first }]);
  });

  it('another bank is no duplicate', async () => {
    await synced();
    const other = await link('user-ok', 2);
    await notice('waiting-user-input', other);
    await call('connections:mfa', { itemId: other, answer: { token: '123456' } });
    await notice('item-updated', other);
    expect(notices().received.some((each) => each.kind === 'duplicate-found')).toBe(false);
  });
});

describe('an update that brings only part of the data', () => {
  it('says which products failed, on the connection and in the tray, and is never "up to date"', async () => {
    const itemId = await link('user-ok-account-error');
    const updated = await notice('item-updated', itemId);
    expect(updated.created).toBeGreaterThan(0);

    const [summary] = await call<ConnectionSummary[]>('connections:list');
    expect(summary).toMatchObject({
      status: 'UPDATED',
      executionStatus: 'PARTIAL_SUCCESS',
      partial: { products: [{ product: 'transactions', warnings: [expect.stringMatching(/\w/) as string] }] },
    });
    expect(connectionState(summary as ConnectionSummary)).toBe('partial');
    const tray = trayModel({
      language: 'pt-BR',
      connections: [summary as ConnectionSummary],
      paused: false,
      lastSyncedAt: summary?.lastSyncedAt ?? null,
      refreshing: new Set(),
      refreshingAll: false,
    });
    expect(tray.menu).toContainEqual({ kind: 'label', label: 'Pluggy Bank: atualizada em parte (faltou: transações)' });
  });

  it('a complete update after it is "up to date" again', async () => {
    const itemId = await synced('user-ok-account-error');
    notices().clear();
    await call('connections:reconnect', { itemId, parameters: { user: 'user-ok', password: 'password-ok' } });
    await notice('item-updated', itemId);
    const [summary] = await call<ConnectionSummary[]>('connections:list');
    expect(summary).toMatchObject({ executionStatus: 'SUCCESS', partial: null });
    expect(connectionState(summary as ConnectionSummary)).toBe('ok');
  });
});

describe('the badge is the last attempt’s outcome', () => {
  it('a refresh whose sync fails after a success shows the failure, until one succeeds', async () => {
    const itemId = await synced();
    const [good] = await call<ConnectionSummary[]>('connections:list');
    expect(connectionState(good as ConnectionSummary)).toBe('ok');

    const sandbox = await demoSandbox();
    sandbox.control.faults.add({ kind: 'server-error', status: 500, path: '/v2/transactions' });
    const refused = await dispatch(session.handlers, 'connections:refresh', { itemId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PLUGGY_SERVER' } });

    const [failed] = await call<ConnectionSummary[]>('connections:list');
    expect(failed).toMatchObject({
      status: 'UPDATED',
      lastSyncedAt: good?.lastSyncedAt,
      syncFailure: { errorCode: 'PLUGGY_SERVER', at: expect.any(String) as string },
    });
    expect(connectionState(failed as ConnectionSummary)).toBe('sync-failed');

    sandbox.control.faults.clear();
    await call('connections:refresh', { itemId });
    const [again] = await call<ConnectionSummary[]>('connections:list');
    expect(again).toMatchObject({ syncFailure: null });
    expect(connectionState(again as ConnectionSummary)).toBe('ok');
  });
});

describe('removing a connection that never synced', () => {
  it('leaves nothing, even asked to keep its data: there is none', async () => {
    const itemId = await link('user-ok', 2);
    await notice('waiting-user-input', itemId);
    expect(await call('connections:list')).toMatchObject([{ id: itemId, accountCount: 0, lastSyncedAt: null }]);

    await call('connections:remove', { itemId, keepData: true });
    await expectGoneAtPluggy(itemId);
    expect(rows(connections)).toEqual([]);
    expect(rows(syncRuns)).toEqual([]);
  });

  it('one with data counts its accounts, hidden or closed ones too', async () => {
    const itemId = await synced();
    const [hidden] = accountRows();
    session.database.db
      .update(accounts)
      .set({ hiddenAt: new Date().toISOString() })
      .where(eq(accounts.id, hidden?.id ?? ''))
      .run();
    expect(await call('connections:list')).toMatchObject([{ id: itemId, accountCount: 3 }]);
  });
});
