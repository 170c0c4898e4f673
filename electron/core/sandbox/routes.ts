import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller, SandboxAuth } from './auth.ts';
import type { SandboxClock } from './clock.ts';
import { connectorById, connectors } from './connectors.ts';
import type { SandboxAccount, TransactionQuery } from './data/item-data.ts';
import { badRequest, invalidToken, notFound, PluggyError } from './errors.ts';
import { type ItemStore, type SandboxItem, validateParameters } from './items.ts';
import {
  accountJson,
  billsJson,
  identityJson,
  investmentsJson,
  investmentTransactionsJson,
  itemJson,
  loansJson,
  pageOf,
} from './serialize.ts';
import { categories, categoryById } from './taxonomy.ts';

export interface RouteContext {
  auth: SandboxAuth;
  items: ItemStore;
  clock: SandboxClock;
  /** Webhooks by id, kept by the server with the items. */
  webhooks: Map<string, Record<string, unknown>>;
  /** Tells the server that something outside the item store changed and should be saved. */
  changed: () => void;
  /** Answer the deprecated v1 GET /transactions with 410, as some API keys already get. */
  v1Deprecated: () => boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

type Query = Record<string, string | string[] | undefined>;
type Params = Record<string, string>;

const webhookEvents = new Set([
  'all',
  'item/created',
  'item/updated',
  'item/error',
  'item/deleted',
  'item/waiting_user_input',
  'item/login_succeeded',
  'connector/status_updated',
  'transactions/created',
  'transactions/updated',
  'transactions/deleted',
]);

/** What a connect token may do (the Connect widget's needs); everything else wants an API key. */
const connectTokenRoutes = [
  /^GET \/connectors(\/\d+)?$/,
  /^POST \/connectors\/\d+\/validate$/,
  /^POST \/items$/,
  /^(GET|PATCH) \/items\/[^/]+$/,
  /^POST \/items\/[^/]+\/mfa$/,
];

export function registerRoutes(app: FastifyInstance, context: RouteContext): void {
  const { auth, items, clock, webhooks, changed } = context;
  /** Items each connect token created: a token reaches those and the item it is bound to. */
  const createdByToken = new Map<string, string>();

  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.url === '/auth') return;
    const header = request.headers['x-api-key'];
    request.caller = await auth.verify(Array.isArray(header) ? header[0] : header);
    if (request.caller.kind === 'connect-token') {
      const path = request.url.split('?')[0] ?? '';
      if (!connectTokenRoutes.some((route) => route.test(`${request.method} ${path}`))) throw invalidToken();
      const itemId = (request.params as Params).id;
      if (path.startsWith('/items/') && itemId) {
        const token = request.headers['x-api-key'] as string;
        if (request.caller.itemId !== itemId && createdByToken.get(itemId) !== token) throw invalidToken();
      }
    }
  });

  app.post('/auth', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { apiKey: await auth.issueApiKey(body.clientId, body.clientSecret) };
  });

  app.post('/connect_token', async (request) => {
    if (request.caller.kind !== 'api-key') throw invalidToken();
    const body = (request.body ?? {}) as { itemId?: unknown; options?: unknown };
    const itemId = typeof body.itemId === 'string' ? body.itemId : undefined;
    if (itemId) items.get(itemId);
    const options =
      typeof body.options === 'object' && body.options !== null ? (body.options as Record<string, unknown>) : {};
    return { accessToken: await auth.issueConnectToken(request.caller.clientId, itemId, options) };
  });

  app.get('/connectors', (request) => {
    const query = request.query as Query;
    const sandbox = booleanParam(query, 'sandbox') ?? false;
    const countries = listParam(query, 'countries');
    const types = listParam(query, 'types');
    const name = stringParam(query, 'name')?.toLowerCase();
    const openFinance = booleanParam(query, 'isOpenFinance');
    const results = connectors.filter(
      (connector) =>
        (sandbox || !connector.isSandbox) &&
        (!countries || countries.includes(connector.country)) &&
        (!types || types.includes(connector.type)) &&
        (!name || connector.name.toLowerCase().includes(name)) &&
        (openFinance === undefined || connector.isOpenFinance === openFinance),
    );
    return pageOf(results, 1, Math.max(1, results.length));
  });

  app.get('/connectors/:id', (request) => connectorOr404(idOf(request)));

  app.post('/connectors/:id/validate', (request) => {
    const connector = connectorOr404(idOf(request));
    try {
      return { parameters: validateParameters(connector, request.body), errors: [] };
    } catch (error) {
      if (error instanceof PluggyError && 'errors' in error) return { parameters: {}, errors: error.errors };
      throw error;
    }
  });

  app.post('/items', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const item = items.create(body.connectorId, body.parameters, itemExtras(body, request.caller));
    if (request.caller.kind === 'connect-token') {
      createdByToken.set(item.id, request.headers['x-api-key'] as string);
    }
    return itemJson(item, items);
  });

  app.get('/items/:id', (request) => itemJson(items.get(idOf(request)), items));

  app.patch('/items/:id', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return itemJson(items.update(idOf(request), body.parameters, itemExtras(body, request.caller)), items);
  });

  app.post('/items/:id/mfa', (request) => itemJson(items.answerMfa(idOf(request), request.body), items));

  app.delete('/items/:id', (request) => {
    items.delete(idOf(request));
    return { count: 1 };
  });

  app.get('/accounts', (request) => {
    const query = request.query as Query;
    const item = itemWithData(requiredParam(query, 'itemId'));
    const type = stringParam(query, 'type');
    if (type !== undefined && type !== 'BANK' && type !== 'CREDIT') throw badRequest('type must be BANK or CREDIT');
    const results = (item.data?.listedAccounts() ?? []).filter((account) => !type || account.type === type);
    return pageOf(results.map((account) => accountJson(item, account)));
  });

  app.get('/accounts/:id', (request) => {
    const { item, account } = accountOr404(idOf(request));
    return accountJson(item, account);
  });

  app.get('/accounts/:id/statements', (request) => {
    const { account } = accountOr404(idOf(request));
    const months = [1, 2, 3].map((back) => {
      const date = new Date(clock.now());
      date.setUTCMonth(date.getUTCMonth() - back);
      const monthYear = `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
      return {
        id: `${account.id.slice(0, 30)}${String(back).padStart(6, '0')}`,
        monthYear,
        url: `https://statements.sandbox.invalid/${account.id}/${monthYear.replace('/', '-')}.pdf`,
      };
    });
    return pageOf(months);
  });

  app.get('/transactions', (request) => {
    if (context.v1Deprecated()) {
      throw new PluggyError(410, 'This endpoint is deprecated, use GET /v2/transactions', {
        codeDescription: 'ENDPOINT_DEPRECATED',
      });
    }
    const query = request.query as Query;
    const { item, account } = accountOr404(requiredParam(query, 'accountId'));
    const pageSize = intParam(query, 'pageSize', 1, 500) ?? 500;
    const page = intParam(query, 'page', 1, Number.MAX_SAFE_INTEGER) ?? 1;
    const ids = listParam(query, 'ids');
    const filter: TransactionQuery = {
      ...dateRange(stringParam(query, 'from'), stringParam(query, 'to')),
      ...createdAtFrom(query),
    };
    const data = item.data;
    if (!data) return pageOf([], page, pageSize);
    if (ids) return pageOf(byIds(item, account, ids), page, pageSize);
    const total = data.count(account, filter);
    const cursor = data.cursorAt(account, filter, (page - 1) * pageSize);
    const results = data.page(account, filter, cursor, pageSize).results;
    return { page, total, totalPages: Math.ceil(total / pageSize), results };
  });

  app.get('/v2/transactions', (request) => {
    const query = request.query as Query;
    const { item, account } = accountOr404(requiredParam(query, 'accountId'));
    const ids = listParam(query, 'ids');
    if (ids) return { results: byIds(item, account, ids), next: null };
    const dates = dateRange(stringParam(query, 'dateFrom'), stringParam(query, 'dateTo'));
    const created = createdAtFrom(query);
    if (created.createdAtFrom !== undefined && dates.dateFrom !== undefined) {
      throw badRequest('Use either createdAtFrom or dateFrom, not both');
    }
    const pageSize = intParam(query, 'pageSize', 1, 500) ?? 500;
    const after = stringParam(query, 'after');
    const data = item.data;
    if (!data) return { results: [], next: null };
    let page;
    try {
      page = data.page(account, { ...dates, ...created }, after, pageSize);
    } catch {
      throw badRequest('Invalid cursor');
    }
    if (!page.next) return { results: page.results, next: null };
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key !== 'after' && typeof value === 'string') next.set(key, value);
    }
    next.set('after', page.next);
    return { results: page.results, next: `?${next.toString()}` };
  });

  app.get('/transactions/:id', (request) => transactionOr404(idOf(request)).row);

  app.patch('/transactions/:id', (request) => {
    const { item } = transactionOr404(idOf(request));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const categoryId = body.categoryId;
    if (typeof categoryId !== 'string' || !categoryById(categoryId)) {
      throw badRequest('categoryId must be an existing category id');
    }
    const updated = item.data?.recategorize(idOf(request), categoryId, clock.now());
    changed();
    return updated;
  });

  app.get('/categories', (request) => {
    const parentId = stringParam(request.query as Query, 'parentId');
    const results = parentId ? categories.filter((category) => category.parentId === parentId) : categories;
    // Pluggy's SDK and docs use a page envelope here, though the spec declares a bare array.
    return pageOf(results, 1, Math.max(1, results.length));
  });

  app.get('/categories/:id', (request) => {
    const category = categoryById(idOf(request));
    if (!category) throw notFound('Category', 'CATEGORY_NOT_FOUND');
    return category;
  });

  app.get('/bills', (request) => {
    const { item, account } = accountOr404(requiredParam(request.query as Query, 'accountId'));
    return pageOf(billsJson(item, account));
  });

  app.get('/bills/:id', (request) => {
    const id = idOf(request);
    for (const item of items.all()) {
      for (const account of item.data?.accounts ?? []) {
        const bill = billsJson(item, account).find((candidate) => candidate.id === id);
        if (bill) return bill;
      }
    }
    throw notFound('Bill', 'BILL_NOT_FOUND');
  });

  app.get('/investments', (request) => {
    const query = request.query as Query;
    const item = itemWithData(requiredParam(query, 'itemId'));
    return pageOf(
      investmentsJson(item),
      intParam(query, 'page', 1, 10_000) ?? 1,
      intParam(query, 'pageSize', 1, 500) ?? 20,
    );
  });

  app.get('/investments/:id', (request) => investmentOr404(idOf(request)).investment);

  app.get('/investments/:id/transactions', (request) => {
    const { item, investment } = investmentOr404(idOf(request));
    return pageOf(investmentTransactionsJson(String(investment.id), item.data?.createdAt ?? item.createdAt));
  });

  app.get('/identity', (request) => identityJson(itemWithData(requiredParam(request.query as Query, 'itemId'))));

  app.get('/identity/:id', (request) => {
    const id = idOf(request);
    const item = items.all().find((candidate) => candidate.data && identityJson(candidate).id === id);
    if (!item) throw notFound('Identity', 'IDENTITY_NOT_FOUND');
    return identityJson(item);
  });

  app.get('/loans', (request) => pageOf(loansJson(itemWithData(requiredParam(request.query as Query, 'itemId')))));

  app.get('/loans/:id', (request) => {
    const id = idOf(request);
    for (const item of items.all()) {
      const loan = item.data ? loansJson(item).find((candidate) => candidate.id === id) : undefined;
      if (loan) return loan;
    }
    throw notFound('Loan', 'LOAN_NOT_FOUND');
  });

  app.get('/consents', (request) => {
    const item = items.get(requiredParam(request.query as Query, 'itemId'));
    // Every consent given, the current one (a renewal's) last.
    const consents = item.consents.map((consent) => ({
      id: consent.id,
      itemId: item.id,
      products: item.products ?? item.connector.products,
      createdAt: new Date(consent.createdAt).toISOString(),
      expiresAt: new Date(consent.expiresAt).toISOString(),
      revokedAt: null,
    }));
    return pageOf(consents);
  });

  app.get('/webhooks', () => pageOf([...webhooks.values()]));

  app.post('/webhooks', (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    validateWebhook(body, true);
    const now = new Date(clock.now()).toISOString();
    const webhook = {
      id: randomUUID(),
      url: body.url,
      event: body.event,
      ...(body.headers ? { headers: body.headers } : {}),
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    webhooks.set(webhook.id, webhook);
    changed();
    // Pluggy's real API answers successful writes with 200, whatever the spec says.
    return reply.code(200).send(webhook);
  });

  app.get('/webhooks/:id', (request) => webhookOr404(idOf(request)));

  app.patch('/webhooks/:id', (request) => {
    const webhook = webhookOr404(idOf(request));
    const body = (request.body ?? {}) as Record<string, unknown>;
    validateWebhook(body, false);
    const now = new Date(clock.now()).toISOString();
    const enabled = body.enabled;
    Object.assign(webhook, {
      ...(body.url === undefined ? {} : { url: body.url }),
      ...(body.event === undefined ? {} : { event: body.event }),
      ...(body.headers === undefined ? {} : { headers: body.headers }),
      ...(enabled === undefined ? {} : { disabledAt: enabled ? null : now }),
      updatedAt: now,
    });
    changed();
    return webhook;
  });

  app.delete('/webhooks/:id', (request) => {
    const id = idOf(request);
    webhookOr404(id);
    webhooks.delete(id);
    changed();
    return { count: 1 };
  });

  function webhookOr404(id: string): Record<string, unknown> {
    const webhook = webhooks.get(id);
    if (!webhook) throw notFound('Webhook', 'WEBHOOK_NOT_FOUND');
    return webhook;
  }

  function itemWithData(id: string): SandboxItem {
    return items.get(id);
  }

  function accountOr404(id: string): { item: SandboxItem; account: SandboxAccount } {
    for (const item of items.all()) {
      const account = item.data?.account(id);
      if (account) return { item, account };
    }
    throw notFound('Account', 'ACCOUNT_NOT_FOUND');
  }

  function transactionOr404(id: string) {
    for (const item of items.all()) {
      const row = item.data?.transaction(id);
      if (row) return { item, row };
    }
    throw notFound('Transaction', 'TRANSACTION_NOT_FOUND');
  }

  function investmentOr404(id: string) {
    for (const item of items.all()) {
      const investment = item.data ? investmentsJson(item).find((candidate) => candidate.id === id) : undefined;
      if (investment) return { item, investment };
    }
    throw notFound('Investment', 'INVESTMENT_NOT_FOUND');
  }

  function byIds(item: SandboxItem, account: SandboxAccount, ids: string[]) {
    if (ids.length > 500) throw badRequest('ids accepts at most 500 values');
    return ids.flatMap((id) => {
      const row = item.data?.transaction(id);
      return row && row.accountId === account.id ? [row] : [];
    });
  }
}

/** The `:id` of a route (every route that asks for it has one). */
function idOf(request: FastifyRequest): string {
  return (request.params as Params).id ?? '';
}

function connectorOr404(id: string | undefined) {
  const connector = id !== undefined && /^\d+$/.test(id) ? connectorById(Number(id)) : undefined;
  if (!connector) throw notFound('Connector', 'CONNECTOR_NOT_FOUND');
  return connector;
}

function itemExtras(body: Record<string, unknown>, caller: Caller) {
  const options = caller.kind === 'connect-token' ? caller.options : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const clientUserId = text(body.clientUserId) ?? text(options.clientUserId);
  const webhookUrl = text(body.webhookUrl) ?? text(options.webhookUrl);
  const products = Array.isArray(body.products) ? body.products.map(String) : undefined;
  return {
    ...(clientUserId ? { clientUserId } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(products ? { products } : {}),
  };
}

function validateWebhook(body: Record<string, unknown>, creating: boolean): void {
  const errors: string[] = [];
  if (body.headers !== undefined && body.headers !== null) {
    const headers = body.headers;
    if (
      typeof headers !== 'object' ||
      Array.isArray(headers) ||
      Object.values(headers).some((v) => typeof v !== 'string')
    ) {
      errors.push('headers must be an object of strings');
    }
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') errors.push('enabled must be true or false');
  if (creating || body.url !== undefined) {
    if (typeof body.url !== 'string' || !/^https:\/\//.test(body.url)) errors.push('url must be an https URL');
  }
  if (creating || body.event !== undefined) {
    if (typeof body.event !== 'string' || !webhookEvents.has(body.event)) errors.push('event is not a known event');
  }
  if (errors.length > 0) throw new PluggyError(400, errors.join('; '), { codeDescription: 'INVALID_WEBHOOK' });
}

function stringParam(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

function requiredParam(query: Query, name: string): string {
  const value = stringParam(query, name);
  if (!value) throw badRequest(`${name} is required`, { parameter: name });
  return value;
}

function listParam(query: Query, name: string): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).filter(Boolean);
}

function booleanParam(query: Query, name: string): boolean | undefined {
  const value = stringParam(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false`);
  return value === 'true';
}

function intParam(query: Query, name: string, min: number, max: number): number | undefined {
  const value = stringParam(query, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}

/**
 * Date bounds, inclusive: a `yyyy-mm-dd` day (taken as a São Paulo day, where Pluggy's
 * Brazilian banks book) or an exact ISO date-time, as the spec and the SDK allow.
 */
function dateRange(from: string | undefined, to: string | undefined): Pick<TransactionQuery, 'dateFrom' | 'dateTo'> {
  const parse = (value: string, endOfDay: boolean) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const time = day ? Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}-03:00`) : Date.parse(value);
    if (Number.isNaN(time) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
      throw badRequest(`Invalid date ${value}: use yyyy-mm-dd or an ISO date-time`);
    }
    return time;
  };
  return {
    ...(from ? { dateFrom: parse(from, false) } : {}),
    ...(to ? { dateTo: parse(to, true) } : {}),
  };
}

function createdAtFrom(query: Query): Pick<TransactionQuery, 'createdAtFrom'> {
  const value = stringParam(query, 'createdAtFrom');
  if (value === undefined) return {};
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw badRequest(`Invalid createdAtFrom ${value}: use an ISO date-time`);
  return { createdAtFrom: time };
}
