import { decodeJwt } from 'jose';
import type { z } from 'zod';
import { type Logger, SecretRegistry, silentLogger } from '../log.ts';
import { PluggyError } from './errors.ts';
import {
  Account,
  ApiKeyAnswer,
  Bill,
  Category,
  ConnectTokenAnswer,
  Connector,
  ErrorBody,
  Identity,
  Investment,
  Item,
  PageEnvelope,
  Transaction,
  TransactionCursorPage,
} from './models.ts';
import { type HttpRequest, HttpTransport, type RetryPolicy } from './transport.ts';

export interface PluggyClientOptions {
  /** `https://api.pluggy.ai`, or the embedded sandbox's address. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The embedded sandbox's certificate; never set for the real API. */
  sandboxCa?: string;
  logger?: Logger;
  /** Where the secret, API keys and connect tokens are registered for redaction. */
  secrets?: SecretRegistry;
  /** Renew the API key this long before it expires (default 5 minutes). */
  renewBeforeMs?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** For tests: the time API key expiry is judged by (default Date.now). */
  now?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface TransactionFilters {
  /** ISO date-time: rows Pluggy created since (incremental sync). */
  createdAtFrom?: string;
  /** `yyyy-mm-dd` (or ISO date-time) bounds on the transaction date. */
  dateFrom?: string;
  dateTo?: string;
  /** Up to 500 ids. */
  ids?: readonly string[];
}

/** Transactions validated per turn of the event loop. */
const rowCheckSlice = 100;

export interface CreateItemInput {
  connectorId: number;
  parameters: Record<string, string>;
  clientUserId?: string;
  products?: string[];
}

/**
 * The Pluggy API client the app uses (design.md §4). It keeps one API key, renews it a
 * few minutes before it expires (all concurrent callers share one renewal) and once more
 * if Pluggy refuses it; every answer it uses is validated, and every failure is a
 * PluggyError with a stable code.
 */
export class PluggyClient {
  private readonly transport: HttpTransport;
  private readonly options: PluggyClientOptions;
  private readonly secrets: SecretRegistry;
  private readonly now: () => number;
  private apiKey: { value: string; renewAt: number } | undefined;
  private renewal: Promise<string> | undefined;

  constructor(options: PluggyClientOptions) {
    this.options = options;
    this.secrets = options.secrets ?? new SecretRegistry();
    this.secrets.add(options.clientSecret);
    this.now = options.now ?? Date.now;
    this.transport = new HttpTransport({
      baseUrl: options.baseUrl,
      ...(options.sandboxCa ? { sandboxCa: options.sandboxCa } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      logger: options.logger ?? silentLogger,
    });
  }

  /** Checks the client id and secret (POST /auth) and keeps the key it gets. */
  async authenticate(options: CallOptions = {}): Promise<void> {
    this.apiKey = undefined;
    await this.currentApiKey(options.signal);
  }

  /** A connect token (30 min) for the Connect widget, optionally to update one item. */
  async createConnectToken(
    input: { itemId?: string; clientUserId?: string; oauthRedirectUri?: string; avoidDuplicates?: boolean } = {},
    options: CallOptions = {},
  ): Promise<string> {
    const { itemId, ...rest } = input;
    const answer = await this.call(ConnectTokenAnswer, {
      method: 'POST',
      path: '/connect_token',
      body: { ...(itemId ? { itemId } : {}), ...(Object.keys(rest).length > 0 ? { options: rest } : {}) },
      idempotent: true,
      ...options,
    });
    this.secrets.add(answer.accessToken);
    return answer.accessToken;
  }

  async connectors(
    filters: { sandbox?: boolean; countries?: readonly string[]; name?: string } = {},
    options: CallOptions = {},
  ): Promise<Connector[]> {
    return this.allPages(Connector, '/connectors', { ...filters }, options);
  }

  connector(id: number, options: CallOptions = {}): Promise<Connector> {
    return this.call(Connector, { method: 'GET', path: `/connectors/${id}`, idempotent: true, ...options });
  }

  createItem(input: CreateItemInput, options: CallOptions = {}): Promise<Item> {
    return this.call(Item, { method: 'POST', path: '/items', body: input, idempotent: false, ...options });
  }

  item(id: string, options: CallOptions = {}): Promise<Item> {
    return this.call(Item, { method: 'GET', path: `/items/${pathSegment(id)}`, idempotent: true, ...options });
  }

  /** Starts an update of the item (only when the user asks: Pluggy's rule), with new parameters if given. */
  updateItem(
    id: string,
    input: { parameters?: Record<string, string> } = {},
    options: CallOptions = {},
  ): Promise<Item> {
    return this.call(Item, {
      method: 'PATCH',
      path: `/items/${pathSegment(id)}`,
      body: input,
      idempotent: false,
      ...options,
    });
  }

  /** Answers the MFA parameter the item is waiting for, e.g. `{ token: '123456' }`. */
  sendMfa(id: string, answer: Record<string, string>, options: CallOptions = {}): Promise<Item> {
    return this.call(Item, {
      method: 'POST',
      path: `/items/${pathSegment(id)}/mfa`,
      body: answer,
      idempotent: false,
      ...options,
    });
  }

  /** Deletes an item; one already gone counts as deleted (a retry after a lost answer finds it so). */
  async deleteItem(id: string, options: CallOptions = {}): Promise<void> {
    try {
      await this.send({ method: 'DELETE', path: `/items/${pathSegment(id)}`, idempotent: true, ...options });
    } catch (error) {
      if (!(error instanceof PluggyError && error.code === 'PLUGGY_NOT_FOUND')) throw error;
    }
  }

  accounts(itemId: string, options: CallOptions = {}): Promise<Account[]> {
    return this.allPages(Account, '/accounts', { itemId }, options);
  }

  /** One page of an account's transactions (GET /v2/transactions), and the cursor of the next. */
  async transactionsPage(
    accountId: string,
    filters: TransactionFilters & { after?: string } = {},
    options: CallOptions = {},
  ): Promise<{ results: Transaction[]; after: string | null }> {
    const page = await this.uncheckedTransactionsPage(accountId, filters, options);
    return { results: await checkTransactions(page.results), after: page.after };
  }

  /**
   * Every transaction a filter matches, page by page, following the cursor to the end.
   * The next page is asked for as soon as this one's cursor is known, before its rows are
   * checked or handed over: Pluggy (or the sandbox, on the other core) prepares it while
   * this thread checks and stores the current one, so a long sync does not wait on the
   * network between pages.
   */
  async *transactions(
    accountId: string,
    filters: TransactionFilters = {},
    options: CallOptions = {},
  ): AsyncGenerator<Transaction[], void, undefined> {
    const seen = new Set<string>();
    const fetchPage = (after?: string) => {
      const request = this.uncheckedTransactionsPage(accountId, { ...filters, ...(after ? { after } : {}) }, options);
      // Awaited below; if the caller stops early, its failure must not go unhandled.
      request.catch(() => {});
      return request;
    };
    let request = fetchPage();
    for (;;) {
      const page = await request;
      const after = page.after;
      if (after) {
        // A cursor Pluggy already gave would loop for ever: treat it as a broken answer.
        if (seen.has(after)) throw new PluggyError('PLUGGY_BAD_RESPONSE', 'Pluggy repeated a page cursor');
        seen.add(after);
        request = fetchPage(after);
      }
      yield await checkTransactions(page.results);
      if (!after) return;
    }
  }

  /** A v2 page whose envelope is checked but whose rows are not yet. */
  private async uncheckedTransactionsPage(
    accountId: string,
    filters: TransactionFilters & { after?: string },
    options: CallOptions,
  ): Promise<{ results: unknown[]; after: string | null }> {
    if (filters.ids && filters.ids.length > 500) {
      throw new PluggyError('PLUGGY_VALIDATION', 'At most 500 transaction ids per request');
    }
    const page = await this.call(TransactionCursorPage, {
      method: 'GET',
      path: '/v2/transactions',
      query: { accountId, ...filters },
      idempotent: true,
      ...options,
    });
    return { results: page.results, after: page.next ? nextCursor(page.next) : null };
  }

  transaction(id: string, options: CallOptions = {}): Promise<Transaction> {
    return this.call(Transaction, {
      method: 'GET',
      path: `/transactions/${pathSegment(id)}`,
      idempotent: true,
      ...options,
    });
  }

  categories(options: CallOptions = {}): Promise<Category[]> {
    return this.allPages(Category, '/categories', {}, options);
  }

  bills(accountId: string, options: CallOptions = {}): Promise<Bill[]> {
    return this.allPages(Bill, '/bills', { accountId }, options);
  }

  identity(itemId: string, options: CallOptions = {}): Promise<Identity> {
    return this.call(Identity, { method: 'GET', path: '/identity', query: { itemId }, idempotent: true, ...options });
  }

  investments(itemId: string, options: CallOptions = {}): Promise<Investment[]> {
    return this.allPages(Investment, '/investments', { itemId }, options);
  }

  /** Ends every connection at once, without waiting for requests in flight. */
  /** A connector's logo (`imageUrl`) as a data: URI, at most `maxBytes` large. */
  async imageAsDataUri(url: string, maxBytes = 256 * 1024): Promise<string> {
    const { contentType, bytes } = await this.transport.image(url, maxBytes);
    return `data:${contentType};base64,${bytes.toString('base64')}`;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** Every page of a page envelope (`page` from 1; `totalPages` may be 0). */
  private async allPages<T extends z.ZodType>(
    schema: T,
    path: string,
    query: NonNullable<HttpRequest['query']>,
    options: CallOptions,
  ): Promise<z.output<T>[]> {
    const results: z.output<T>[] = [];
    for (let page = 1; ; page += 1) {
      const envelope = await this.call(PageEnvelope(schema), {
        method: 'GET',
        path,
        query: { ...query, ...(page > 1 ? { page } : {}) },
        idempotent: true,
        ...options,
      });
      results.push(...envelope.results);
      if (page >= envelope.totalPages || envelope.results.length === 0) return results;
    }
  }

  /** A call whose 2xx answer must match `schema`. */
  private async call<T extends z.ZodType>(schema: T, request: HttpRequest): Promise<z.output<T>> {
    const body = await this.send(request);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new PluggyError(
        'PLUGGY_BAD_RESPONSE',
        `Pluggy's answer to ${request.method} ${request.path} is not what was expected`,
        {
          data: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        },
      );
    }
    return parsed.data;
  }

  /** Sends with the API key; a refused key is renewed and the request tried once more. */
  private async send(request: Omit<HttpRequest, 'apiKey'>): Promise<unknown> {
    let key = await this.currentApiKey(request.signal);
    let answer = await this.transport.send({ ...request, apiKey: key });
    if (refusedKey(answer)) {
      this.options.logger?.warn('pluggy.key-refused', { path: request.path });
      if (this.apiKey?.value === key) this.apiKey = undefined;
      key = await this.currentApiKey(request.signal);
      answer = await this.transport.send({ ...request, apiKey: key });
      if (refusedKey(answer)) {
        throw new PluggyError('PLUGGY_FORBIDDEN', 'Pluggy refused a freshly issued API key', { status: answer.status });
      }
    }
    if (answer.status >= 400) throw errorFor(answer.status, answer.body, request);
    return answer.body;
  }

  /**
   * The cached API key, or a new one. Concurrent callers share one renewal, which no
   * single caller can cancel: each only stops waiting for it when its own signal fires.
   */
  private currentApiKey(signal: AbortSignal | undefined): Promise<string> {
    if (this.apiKey && this.now() < this.apiKey.renewAt) return Promise.resolve(this.apiKey.value);
    this.renewal ??= this.renewApiKey().finally(() => {
      this.renewal = undefined;
    });
    return untilAborted(this.renewal, signal);
  }

  private async renewApiKey(): Promise<string> {
    const answer = await this.transport.send({
      method: 'POST',
      path: '/auth',
      body: { clientId: this.options.clientId, clientSecret: this.options.clientSecret },
      idempotent: true,
    });
    if (answer.status === 401 || answer.status === 403) {
      throw new PluggyError('PLUGGY_AUTH', 'Pluggy does not accept this client id and secret', {
        status: answer.status,
        pluggyCode: ErrorBody.safeParse(answer.body).data?.codeDescription ?? undefined,
      });
    }
    if (answer.status >= 400) throw errorFor(answer.status, answer.body, { method: 'POST', path: '/auth' });
    const parsed = ApiKeyAnswer.safeParse(answer.body);
    if (!parsed.success) throw new PluggyError('PLUGGY_BAD_RESPONSE', 'Pluggy answered /auth without an API key');
    const value = parsed.data.apiKey;
    this.secrets.add(value);
    // The key's lifetime counts from now on this computer's clock, whatever Pluggy's clock
    // says: a skewed clock must neither renew on every call nor keep a dead key.
    const lifetime = lifetimeOf(value);
    const renewBefore = Math.min(this.options.renewBeforeMs ?? 5 * 60 * 1000, lifetime / 2);
    this.apiKey = { value, renewAt: this.now() + lifetime - renewBefore };
    this.options.logger?.info('pluggy.key-renewed', { renewAt: new Date(this.apiKey.renewAt).toISOString() });
    return value;
  }
}

/** The promise's outcome, or PLUGGY_CANCELLED as soon as `signal` fires, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new PluggyError('PLUGGY_CANCELLED', 'Cancelled'));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new PluggyError('PLUGGY_CANCELLED', 'Cancelled'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** How long an API key lives: `exp − iat` of its JWT, or Pluggy's documented 2 hours. */
function lifetimeOf(apiKey: string): number {
  try {
    const { exp, iat } = decodeJwt(apiKey);
    if (typeof exp === 'number' && typeof iat === 'number' && exp > iat) return (exp - iat) * 1000;
  } catch {
    // Not a JWT: fall through to the documented lifetime.
  }
  return 2 * 60 * 60 * 1000;
}

/**
 * Pluggy's answer to an expired or unknown key: 403 without a `codeDescription`
 * (pluggy-api.md), or 401 on any call but /auth (the key, not the client id and secret,
 * was refused: only /auth refusing them means they are wrong). Other 403s are about the
 * request, and a new key would not help.
 */
function refusedKey(answer: { status: number; body: unknown }): boolean {
  return answer.status === 401 || (answer.status === 403 && !ErrorBody.safeParse(answer.body).data?.codeDescription);
}

/**
 * An id as a path segment. Text that is not well-formed (a lone surrogate) names nothing
 * of Pluggy's, and cannot even be put in an address: no request is sent for it.
 */
function pathSegment(id: string): string {
  if (!id.isWellFormed())
    throw new PluggyError('PLUGGY_NOT_FOUND', 'Pluggy has nothing by an id that is not well-formed text');
  return encodeURIComponent(id);
}

/** The `after` cursor inside a v2 `next` link (a query string relative to the endpoint). */
function nextCursor(next: string): string | null {
  const query = next.includes('?') ? next.slice(next.indexOf('?') + 1) : next;
  return new URLSearchParams(query).get('after');
}

/**
 * A page's rows, each checked against the Transaction model, a slice at a time with the
 * event loop let go in between.
 */
async function checkTransactions(rows: readonly unknown[]): Promise<Transaction[]> {
  const results: Transaction[] = [];
  for (let start = 0; start < rows.length; start += rowCheckSlice) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const end = Math.min(rows.length, start + rowCheckSlice);
    for (let index = start; index < end; index += 1) {
      const parsed = Transaction.safeParse(rows[index]);
      if (!parsed.success) {
        throw new PluggyError('PLUGGY_BAD_RESPONSE', `Pluggy sent a transaction that is not what was expected`, {
          data: parsed.error.issues
            .slice(0, 5)
            .map((issue) => `results.${index}.${issue.path.join('.')}: ${issue.message}`),
        });
      }
      results.push(parsed.data);
    }
  }
  return results;
}

function errorFor(status: number, body: unknown, request: Pick<HttpRequest, 'method' | 'path'>): PluggyError {
  const error = ErrorBody.safeParse(body).data;
  const details = {
    status,
    ...(error?.codeDescription ? { pluggyCode: error.codeDescription } : {}),
    ...(error?.data === undefined ? {} : { data: error.data }),
  };
  const message = error?.message ?? `Pluggy answered ${status} to ${request.method} ${request.path}`;
  if (status === 404) return new PluggyError('PLUGGY_NOT_FOUND', message, details);
  if (status === 409) return new PluggyError('PLUGGY_UPDATE_TOO_SOON', message, details);
  if (status === 403) return new PluggyError('PLUGGY_FORBIDDEN', message, details);
  // The 400s that refuse an update for the item's own history, not for a bad request.
  if (error?.codeDescription === 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES') {
    return new PluggyError('PLUGGY_LOGIN_BACKOFF', message, details);
  }
  if (error?.codeDescription === 'TOO_MANY_CONSECUTIVE_ERRORS') {
    return new PluggyError('PLUGGY_TOO_MANY_FAILURES', message, details);
  }
  return new PluggyError('PLUGGY_VALIDATION', message, details);
}
