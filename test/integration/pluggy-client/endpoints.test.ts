import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluggyClient } from '../../../electron/core/pluggy/client.ts';
import { clientFor, failure, settledItem } from '../../support/pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

let sandbox: SandboxClient;
let client: PluggyClient;
let itemId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ minUpdateIntervalMs: 60 * 60 * 1000 });
  client = clientFor(sandbox);
  const created = await client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } });
  itemId = (await settledItem(client, created.id)).id;
});
afterAll(async () => {
  await client.close();
  await sandbox.stop();
});

describe('every endpoint the app uses, over real HTTPS', () => {
  it('authenticates, and refuses wrong client keys with PLUGGY_AUTH', async () => {
    await client.authenticate();
    const wrong = clientFor(sandbox, { clientSecret: 'not-the-secret' });
    expect(await failure(wrong.authenticate())).toMatchObject({ code: 'PLUGGY_AUTH', status: 401 });
    await wrong.close();
  });

  it('creates connect tokens, plain and bound to an item', async () => {
    expect(await client.createConnectToken()).toMatch(/^eyJ/);
    expect(await client.createConnectToken({ itemId, clientUserId: 'balancete' })).toMatch(/^eyJ/);
    expect(await failure(client.createConnectToken({ itemId: 'no-such-item' }))).toMatchObject({
      code: 'PLUGGY_NOT_FOUND',
    });
  });

  it('lists connectors (sandbox ones only when asked) and reads one', async () => {
    const all = await client.connectors({ sandbox: true, countries: ['BR'] });
    expect(all.filter((connector) => connector.isSandbox).map((connector) => connector.id)).toEqual([0, 2, 5, 10, 11]);
    expect((await client.connectors()).some((connector) => connector.isSandbox)).toBe(false);
    expect(await client.connector(0)).toMatchObject({ id: 0, name: 'Pluggy Bank' });
    expect((await client.connector(0)).credentials?.map((credential) => credential.name)).toEqual(['user', 'password']);
  });

  it('reads an item, its accounts, identity, investments and card bills', async () => {
    expect(await client.item(itemId)).toMatchObject({ status: 'UPDATED', executionStatus: 'SUCCESS' });
    const accounts = await client.accounts(itemId);
    expect(accounts.map((account) => account.subtype).sort()).toEqual([
      'CHECKING_ACCOUNT',
      'CREDIT_CARD',
      'SAVINGS_ACCOUNT',
    ]);
    const card = accounts.find((account) => account.type === 'CREDIT');
    expect((await client.bills(card?.id ?? '')).length).toBeGreaterThanOrEqual(11);
    expect(await client.identity(itemId)).toMatchObject({ fullName: 'John Doe', document: '76109277673' });
    expect((await client.investments(itemId)).length).toBe(3);
  });

  it("pages through all of an account's transactions by cursor, and filters them", async () => {
    const [checking] = (await client.accounts(itemId)).filter((account) => account.subtype === 'CHECKING_ACCOUNT');
    if (!checking) throw new Error('no checking account');
    const pages: number[] = [];
    const all = [];
    for await (const page of client.transactions(checking.id)) {
      pages.push(page.length);
      all.push(...page);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(all.map((row) => row.id)).size).toBe(all.length);

    const march = [];
    for await (const page of client.transactions(checking.id, { dateFrom: '2026-03-01', dateTo: '2026-03-31' })) {
      march.push(...page);
    }
    expect(march.length).toBeGreaterThan(0);
    expect(march.every((row) => row.date >= '2026-03-01T03:00' && row.date < '2026-04-01T03:00')).toBe(true);

    const fresh = await client.transactionsPage(checking.id, {
      createdAtFrom: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(fresh).toEqual({ results: [], after: null });

    const picked = all.slice(0, 3).map((row) => row.id);
    expect((await client.transactionsPage(checking.id, { ids: picked })).results.map((row) => row.id)).toEqual(picked);
    expect(await client.transaction(picked[0] ?? '')).toMatchObject({ id: picked[0] });
    expect(await failure(client.transaction('no-such-transaction'))).toMatchObject({ code: 'PLUGGY_NOT_FOUND' });
  });

  it('reads the category taxonomy', async () => {
    const categories = await client.categories();
    expect(categories.length).toBeGreaterThan(100);
    expect(categories.find((category) => category.id === '05070000')).toMatchObject({
      description: 'Transfer - PIX',
      descriptionTranslated: 'Transferência - PIX',
    });
  });

  it('creates items, answers MFA, updates and deletes them, with typed errors on the way', async () => {
    const invalid = await failure(client.createItem({ connectorId: 0, parameters: { user: 'nope', password: 'x' } }));
    expect(invalid).toMatchObject({ code: 'PLUGGY_VALIDATION', status: 400 });

    const mfa = await settledItem(
      client,
      (await client.createItem({ connectorId: 2, parameters: { user: 'user-ok', password: 'password-ok' } })).id,
    );
    expect(mfa).toMatchObject({ status: 'WAITING_USER_INPUT', parameter: { name: 'token' } });
    await client.sendMfa(mfa.id, { token: '123456' });
    expect(await settledItem(client, mfa.id)).toMatchObject({ status: 'UPDATED' });

    const tooSoon = await failure(client.updateItem(itemId));
    expect(tooSoon).toMatchObject({
      code: 'PLUGGY_UPDATE_TOO_SOON',
      pluggyCode: 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
    });
    // Two hours on: the sandbox refuses the client's key, which renews it and carries on.
    sandbox.sandbox.control.clock.advance(2 * 60 * 60 * 1000);
    expect(await client.updateItem(itemId)).toMatchObject({ status: 'UPDATING' });

    await client.deleteItem(mfa.id);
    expect(await failure(client.item(mfa.id))).toMatchObject({
      code: 'PLUGGY_NOT_FOUND',
      pluggyCode: 'ITEM_NOT_FOUND',
    });
  });
});
