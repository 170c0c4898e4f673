import { count, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncRuns, transactions } from '../../db/schema.ts';
import { createClock } from '../../electron/core/sandbox/clock.ts';
import type { SandboxHandle } from '../../electron/core/sandbox/server.ts';
import { trayModel } from '../../electron/core/tray/tray-model.ts';
import { bookkeepingDate } from '../../electron/shared/format.ts';
import type { ConnectionSummary, ConnectToken, SyncNotice } from '../../electron/shared/models.ts';
import { noticedSession } from '../support/noticed-session.ts';
import { ownPluggySession } from '../support/own-pluggy-session.ts';

/**
 * Open Finance consents end (Pluggy's `consentExpiresAt`): Balancete says until when, warns
 * from 15 days before (the connection, the tray, one notification), says why a connection
 * stopped once it ended, and renewing (a new login through the consent, in update mode)
 * moves the end forward and brings the data again. Time is the sandbox's clock, which
 * Balancete's consent warnings follow in tests.
 */
const day = 24 * 3600 * 1000;

describe('in demo mode, with the sandbox bank over Open Finance', () => {
  const { session, call, notices } = noticedSession();
  let sandbox: SandboxHandle;

  beforeEach(async () => {
    await call('connectors:list', {}); // starts demo mode's sandbox
    sandbox = (await session.deps.demoSandbox()) as SandboxHandle;
    sandbox.control.setConsentDuration(30 * day);
  });

  const connection = async (id: string) =>
    (await call<ConnectionSummary[]>('connections:list')).find((each) => each.id === id) as ConnectionSummary;
  /** Moves the sandbox's clock (and so Balancete's consent time) to `ms` before the consent's end, and polls. */
  const pollAt = async (end: number, before: number) => {
    sandbox.control.clock.advance(end - before - sandbox.control.clock.now());
    await session.deps.connections.resume('test');
  };
  const told = (kind: SyncNotice['kind'], itemId: string) =>
    notices().received.filter((notice) => notice.kind === kind && notice.itemId === itemId);
  const tray = (connections: ConnectionSummary[]) =>
    trayModel({
      language: 'pt-BR',
      connections,
      paused: false,
      lastSyncedAt: null,
      refreshing: new Set(),
      refreshingAll: false,
    });

  it('says until when, warns once from 15 days before, says why it stopped, and a renewal brings it back', async () => {
    const { id } = await call<ConnectionSummary>('connections:create', {
      connectorId: 10,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notices().next('item-updated', id);
    const first = await connection(id);
    const end = Date.parse(first.consent?.expiresAt ?? '');
    expect(first).toMatchObject({ openFinance: true, consent: { state: 'valid', daysLeft: 30 } });
    // The end Pluggy (the sandbox) gave, 30 days after the login.
    const { items } = sandbox.control;
    expect(end).toBe(items.consentExpiresAt(items.get(id)));

    await pollAt(end, 16 * day);
    expect((await connection(id)).consent).toMatchObject({ state: 'valid', daysLeft: 16 });
    expect(told('consent-expiring', id)).toEqual([]);

    await pollAt(end, 15 * day);
    const ending = await connection(id);
    expect(ending).toMatchObject({ status: 'UPDATED', consent: { state: 'expiring', daysLeft: 15 } });
    expect(told('consent-expiring', id)).toHaveLength(1);
    const line = (model: ReturnType<typeof tray>) =>
      model.menu.find((item) => item.kind === 'label' && item.label.startsWith('Pluggy Bank Open Finance:'));
    const day15 = new Date(end).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
    expect(line(tray([ending]))).toEqual({
      kind: 'label',
      label: `Pluggy Bank Open Finance: o consentimento termina em ${day15}; renove em Conexões`,
    });
    expect(tray([ending]).icon).toBe('attention');

    // Told once: not at the next poll, nor after Balancete restarts.
    await session.deps.connections.resume('test');
    await session.restart();
    await session.deps.connections.resume('test');
    sandbox = (await session.deps.demoSandbox()) as SandboxHandle; // the same items, restarted
    sandbox.control.setConsentDuration(30 * day);
    expect((await connection(id)).consent).toMatchObject({ state: 'expiring', daysLeft: 15 });
    expect(told('consent-expiring', id)).toHaveLength(1);

    // The last day: an hour before the end, or less when the end falls early in its São Paulo day.
    const endsOnDayFrom = Date.parse(`${bookkeepingDate(new Date(end))}T03:00:00.000Z`);
    await pollAt(end, Math.max(1_000, Math.min(60 * 60 * 1000, end - endsOnDayFrom - 1_000)));
    expect((await connection(id)).consent).toMatchObject({ state: 'expiring', daysLeft: 0 });
    expect(told('consent-expiring', id)).toHaveLength(1);

    const kept = session.database.db.select({ count: count() }).from(transactions).get()?.count ?? 0;
    await pollAt(end, -60 * 60 * 1000); // an hour after
    const stopped = await connection(id);
    expect(stopped).toMatchObject({
      status: 'LOGIN_ERROR',
      errorCode: 'USER_AUTHORIZATION_NOT_GRANTED',
      consent: { state: 'expired', daysLeft: 0 },
    });
    expect(told('consent-expired', id)).toHaveLength(1);
    // The ended consent is the reason, told as such: no second, vaguer "reconnect".
    expect(told('item-error', id)).toEqual([]);
    expect(line(tray([stopped]))).toEqual({
      kind: 'label',
      label: 'Pluggy Bank Open Finance: o consentimento terminou; renove em Conexões',
    });
    // Nothing of the books is lost.
    expect(session.database.db.select({ count: count() }).from(transactions).get()?.count).toBe(kept);

    // Renewing: the login goes through the consent again, in update mode (same connection).
    notices().clear();
    await call('connections:reconnect', { itemId: id, parameters: { user: 'user-ok', password: 'password-ok' } });
    await notices().next('item-updated', id);
    const renewed = await connection(id);
    expect(renewed).toMatchObject({ status: 'UPDATED', errorCode: null, consent: { state: 'valid', daysLeft: 30 } });
    expect(Date.parse(renewed.consent?.expiresAt ?? '')).toBeGreaterThan(end + 29 * day);
    expect(await call<unknown[]>('connections:list')).toHaveLength(1);
    const lastRun = session.database.db
      .select({ trigger: syncRuns.trigger, status: syncRuns.status })
      .from(syncRuns)
      .where(eq(syncRuns.connectionId, id))
      .orderBy(desc(syncRuns.id))
      .get();
    expect(lastRun).toEqual({ trigger: 'manual', status: 'succeeded' });
    expect(session.database.db.select({ count: count() }).from(transactions).get()?.count).toBeGreaterThan(kept);
    expect(tray([renewed]).icon).toBe('ok');
  });

  it('a consent already over at the first look is told once, as over', async () => {
    const { id } = await call<ConnectionSummary>('connections:create', {
      connectorId: 11,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notices().next('item-updated', id);
    const end = Date.parse((await connection(id)).consent?.expiresAt ?? '');
    await pollAt(end, -2 * day);
    await session.deps.connections.resume('test');
    expect(told('consent-expiring', id)).toEqual([]);
    expect(told('consent-expired', id)).toHaveLength(1);
  });

  it('banks that are not Open Finance have no consent to warn about', async () => {
    const { id } = await call<ConnectionSummary>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notices().next('item-updated', id);
    expect(await connection(id)).toMatchObject({ openFinance: false, consent: null });
  });
});

describe("with the user's own Pluggy application", () => {
  const clock = createClock();
  // "Pluggy" here is a second sandbox, whose clock Balancete's consent time follows.
  const own = ownPluggySession({ pluggy: { clock, consentDurationMs: 20 * day }, clock });
  const { call } = own;

  it('renewing opens the widget bound to the connection; the consent it gives moves the end forward', async () => {
    await call('pluggy-account:save', own.pluggy.sandbox.credentials);
    // Linked through the widget: an Open Finance bank (Itaú), logged in to with the token.
    const linking = await call<ConnectToken>('connect-token:create', {});
    const created = await own.pluggy.call('POST', '/items', {
      key: linking.connectToken,
      body: { connectorId: 601, parameters: { cpf: '123.456.789-09' } },
    });
    const itemId = (created.body as { id: string }).id;
    await call('connections:adopt', { itemId });
    await own.notices.next('item-updated', itemId);
    const linked = (await call<ConnectionSummary[]>('connections:list'))[0];
    expect(linked).toMatchObject({ institution: 'Itaú', openFinance: true, consent: { state: 'valid', daysLeft: 20 } });
    const end = Date.parse(linked?.consent?.expiresAt ?? '');

    clock.advance(end - 10 * day - clock.now());
    await own.deps.connections.resume('test');
    expect((await call<ConnectionSummary[]>('connections:list'))[0]?.consent).toMatchObject({
      state: 'expiring',
      daysLeft: 10,
    });
    expect(own.notices.received.filter((notice) => notice.kind === 'consent-expiring')).toHaveLength(1);

    // "Renovar consentimento": the Connect window asks for a token bound to this connection,
    // and the widget goes through the bank's consent again with it (update mode).
    const renewal = await call<ConnectToken>('connect-token:create', { itemId });
    expect(renewal.updateItem).toBe(itemId);
    const patched = await own.pluggy.call('PATCH', `/items/${itemId}`, {
      key: renewal.connectToken,
      body: { parameters: { cpf: '123.456.789-09' } },
    });
    expect(patched.status).toBe(200);
    own.notices.clear();
    await call('connections:adopt', { itemId });
    await own.notices.next('item-updated', itemId);
    const renewed = (await call<ConnectionSummary[]>('connections:list'))[0];
    expect(renewed).toMatchObject({ id: itemId, status: 'UPDATED', consent: { state: 'valid', daysLeft: 20 } });
    expect(Date.parse(renewed?.consent?.expiresAt ?? '')).toBeGreaterThan(end);
  });
});
