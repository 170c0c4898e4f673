import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, type SandboxClock } from '../../../electron/core/sandbox/clock.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

const step = 1000;
let clock: SandboxClock;
let client: SandboxClient;

beforeEach(async () => {
  clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  client = await startTestSandbox({ clock, stepMs: step, minUpdateIntervalMs: 60 * 60 * 1000 });
});
afterEach(() => client.stop());

interface Item {
  id: string;
  status: string;
  executionStatus: string;
  error?: { code: string; message: string; providerMessage?: string };
  parameter?: { name: string; label: string; type: string; expiresAt: string };
  lastUpdatedAt?: string;
  nextAutoSyncAt?: string;
  statusDetail?: Record<string, { isUpdated: boolean; warnings: unknown[] }>;
}

async function createItem(user: string, connectorId = 0, password = 'password-ok'): Promise<Item> {
  const response = await client.call('POST', '/items', { body: { connectorId, parameters: { user, password } } });
  expect(response.status).toBe(200);
  return response.body as Item;
}

async function getItem(id: string): Promise<Item> {
  return (await client.call('GET', `/items/${id}`)).body as Item;
}

/** Moves the clock one step at a time until the item settles, recording each execution status. */
async function settle(id: string): Promise<{ item: Item; seen: string[] }> {
  const seen: string[] = [];
  for (let guard = 0; guard < 20; guard += 1) {
    const item = await getItem(id);
    if (seen.at(-1) !== item.executionStatus) seen.push(item.executionStatus);
    if (item.status !== 'UPDATING') return { item, seen };
    clock.advance(step);
  }
  throw new Error('item never settled');
}

describe('item lifecycle by sandbox username', () => {
  it('user-ok goes through the execution steps to UPDATED/SUCCESS', async () => {
    const created = await createItem('user-ok');
    expect(created).toMatchObject({ status: 'UPDATING', executionStatus: 'CREATED' });
    const { item, seen } = await settle(created.id);
    expect(seen).toEqual([
      'CREATED',
      'LOGIN_IN_PROGRESS',
      'ACCOUNTS_IN_PROGRESS',
      'TRANSACTIONS_IN_PROGRESS',
      'CREDITCARDS_IN_PROGRESS',
      'SUCCESS',
    ]);
    expect(item.status).toBe('UPDATED');
    // Six steps after creation (login, its check, three products, done), whenever it was looked at.
    expect(Date.parse(item.lastUpdatedAt ?? '') - Date.parse((created as Item & { createdAt: string }).createdAt)).toBe(
      6 * step,
    );
    expect(Date.parse(item.nextAutoSyncAt ?? '') - Date.parse(item.lastUpdatedAt ?? '')).toBe(24 * 3600 * 1000);
    expect(item.error).toBeUndefined();
  });

  it.each([
    ['user-logged', 'OUTDATED', 'ALREADY_LOGGED_IN'],
    ['user-locked', 'LOGIN_ERROR', 'ACCOUNT_LOCKED'],
    ['user-error', 'OUTDATED', 'UNEXPECTED_ERROR'],
    ['user-unavailable', 'OUTDATED', 'SITE_NOT_AVAILABLE'],
    ['user-account-need-actions', 'LOGIN_ERROR', 'ACCOUNT_NEEDS_ACTION'],
    ['user-connection-error', 'OUTDATED', 'CONNECTION_ERROR'],
    ['user-account-credentials-reset', 'LOGIN_ERROR', 'ACCOUNT_CREDENTIALS_RESET'],
    ['user-not-supported', 'LOGIN_ERROR', 'USER_NOT_SUPPORTED'],
    ['user-anything-else', 'LOGIN_ERROR', 'INVALID_CREDENTIALS'],
  ])('%s ends %s with %s', async (user, status, code) => {
    const { item } = await settle((await createItem(user)).id);
    expect(item).toMatchObject({ status, executionStatus: code, error: { code } });
    if (code === 'ACCOUNT_NEEDS_ACTION') expect(item.error?.providerMessage).toBeTruthy();
  });

  it('a wrong password is INVALID_CREDENTIALS whatever the user', async () => {
    const { item } = await settle((await createItem('user-ok', 0, 'password-bad')).id);
    expect(item).toMatchObject({ status: 'LOGIN_ERROR', executionStatus: 'INVALID_CREDENTIALS' });
  });

  it('user-ok-account-error is a PARTIAL_SUCCESS with a warning in statusDetail', async () => {
    const { item } = await settle((await createItem('user-ok-account-error')).id);
    expect(item).toMatchObject({ status: 'UPDATED', executionStatus: 'PARTIAL_SUCCESS' });
    expect(item.statusDetail?.transactions).toMatchObject({ isUpdated: false });
    expect(item.statusDetail?.transactions?.warnings).toHaveLength(1);
  });

  it("refuses parameters that fail the connector's validation, per parameter", async () => {
    const response = await client.call('POST', '/items', {
      body: { connectorId: 0, parameters: { user: 'someone', password: '123' } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 400,
      errors: [
        { parameter: 'user', code: expect.any(String) as string },
        { parameter: 'password', code: expect.any(String) as string },
      ],
    });
    const unknown = await client.call('POST', '/items', { body: { connectorId: 999, parameters: {} } });
    expect(unknown.status).toBe(400);
  });
});

describe('MFA', () => {
  async function waitingItem(connectorId: number): Promise<Item> {
    const { item } = await settle((await createItem('user-ok', connectorId)).id);
    expect(item).toMatchObject({ status: 'WAITING_USER_INPUT', parameter: { name: 'token', type: 'number' } });
    return item;
  }

  it('the right token lets the update finish', async () => {
    const item = await waitingItem(2);
    const answered = await client.call('POST', `/items/${item.id}/mfa`, { body: { token: '123456' } });
    expect(answered.body).toMatchObject({ status: 'UPDATING' });
    expect((await settle(item.id)).item).toMatchObject({ status: 'UPDATED', executionStatus: 'SUCCESS' });
  });

  it('the two-step connector asks twice', async () => {
    const item = await waitingItem(5);
    await client.call('POST', `/items/${item.id}/mfa`, { body: { token: '123456' } });
    const second = await getItem(item.id);
    expect(second).toMatchObject({ status: 'WAITING_USER_INPUT', parameter: { name: 'token' } });
    await client.call('POST', `/items/${item.id}/mfa`, { body: { token: '123456' } });
    expect((await settle(item.id)).item).toMatchObject({ status: 'UPDATED' });
  });

  it('a wrong token is accepted, then the login fails with INVALID_CREDENTIALS_MFA', async () => {
    const item = await waitingItem(2);
    const answered = await client.call('POST', `/items/${item.id}/mfa`, { body: { token: '000000' } });
    expect(answered.body).toMatchObject({ status: 'UPDATING' });
    expect((await settle(item.id)).item).toMatchObject({
      status: 'LOGIN_ERROR',
      executionStatus: 'INVALID_CREDENTIALS_MFA',
    });
  });

  it('works through a connect token, as the Connect widget does it', async () => {
    const apiKey = await client.newApiKey();
    const token = (
      (await client.call('POST', '/connect_token', { key: apiKey, body: {} })).body as { accessToken: string }
    ).accessToken;
    const created = await client.call('POST', '/items', {
      key: token,
      body: { connectorId: 2, parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    const id = (created.body as Item).id;
    await settle(id);
    const answered = await client.call('POST', `/items/${id}/mfa`, { key: token, body: { token: '123456' } });
    expect(answered.status).toBe(200);
    expect((await settle(id)).item.status).toBe('UPDATED');
  });

  it('no answer before the parameter expires is USER_INPUT_TIMEOUT', async () => {
    const item = await waitingItem(2);
    clock.advance(Date.parse(item.parameter?.expiresAt ?? '') - clock.now() + 1);
    expect(await getItem(item.id)).toMatchObject({ status: 'OUTDATED', executionStatus: 'USER_INPUT_TIMEOUT' });
  });

  it('an answer when none is asked for is a 400', async () => {
    const { item } = await settle((await createItem('user-ok')).id);
    expect((await client.call('POST', `/items/${item.id}/mfa`, { body: { token: '123456' } })).status).toBe(400);
  });
});

describe('updates', () => {
  it('PATCH starts a new update, and within the minimum interval answers 409', async () => {
    const { item } = await settle((await createItem('user-ok')).id);
    const early = await client.call('PATCH', `/items/${item.id}`, { body: {} });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 409, codeDescription: 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY' });

    clock.advance(60 * 60 * 1000);
    const patched = await client.call('PATCH', `/items/${item.id}`, { body: {} });
    expect(patched.body).toMatchObject({ status: 'UPDATING' });
    const after = await settle(item.id);
    expect(after.item.status).toBe('UPDATED');
    expect(Date.parse(after.item.lastUpdatedAt ?? '')).toBeGreaterThan(Date.parse(item.lastUpdatedAt ?? ''));
  });

  it('PATCH while an update runs answers 400 ITEM_ALREADY_UPDATING', async () => {
    const created = await createItem('user-ok');
    const response = await client.call('PATCH', `/items/${created.id}`, { body: {} });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ codeDescription: 'ITEM_ALREADY_UPDATING' });
  });

  it('after two failed logins in a row, PATCH waits 15 minutes unless new credentials come', async () => {
    const { item } = await settle((await createItem('user-wrong')).id);
    clock.advance(60 * 60 * 1000);
    await client.call('PATCH', `/items/${item.id}`, { body: {} });
    const second = (await settle(item.id)).item as Item & { lastUpdatedAt?: string };
    expect(second.status).toBe('LOGIN_ERROR');

    const refused = await client.call('PATCH', `/items/${item.id}`, { body: {} });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      codeDescription: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
      data: { readableBackoffTime: '15 minutes', maxConsecutiveFailedLoginAttempts: 2 },
    });
    const { canRetryAfterDate } = (refused.body as { data: { canRetryAfterDate: string } }).data;
    clock.advance(Date.parse(canRetryAfterDate) - clock.now() + 1);
    expect((await client.call('PATCH', `/items/${item.id}`, { body: {} })).status).toBe(200);
    await settle(item.id);

    const fixed = await client.call('PATCH', `/items/${item.id}`, {
      body: { parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    expect(fixed.status).toBe(200);
    expect((await settle(item.id)).item.status).toBe('UPDATED');
  });

  it('more than five failing updates in a row need support', async () => {
    const { item } = await settle((await createItem('user-unavailable')).id);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      clock.advance(60 * 60 * 1000);
      expect((await client.call('PATCH', `/items/${item.id}`, { body: {} })).status).toBe(200);
      expect((await settle(item.id)).item.executionStatus).toBe('SITE_NOT_AVAILABLE');
    }
    clock.advance(60 * 60 * 1000);
    const refused = await client.call('PATCH', `/items/${item.id}`, { body: {} });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ codeDescription: 'TOO_MANY_CONSECUTIVE_ERRORS' });
  });

  it('Pluggy updates an item by itself once nextAutoSyncAt has passed', async () => {
    const { item } = await settle((await createItem('user-ok')).id);
    clock.advance(Date.parse(item.nextAutoSyncAt ?? '') - clock.now() - 1000);
    expect((await getItem(item.id)).lastUpdatedAt).toBe(item.lastUpdatedAt);
    clock.advance(1000 + 6 * step);
    const updated = await getItem(item.id);
    expect(updated.status).toBe('UPDATED');
    expect(Date.parse(updated.lastUpdatedAt ?? '')).toBe(Date.parse(item.nextAutoSyncAt ?? '') + 6 * step);
  });

  it('but not an item that needs its user', async () => {
    const { item } = await settle((await createItem('user-locked')).id);
    clock.advance(3 * 24 * 3600 * 1000);
    expect(await getItem(item.id)).toMatchObject({ status: 'LOGIN_ERROR', executionStatus: 'ACCOUNT_LOCKED' });
  });

  it('DELETE removes the item', async () => {
    const item = await createItem('user-ok');
    expect(await client.call('DELETE', `/items/${item.id}`)).toMatchObject({ status: 200, body: { count: 1 } });
    const gone = await client.call('GET', `/items/${item.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 404, codeDescription: 'ITEM_NOT_FOUND' });
  });
});
