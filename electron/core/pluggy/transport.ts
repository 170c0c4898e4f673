import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, type Dispatcher, errors as undiciErrors, request } from 'undici';
import type { Logger } from '../log.ts';
import { ErrorBody } from './models.ts';
import { PluggyError, type PluggyErrorCode } from './errors.ts';

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this fails at once, as PLUGGY_RATE_LIMITED. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxRetryAfterMs: 60_000,
};

export interface TransportOptions {
  baseUrl: string;
  /** A certificate to trust besides the system's: only for the embedded sandbox. */
  sandboxCa?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  logger: Logger;
  /** For tests: jitter source in [0, 1). */
  random?: () => number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  apiKey?: string;
  signal?: AbortSignal;
  /**
   * Whether sending it twice is harmless. A request that may have reached Pluggy is sent
   * again only if so (creating an item twice would make two connections); a refusal
   * before processing (429, 503, connection refused) is retried either way.
   */
  idempotent: boolean;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

type Outcome = { answer: HttpAnswer } | { failure: PluggyError; retryAfterMs?: number };

/** Image types the windows show (their CSP allows data: images). */
const imageTypes = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'];

/** Node error codes meaning the request never reached the server. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** TLS failures: retrying cannot help, and must not be papered over. */
const tlsCodes = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_VERIFY)/;

/**
 * HTTPS to Pluggy: TLS 1.2 or newer, bounded retries with capped exponential backoff and
 * jitter for 5xx and network failures, Retry-After for 429, a timeout per attempt, and
 * cancellation through an AbortSignal. Answers every 2xx and 4xx with its parsed body;
 * the client decides what a 4xx means.
 */
export class HttpTransport {
  private readonly base: URL;
  private readonly agent: Dispatcher;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly random: () => number;

  constructor(options: TransportOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch (error) {
      throw new PluggyError('PLUGGY_INSECURE_URL', `Not a URL: ${options.baseUrl}`, { cause: error });
    }
    if (base.protocol !== 'https:') {
      throw new PluggyError('PLUGGY_INSECURE_URL', `Pluggy is only reached over HTTPS, not ${base.protocol}//`);
    }
    this.base = base;
    this.agent = new Agent({
      connect: { minVersion: 'TLSv1.2', ...(options.sandboxCa ? { ca: options.sandboxCa } : {}) },
      connections: 8,
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.logger = options.logger;
    this.random = options.random ?? Math.random;
  }

  async send(call: HttpRequest): Promise<HttpAnswer> {
    const url = this.url(call);
    for (let attempt = 1; ; attempt += 1) {
      const last = attempt >= this.retry.attempts;
      let outcome: Outcome;
      try {
        outcome = await this.attempt(call, url, last);
      } catch (error) {
        if (error instanceof PluggyError) throw error;
        throw new PluggyError('PLUGGY_NETWORK', 'Unexpected failure talking to Pluggy', { cause: error });
      }
      if ('answer' in outcome) return outcome.answer;
      if (last) throw outcome.failure;
      const waitMs = outcome.retryAfterMs ?? this.backoff(attempt);
      this.logger.warn('pluggy.retry', {
        method: call.method,
        path: call.path,
        attempt,
        code: outcome.failure.code,
        status: outcome.failure.status,
        waitMs,
      });
      try {
        await sleep(waitMs, undefined, { signal: call.signal });
      } catch {
        throw cancelled();
      }
    }
  }

  /**
   * An image Pluggy points to (a connector's logo), over the same TLS rules as the API:
   * https only, one try, a size limit. The body is read only if it is an image of a
   * kind the windows show; anything else is refused as PLUGGY_BAD_RESPONSE.
   */
  async image(address: string, maxBytes: number): Promise<{ contentType: string; bytes: Buffer }> {
    const url = new URL(address);
    if (url.protocol !== 'https:') {
      throw new PluggyError('PLUGGY_INSECURE_URL', `Images are only fetched over HTTPS, not ${url.protocol}//`);
    }
    try {
      const response = await request(url, {
        method: 'GET',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: imageTypes.join(', ') },
      });
      const contentType =
        String(response.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '';
      if (response.statusCode !== 200 || !imageTypes.includes(contentType)) {
        await response.body.dump();
        throw new PluggyError('PLUGGY_BAD_RESPONSE', `Not an image: ${response.statusCode} ${contentType}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new PluggyError('PLUGGY_BAD_RESPONSE', `Image larger than ${maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      return { contentType, bytes: Buffer.concat(chunks) };
    } catch (error) {
      if (error instanceof PluggyError) throw error;
      throw this.networkFailure(error, false, false);
    }
  }

  /** Ends every connection at once: a slow request must not hold up shutting down. */
  close(): Promise<void> {
    return this.agent.destroy();
  }

  /** One try: the answer, or a failure worth another try (and how long Pluggy asked to wait). */
  private async attempt(call: HttpRequest, url: URL, last: boolean): Promise<Outcome> {
    if (call.signal?.aborted) throw cancelled();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const started = performance.now();
    let status: number;
    let headers: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      const response = await request(url, {
        method: call.method,
        dispatcher: this.agent,
        signal,
        headers: {
          accept: 'application/json',
          ...(call.apiKey ? { 'x-api-key': call.apiKey } : {}),
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
      status = response.statusCode;
      headers = response.headers;
      text = await response.body.text();
    } catch (error) {
      if (call.signal?.aborted) throw cancelled();
      const notSent = notSentCodes.has(errorCode(error));
      const failure = this.networkFailure(error, timeout.aborted, !call.idempotent && !notSent);
      if (failure.code === 'PLUGGY_TLS' || failure.maybeProcessed || last) throw failure;
      return { failure };
    }
    this.logger.info('pluggy.request', {
      method: call.method,
      path: call.path,
      status,
      ms: Math.round(performance.now() - started),
    });

    if (status === 429) {
      const seconds = retryAfterSeconds(headers['retry-after']);
      const failure = new PluggyError('PLUGGY_RATE_LIMITED', 'Pluggy asks to slow down', {
        status,
        retryAfterSeconds: seconds,
      });
      const waitMs = (seconds ?? 1) * 1000;
      if (waitMs > this.retry.maxRetryAfterMs || last) throw failure;
      return { retryAfterMs: waitMs, failure };
    }
    if (status >= 500) {
      // A 503 means it was not done; after another 5xx, a change may or may not have been made.
      const maybeProcessed = !call.idempotent && status !== 503;
      const failure = new PluggyError('PLUGGY_SERVER', `Pluggy answered ${status}`, {
        status,
        pluggyCode: errorDescription(text),
        maybeProcessed,
      });
      if (maybeProcessed || last) throw failure;
      return { failure };
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (error) {
      // A cut-off body is most often the network's doing: a safe request may be tried again.
      const failure = new PluggyError('PLUGGY_BAD_RESPONSE', `Pluggy answered ${status} with a body that is not JSON`, {
        status,
        cause: error,
      });
      if (!call.idempotent || last) throw failure;
      return { failure };
    }
    return { answer: { status, body } };
  }

  private url(call: HttpRequest): URL {
    const url = new URL(call.path.replace(/^\//, ''), this.base.href.endsWith('/') ? this.base : `${this.base.href}/`);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url;
  }

  /** Capped exponential backoff with "equal jitter": half fixed, half random. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private networkFailure(error: unknown, timedOut: boolean, maybeProcessed: boolean): PluggyError {
    const tls = tlsCodes.test(errorCode(error));
    const code: PluggyErrorCode = timedOut ? 'PLUGGY_TIMEOUT' : tls ? 'PLUGGY_TLS' : 'PLUGGY_NETWORK';
    const message = timedOut
      ? `Pluggy did not answer within ${Math.round(this.timeoutMs / 1000)} s`
      : `Could not talk to Pluggy (${errorCode(error) || describe(error)})`;
    return new PluggyError(code, message, { cause: error, maybeProcessed: maybeProcessed && !tls });
  }
}

function cancelled(): PluggyError {
  return new PluggyError('PLUGGY_CANCELLED', 'Cancelled');
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function describe(error: unknown): string {
  if (error instanceof undiciErrors.UndiciError) return error.name;
  return error instanceof Error ? error.message : String(error);
}

/** Retry-After in seconds, from either of its forms (delta-seconds or an HTTP date). */
function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorDescription(text: string): string | undefined {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).data?.codeDescription ?? undefined;
  } catch {
    return undefined;
  }
}
