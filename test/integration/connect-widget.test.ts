import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { syncRuns } from '../../db/schema.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { ConnectToken, SyncNotice } from '../../electron/shared/models.ts';
import { ownPluggySession } from '../support/own-pluggy-session.ts';

/**
 * The Connect window in own mode, through IPC: main makes the connect token Pluggy's widget
 * opens with, and takes in the item the widget reports only once it has read it back with
 * its own key. The sandbox plays Pluggy (over HTTPS) and the widget's calls are made here
 * with the token, as the widget would make them.
 */
const own = ownPluggySession();
const { call } = own;

/** The next notice of a kind for an item (or one already received). */
const notice = (kind: SyncNotice['kind'], itemId: string) => own.notices.next(kind, itemId);

/** The user's own Pluggy application: the sandbox's keys, kept in the (test) keychain. */
async function useOwnApplication(): Promise<void> {
  await call('pluggy-account:save', own.pluggy.sandbox.credentials);
}

/** What the widget does with the token: logs in to the sandbox bank, creating the item. */
async function createItemAsTheWidget(connectToken: string, user = 'user-ok'): Promise<string> {
  const created = await own.pluggy.call('POST', '/items', {
    key: connectToken,
    body: { connectorId: 0, parameters: { user, password: 'password-ok' } },
  });
  expect(created.status).toBe(200);
  return (created.body as { id: string }).id;
}

describe('connect-token:create', () => {
  it('is refused in demo mode: the widget talks to Pluggy, never to the embedded sandbox', async () => {
    expect(await dispatch(own.handlers, 'connect-token:create', {})).toMatchObject({
      ok: false,
      error: { code: 'CONNECT_WIDGET_OWN_ONLY' },
    });
  });

  it('gives a connect token the sandbox issued, sending OAuth logins back through balancete://, and nothing else', async () => {
    await useOwnApplication();
    const answer = await call<ConnectToken>('connect-token:create', {});
    expect(Object.keys(answer).sort()).toEqual(['connectToken', 'updateItem']);
    expect(answer.updateItem).toBeNull();
    expect(decodeJwt(answer.connectToken)).toMatchObject({
      typ: 'connect_token',
      options: { oauthRedirectUri: 'balancete://oauth-callback' },
    });
    expect(decodeJwt(answer.connectToken).itemId).toBeUndefined();

    // Pluggy (the sandbox) takes it for what the widget does, and for nothing an API key does.
    expect((await own.pluggy.call('GET', '/connectors?sandbox=true', { key: answer.connectToken })).status).toBe(200);
    expect((await own.pluggy.call('POST', '/connect_token', { key: answer.connectToken, body: {} })).status).toBe(403);
    expect((await own.pluggy.call('GET', '/categories', { key: answer.connectToken })).status).toBe(403);

    // Main's own secrets (client secret, API key) are registered for redaction: none is in the answer.
    const rest = JSON.stringify(answer).replace(answer.connectToken, '');
    expect(own.deps.secrets.redact(rest)).toBe(rest);
    expect(rest).not.toContain(own.pluggy.sandbox.credentials.clientSecret);
  });

  it('to reconnect, binds the token to that connection only, and only to one we keep', async () => {
    await useOwnApplication();
    const first = await call<ConnectToken>('connect-token:create', {});
    const itemId = await createItemAsTheWidget(first.connectToken);
    await call('connections:adopt', { itemId });
    await notice('item-updated', itemId);
    const other = await createItemAsTheWidget((await call<ConnectToken>('connect-token:create', {})).connectToken);

    const reconnect = await call<ConnectToken>('connect-token:create', { itemId });
    expect(reconnect.updateItem).toBe(itemId);
    expect(decodeJwt(reconnect.connectToken)).toMatchObject({ typ: 'connect_token', itemId });
    expect((await own.pluggy.call('GET', `/items/${itemId}`, { key: reconnect.connectToken })).status).toBe(200);
    expect((await own.pluggy.call('GET', `/items/${other}`, { key: reconnect.connectToken })).status).toBe(403);

    // `other` exists at Pluggy but Balancete does not keep it; an id Pluggy never saw neither.
    for (const unknown of [other, '00000000-0000-4000-8000-000000000000']) {
      expect(await dispatch(own.handlers, 'connect-token:create', { itemId: unknown })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(await dispatch(own.handlers, 'connect-token:create', { itemId: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('connections:adopt', () => {
  it('reads the item the widget created back from Pluggy, keeps it, and syncs it', async () => {
    await useOwnApplication();
    const { connectToken } = await call<ConnectToken>('connect-token:create', {});
    const itemId = await createItemAsTheWidget(connectToken);

    const adopted = await call<{ id: string; institution: string }>('connections:adopt', { itemId });
    expect(adopted).toMatchObject({ id: itemId, institution: 'Pluggy Bank' });
    expect((await notice('item-updated', itemId)).created).toBeGreaterThan(500);
    expect(await call('connections:list')).toMatchObject([{ id: itemId, status: 'UPDATED', syncing: false }]);
    expect(await call<unknown[]>('accounts:list')).toHaveLength(3);
    expect(own.database.db.select({ trigger: syncRuns.trigger }).from(syncRuns).all()).toEqual([
      { trigger: 'connect' },
    ]);
  });

  it('after a reconnection in the widget, takes the update in as a manual refresh of the same connection', async () => {
    await useOwnApplication();
    const itemId = await createItemAsTheWidget((await call<ConnectToken>('connect-token:create', {})).connectToken);
    await call('connections:adopt', { itemId });
    await notice('item-updated', itemId);

    const { connectToken } = await call<ConnectToken>('connect-token:create', { itemId });
    const patched = await own.pluggy.call('PATCH', `/items/${itemId}`, {
      key: connectToken,
      body: { parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    expect(patched.status).toBe(200);
    own.notices.clear();
    await call('connections:adopt', { itemId });
    await notice('item-updated', itemId);
    expect(await call<unknown[]>('connections:list')).toHaveLength(1);
    expect(
      own.database.db
        .select({ trigger: syncRuns.trigger })
        .from(syncRuns)
        .all()
        .map((run) => run.trigger),
    ).toEqual(['connect', 'manual']);
  });

  it('refuses an id Pluggy does not know for this application, in plain words, and keeps nothing', async () => {
    await useOwnApplication();
    const result = await dispatch(own.handlers, 'connections:adopt', {
      itemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLUGGY_NOT_FOUND' } });
    expect(await call('connections:list')).toEqual([]);
    expect(await dispatch(own.handlers, 'connections:adopt', { itemId: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('new links made in the widget follow the same rules', () => {
  it('a login that failed in the widget is deleted at Pluggy once handed over, and nothing is kept', async () => {
    await useOwnApplication();
    const itemId = await createItemAsTheWidget(
      (await call<ConnectToken>('connect-token:create', {})).connectToken,
      'user-locked',
    );
    // The widget reports it through onError; the Connect page hands it over when the widget closes.
    await call('connections:adopt', { itemId });
    expect(await notice('link-failed', itemId)).toMatchObject({ errorCode: 'ACCOUNT_LOCKED', fixableBy: 'bank' });
    expect(() => own.pluggy.sandbox.control.items.get(itemId)).toThrow(/not found/i);
    expect(await call('connections:list')).toEqual([]);
    expect(own.database.db.select().from(syncRuns).all()).toEqual([]);
  });

  it('the same bank again is asked about; reconnecting the existing one deletes the new item and refreshes it', async () => {
    await useOwnApplication();
    const first = await createItemAsTheWidget((await call<ConnectToken>('connect-token:create', {})).connectToken);
    await call('connections:adopt', { itemId: first });
    await notice('item-updated', first);
    const second = await createItemAsTheWidget((await call<ConnectToken>('connect-token:create', {})).connectToken);
    own.notices.clear();
    await call('connections:adopt', { itemId: second });
    await notice('duplicate-found', second);
    expect(await call('connections:list')).toMatchObject([
      { id: first, duplicateOf: null },
      { id: second, accountCount: 0, duplicateOf: { connectionId: first } },
    ]);

    // The widget has no credentials to give: the existing connection is refreshed.
    expect(await call('connections:resolve-duplicate', { itemId: second, keep: 'existing' })).toMatchObject({
      id: first,
    });
    await notice('item-updated', first);
    expect(() => own.pluggy.sandbox.control.items.get(second)).toThrow(/not found/i);
    expect(await call('connections:list')).toMatchObject([{ id: first }]);
    expect(await call<unknown[]>('connections:list')).toHaveLength(1);
  });
});
