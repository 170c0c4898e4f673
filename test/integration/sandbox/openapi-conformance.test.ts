import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../electron/core/sandbox/clock.ts';
import { assertMatchesSpec, responseValidator, schemaValidator } from '../../support/openapi.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

/**
 * Every endpoint's answers, checked against the schemas in Pluggy's own OpenAPI spec.
 * Where the spec and Pluggy's real API disagree, the test says so and follows the API.
 */
let client: SandboxClient;
let itemId: string;
let mfaItemId: string;
let checkingId: string;
let cardId: string;
let transactionId: string;

beforeAll(async () => {
  client = await startTestSandbox({ clock: createClock(new Date('2026-11-21T12:00:00.000Z')) });
  const created = await client.call('POST', '/items', {
    body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
  });
  itemId = (created.body as { id: string }).id;
  const mfa = await client.call('POST', '/items', {
    body: { connectorId: 2, parameters: { user: 'user-ok', password: 'password-ok' } },
  });
  mfaItemId = (mfa.body as { id: string }).id;
  const accounts = (await client.call('GET', `/accounts?itemId=${itemId}`)).body as {
    results: { id: string; type: string }[];
  };
  checkingId = accounts.results.find((account) => account.type === 'BANK')?.id ?? '';
  cardId = accounts.results.find((account) => account.type === 'CREDIT')?.id ?? '';
  const page = (await client.call('GET', `/v2/transactions?accountId=${checkingId}`)).body as {
    results: { id: string }[];
  };
  transactionId = page.results[0]?.id ?? '';
});
afterAll(() => client.stop());

async function expectConforms(method: string, path: string, template: string, status = 200, body?: unknown) {
  const response = await client.call(method, path, body === undefined ? {} : { body });
  expect(response.status, `${method} ${path}`).toBe(status);
  assertMatchesSpec(responseValidator(method, template, status), response.body, `${method} ${path}`);
  return response.body;
}

describe('responses match the OpenAPI spec', () => {
  it('auth and connect tokens', async () => {
    const auth = await client.call('POST', '/auth', { body: client.sandbox.credentials, key: null });
    assertMatchesSpec(responseValidator('post', '/auth', 200), auth.body);
    const badAuth = await client.call('POST', '/auth', { body: { clientId: 'x', clientSecret: 'y' }, key: null });
    assertMatchesSpec(responseValidator('post', '/auth', 401), badAuth.body);
    await expectConforms('POST', '/connect_token', '/connect_token', 200, { itemId });
  });

  it('connectors', async () => {
    await expectConforms('GET', '/connectors?sandbox=true&countries=BR', '/connectors');
    await expectConforms('GET', '/connectors/0', '/connectors/{id}');
    await expectConforms('POST', '/connectors/0/validate', '/connectors/{id}/validate', 200, {
      user: 'bad',
      password: 'x',
    });
  });

  it('items, MFA and errors', async () => {
    await expectConforms('POST', '/items', '/items', 200, {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await expectConforms('GET', `/items/${itemId}`, '/items/{id}');
    const waiting = (await expectConforms('GET', `/items/${mfaItemId}`, '/items/{id}')) as { status: string };
    expect(waiting.status).toBe('WAITING_USER_INPUT');
    await expectConforms('POST', `/items/${mfaItemId}/mfa`, '/items/{id}/mfa', 200, { token: '123456' });
    await expectConforms('GET', '/items/00000000-0000-4000-8000-000000000000', '/items/{id}', 404);
    await expectConforms('POST', '/items', '/items', 400, { connectorId: 0, parameters: { user: 'x' } });
    await expectConforms('PATCH', `/items/${itemId}`, '/items/{id}', 200, {});
  });

  it('bad query values, ids and bodies get Pluggy-shaped 400s and 404s', async () => {
    const errorShape = responseValidator('get', '/transactions', 400);
    for (const path of [
      `/transactions?accountId=${checkingId}&pageSize=0`,
      `/transactions?accountId=${checkingId}&pageSize=501`,
      `/transactions?accountId=${checkingId}&page=abc`,
      `/v2/transactions?accountId=${checkingId}&createdAtFrom=yesterday`,
      `/v2/transactions?accountId=${checkingId}&dateFrom=2026-01-01&createdAtFrom=2026-01-01T00:00:00Z`,
      `/v2/transactions?accountId=${checkingId}&after=not-a-cursor`,
      `/v2/transactions`,
      '/connectors?sandbox=maybe',
      '/accounts?itemId=',
    ]) {
      const response = await client.call('GET', path);
      expect(response.status, path).toBe(400);
      assertMatchesSpec(errorShape, response.body, path);
    }
    for (const [path, code] of [
      ['/accounts/no-such-account', 'ACCOUNT_NOT_FOUND'],
      ['/connectors/99999', 'CONNECTOR_NOT_FOUND'],
      ['/categories/12345678', 'CATEGORY_NOT_FOUND'],
      ['/bills/nope', 'BILL_NOT_FOUND'],
    ] as const) {
      const response = await client.call('GET', path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toMatchObject({ code: 404, codeDescription: code });
    }
    const notJson = await client.call('POST', '/items', { rawBody: '{"connectorId": 0,' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: 400, message: 'The body is not valid JSON' });
  });

  it('accounts, statements, transactions (v1 and v2), bills', async () => {
    await expectConforms('GET', `/accounts?itemId=${itemId}`, '/accounts');
    await expectConforms('GET', `/accounts/${cardId}`, '/accounts/{id}');
    await expectConforms('GET', `/accounts/${checkingId}/statements`, '/accounts/{id}/statements');
    await expectConforms('GET', `/v2/transactions?accountId=${cardId}`, '/v2/transactions');
    await expectConforms(
      'GET',
      `/v2/transactions?accountId=${checkingId}&dateFrom=2026-01-01&dateTo=2026-03-31`,
      '/v2/transactions',
    );
    await expectConforms('GET', `/transactions?accountId=${checkingId}&pageSize=50&page=2`, '/transactions');
    await expectConforms('GET', `/transactions/${transactionId}`, '/transactions/{id}');
    await expectConforms('PATCH', `/transactions/${transactionId}`, '/transactions/{id}', 200, {
      categoryId: '05070000',
    });
    await expectConforms('GET', '/transactions/no-such-id', '/transactions/{id}', 404);
    await expectConforms('GET', `/bills?accountId=${cardId}`, '/bills');
  });

  it("categories (the spec declares a bare array; Pluggy's API and SDK use a page envelope)", async () => {
    const page = (await client.call('GET', '/categories')).body as { results: unknown[]; total: number };
    expect(page.total).toBe(page.results.length);
    const validate = schemaValidator('Category');
    for (const category of page.results) assertMatchesSpec(validate, category, 'category');
    assertMatchesSpec(validate, (await client.call('GET', '/categories/05070000')).body, 'category');
  });

  it('investments, identity, loans, consents', async () => {
    const investments = (await expectConforms('GET', `/investments?itemId=${itemId}`, '/investments')) as {
      results: { id: string }[];
    };
    const investmentId = investments.results[0]?.id ?? '';
    await expectConforms('GET', `/investments/${investmentId}`, '/investments/{id}');
    await expectConforms('GET', `/investments/${investmentId}/transactions`, '/investments/{id}/transactions');
    const identity = (await expectConforms('GET', `/identity?itemId=${itemId}`, '/identity')) as { id: string };
    await expectConforms('GET', `/identity/${identity.id}`, '/identity/{id}');
    const loans = (await expectConforms('GET', `/loans?itemId=${itemId}`, '/loans')) as { results: { id: string }[] };
    await expectConforms('GET', `/loans/${loans.results[0]?.id ?? ''}`, '/loans/{id}');
    await expectConforms('GET', `/consents?itemId=${itemId}`, '/consents');
  });

  it('webhooks CRUD (successful writes answer 200, as Pluggy does, though the spec says 201)', async () => {
    const created = await client.call('POST', '/webhooks', {
      body: { url: 'https://example.com/hook', event: 'item/updated' },
    });
    expect(created.status).toBe(200);
    assertMatchesSpec(schemaValidator('Webhook'), created.body);
    const id = (created.body as { id: string }).id;
    await expectConforms('GET', '/webhooks', '/webhooks');
    await expectConforms('GET', `/webhooks/${id}`, '/webhooks/{id}');
    await expectConforms('PATCH', `/webhooks/${id}`, '/webhooks/{id}', 200, { enabled: false });
    await expectConforms('DELETE', `/webhooks/${id}`, '/webhooks/{id}');
    await expectConforms('GET', `/webhooks/${id}`, '/webhooks/{id}', 404);
    const bad = await client.call('POST', '/webhooks', { body: { url: 'http://insecure', event: 'nope' } });
    expect(bad.status).toBe(400);
  });
});
