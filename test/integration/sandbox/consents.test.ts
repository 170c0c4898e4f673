import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, type SandboxClock } from '../../../electron/core/sandbox/clock.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/**
 * Open Finance consents in the sandbox: the two sandbox Open Finance banks give a consent at
 * each login (12 months by default), the item stops at the consent's end as Pluggy has it
 * (LOGIN_ERROR, USER_AUTHORIZATION_NOT_GRANTED: the spec names no consent code), a bare
 * refresh does not bring it back, and a new login (the widget's update mode) renews it.
 */
const step = 1000;
const day = 24 * 3600 * 1000;
const start = new Date('2026-11-21T12:00:00.000Z');
let clock: SandboxClock;
let client: SandboxClient;

beforeEach(async () => {
  clock = createClock(start);
  client = await startTestSandbox({ clock, stepMs: step });
});
afterEach(() => client.stop());

interface Item {
  id: string;
  status: string;
  executionStatus: string;
  error?: { code: string; message: string };
  lastUpdatedAt?: string;
  consentExpiresAt?: string;
}

interface Consent {
  id: string;
  itemId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

const getItem = async (id: string) => (await client.call('GET', `/items/${id}`)).body as Item;
const consents = async (id: string) =>
  ((await client.call('GET', `/consents?itemId=${id}`)).body as { results: Consent[] }).results;

/** Moves the clock a step at a time until the item is no longer updating. */
async function settle(id: string): Promise<Item> {
  for (let guard = 0; guard < 20; guard += 1) {
    const item = await getItem(id);
    if (item.status !== 'UPDATING') return item;
    clock.advance(step);
  }
  throw new Error('item never settled');
}

async function link(connectorId: number, user = 'user-ok'): Promise<Item> {
  const created = await client.call('POST', '/items', {
    body: { connectorId, parameters: { user, password: 'password-ok' } },
  });
  expect(created.status).toBe(200);
  expect(created.body).not.toHaveProperty('consentExpiresAt');
  return settle((created.body as Item).id);
}

const twelveMonthsAfter = (instant: string) => {
  const date = new Date(instant);
  date.setUTCMonth(date.getUTCMonth() + 12);
  return date.toISOString();
};

describe('Open Finance consents', () => {
  it('the sandbox lists its Open Finance banks, with the oauth and Open Finance marks', async () => {
    const listed = await client.call('GET', '/connectors?sandbox=true&isOpenFinance=true');
    const results = (listed.body as { results: { isSandbox: boolean }[] }).results;
    expect(results.filter((connector) => connector.isSandbox)).toMatchObject([
      { id: 10, name: 'Pluggy Bank Open Finance', isOpenFinance: true, oauth: true, isSandbox: true },
      { id: 11, name: 'Pluggy Bank Open Finance Empresas', type: 'BUSINESS_BANK', isOpenFinance: true },
    ]);
  });

  it('a login gives a 12-month consent, from the moment the bank accepted it', async () => {
    const item = await link(10);
    expect(item.status).toBe('UPDATED');
    const [consent] = await consents(item.id);
    expect(item.consentExpiresAt).toBe(consent?.expiresAt);
    expect(consent).toMatchObject({ itemId: item.id, revokedAt: null, createdAt: item.lastUpdatedAt });
    expect(consent?.expiresAt).toBe(twelveMonthsAfter(item.lastUpdatedAt ?? ''));
  });

  it('banks that are not Open Finance have none', async () => {
    const item = await link(0);
    expect(item.consentExpiresAt).toBeUndefined();
    expect(await consents(item.id)).toEqual([]);
  });

  it('ends the item at the consent’s end; a bare refresh does not help, a new login renews it', async () => {
    client.sandbox.control.setConsentDuration(30 * day);
    const item = await link(10);
    const end = Date.parse(item.consentExpiresAt ?? '');
    expect(end - Date.parse(item.lastUpdatedAt ?? '')).toBe(30 * day);

    clock.advance(end - clock.now() - 60_000);
    // The daily updates before the end went through as usual.
    expect(await settle(item.id)).toMatchObject({ status: 'UPDATED', consentExpiresAt: item.consentExpiresAt });

    clock.advance(2 * 60_000);
    const lapsed = await getItem(item.id);
    expect(lapsed).toMatchObject({
      status: 'LOGIN_ERROR',
      executionStatus: 'USER_AUTHORIZATION_NOT_GRANTED',
      error: { code: 'USER_AUTHORIZATION_NOT_GRANTED' },
      consentExpiresAt: item.consentExpiresAt,
    });
    // Pluggy's own daily update leaves an item that waits on the user alone.
    clock.advance(3 * day);
    expect((await getItem(item.id)).status).toBe('LOGIN_ERROR');

    expect((await client.call('PATCH', `/items/${item.id}`, { body: {} })).status).toBe(200);
    expect(await settle(item.id)).toMatchObject({
      status: 'LOGIN_ERROR',
      error: { code: 'USER_AUTHORIZATION_NOT_GRANTED' },
      consentExpiresAt: item.consentExpiresAt,
    });

    const renewing = await client.call('PATCH', `/items/${item.id}`, {
      body: { parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    expect(renewing.status).toBe(200);
    const renewed = await settle(item.id);
    expect(renewed).toMatchObject({ status: 'UPDATED', executionStatus: 'SUCCESS' });
    expect(renewed.error).toBeUndefined();
    expect(Date.parse(renewed.consentExpiresAt ?? '') - Date.parse(renewed.lastUpdatedAt ?? '')).toBe(30 * day);
    expect(Date.parse(renewed.consentExpiresAt ?? '')).toBeGreaterThan(end);
    expect((await consents(item.id)).map((consent) => consent.expiresAt)).toEqual([
      item.consentExpiresAt,
      renewed.consentExpiresAt,
    ]);
  });

  it('a login that fails renews nothing', async () => {
    const item = await link(10);
    const refused = await client.call('PATCH', `/items/${item.id}`, {
      body: { parameters: { user: 'user-locked', password: 'password-ok' } },
    });
    expect(refused.status).toBe(200);
    expect(await settle(item.id)).toMatchObject({ status: 'LOGIN_ERROR', consentExpiresAt: item.consentExpiresAt });
    expect(await consents(item.id)).toHaveLength(1);
  });

  it('user-consent-ending gets a consent that ends in 10 days, to see the warning at once', async () => {
    const item = await link(11, 'user-consent-ending');
    expect(Date.parse(item.consentExpiresAt ?? '') - Date.parse(item.lastUpdatedAt ?? '')).toBe(10 * day);
  });

  it('a state file from before consents were kept gives an Open Finance item the year it showed then', async () => {
    const temp = makeTempDir();
    try {
      const createdAt = start.getTime();
      const statePath = join(temp.path, 'state', 'state.json');
      mkdirSync(join(temp.path, 'state'));
      const saved = {
        id: '6b7c1b9e-3e5c-4a34-9d1f-8d1f0e2f4a10',
        connectorId: 601,
        parameters: { cpf: '12345678909' },
        status: 'UPDATED',
        executionStatus: 'SUCCESS',
        createdAt,
        updatedAt: createdAt,
        consecutiveFailedLoginAttempts: 0,
        consecutiveErrors: 0,
        updates: 0,
        mfaAnswered: 0,
        partial: false,
      };
      writeFileSync(statePath, JSON.stringify({ version: 1, items: [saved], webhooks: [] }));
      const restored = await startTestSandbox({ clock, statePath });
      try {
        const item = (await restored.call('GET', `/items/${saved.id}`)).body as Item;
        expect(item.consentExpiresAt).toBe(new Date(createdAt + 365 * day).toISOString());
      } finally {
        await restored.stop();
      }
    } finally {
      temp.remove();
    }
  });
});
