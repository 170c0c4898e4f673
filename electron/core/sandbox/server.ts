import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Fastify from 'fastify';
import { type ClientCredentials, SandboxAuth } from './auth.ts';
import { loadOrCreateCertificate } from './certificate.ts';
import { createClock, type SandboxClock } from './clock.ts';
import { PluggyError } from './errors.ts';
import { corruptBody, FaultInjector, type FaultRule } from './faults.ts';
import { ItemStore, type SavedItem } from './items.ts';
import { registerRoutes } from './routes.ts';

const maxLoggedRequests = 10_000;

/** The demo application's keys: public on purpose, they open nothing but this sandbox. */
export const demoCredentials: ClientCredentials = {
  clientId: 'balancete-demo-client',
  clientSecret: 'balancete-demo-secret',
};

export interface SandboxOptions {
  /** Seeds all generated data: the same seed gives the same banks, rows and amounts. */
  seed?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the TLS certificate is kept between runs (default: a folder in the OS temp dir). */
  certificateDir?: string;
  credentials?: ClientCredentials;
  clock?: SandboxClock;
  /** Time between an item's execution steps (default 10 ms; demo mode uses seconds). */
  stepMs?: number;
  /** History rows per item, across its three accounts (default 1,200: a year for a freelancer). */
  transactionsPerItem?: number;
  /** PATCH /items within this long of the last update answers 409 (default 0: no limit). */
  minUpdateIntervalMs?: number;
  /** Answer v1 GET /transactions with 410 ENDPOINT_DEPRECATED (default false). */
  v1Deprecated?: boolean;
  /** How long Open Finance consents last (default: 12 months from the login that gave them). */
  consentDurationMs?: number;
  /**
   * A JSON file that keeps items and webhooks across restarts (demo mode: the app
   * remembers its connections, so the sandbox must too). Written after any request that
   * changed something, including a read that let an item's update finish.
   */
  statePath?: string;
  /** Told when the state file cannot be written (default: a line on stderr). */
  onStateError?: (error: unknown) => void;
}

export interface SandboxControl {
  clock: SandboxClock;
  items: ItemStore;
  faults: FaultInjector;
  /** "Pluggy's automatic daily update" of one item. */
  autoUpdate(itemId: string): void;
  setV1Deprecated(deprecated: boolean): void;
  /** How long Open Finance consents given from now on last; undefined: 12 months again. */
  setConsentDuration(milliseconds: number | undefined): void;
  /** The requests received, in order (method and path, no query; the latest 10,000): what a client asked of this "Pluggy". */
  readonly requests: readonly SandboxRequest[];
}

export interface SandboxRequest {
  method: string;
  path: string;
}

export interface SandboxHandle {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** The certificate to trust (PEM); it is its own CA. */
  ca: string;
  credentials: ClientCredentials;
  control: SandboxControl;
  stop(): Promise<void>;
}

/**
 * A Pluggy-compatible API over HTTPS on 127.0.0.1 (TLS 1.2 or newer only): the app's demo
 * mode and the test double for every test and benchmark. See design.md §7.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const clock = options.clock ?? createClock();
  const credentials = options.credentials ?? demoCredentials;
  const certificate = await loadOrCreateCertificate(options.certificateDir ?? join(tmpdir(), 'balancete-sandbox'));
  const items = new ItemStore({
    clock,
    seed: options.seed ?? 1,
    stepMs: options.stepMs ?? 10,
    transactionsPerItem: options.transactionsPerItem ?? 1200,
    minUpdateIntervalMs: options.minUpdateIntervalMs ?? 0,
    ...(options.consentDurationMs === undefined ? {} : { consentDurationMs: options.consentDurationMs }),
  });
  const requests: SandboxRequest[] = [];
  const faults = new FaultInjector();
  let v1Deprecated = options.v1Deprecated ?? false;
  const webhooks = new Map<string, Record<string, unknown>>();
  const { statePath } = options;
  if (statePath && existsSync(statePath)) {
    let saved: SavedState;
    try {
      saved = JSON.parse(readFileSync(statePath, 'utf8')) as SavedState;
    } catch (error) {
      // Starting empty would silently drop the user's demo connections: refuse, and say where.
      throw new Error(
        `The sandbox state at ${statePath} cannot be read (${String(error)}). Move it away to start afresh.`,
        { cause: error },
      );
    }
    items.restore(saved.items);
    for (const webhook of saved.webhooks) webhooks.set(String(webhook.id), webhook);
  }
  let savedRevision = items.revision;
  let otherChanges = false;
  const saveState = () => {
    if (!statePath || (items.revision === savedRevision && !otherChanges)) return;
    try {
      mkdirSync(dirname(statePath), { recursive: true });
      const state: SavedState = { version: 1, items: items.save(), webhooks: [...webhooks.values()] };
      // Write then rename: a crash mid-write leaves the previous state, never half a file.
      writeFileSync(`${statePath}.tmp`, JSON.stringify(state));
      renameSync(`${statePath}.tmp`, statePath);
      savedRevision = items.revision;
      otherChanges = false;
    } catch (error) {
      (options.onStateError ?? ((cause) => console.error(`sandbox: could not save ${statePath}:`, cause)))(error);
    }
  };

  const app = Fastify({
    https: { key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.2' },
    logger: false,
    bodyLimit: 1024 * 1024,
  });

  // Pluggy accepts an empty body sent as JSON (the SDK's DELETE and MFA calls send one);
  // Fastify's own parser would refuse it.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new PluggyError(400, 'The body is not valid JSON', { codeDescription: 'INVALID_REQUEST' }), undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    requests.push({ method: request.method, path: request.url.split('?')[0] ?? '' });
    // Demo mode's sandbox runs for as long as the app: keep the latest only.
    if (requests.length > maxLoggedRequests) requests.splice(0, requests.length - maxLoggedRequests);
    const rule = faults.take(request.method, request.url.split('?')[0] ?? '', 'before');
    if (!rule) return;
    if (rule.kind === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 2000));
      return;
    }
    if (rule.kind === 'rate-limit') {
      const seconds = rule.retryAfterSeconds ?? 1;
      return reply
        .code(429)
        .header('Retry-After', String(seconds))
        .send({ code: 429, message: 'Too many requests', codeDescription: 'TOO_MANY_REQUESTS' });
    }
    const status = rule.status ?? 503;
    return reply.code(status).send({
      code: status,
      message: 'Failure injected by the sandbox',
      ...(rule.codeDescription ? { codeDescription: rule.codeDescription } : {}),
    });
  });

  app.addHook('onResponse', (_request, _reply, done) => {
    saveState();
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    const rule = faults.take(request.method, request.url.split('?')[0] ?? '', 'body');
    return rule ? corruptBody(rule, payload) : payload;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof PluggyError) {
      return reply.code(error.status).headers(error.headers).send(error.body());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own refusals: a body that is not JSON, too large, and the like.
      return reply
        .code(status)
        .send({ code: status, message: (error as Error).message, codeDescription: 'INVALID_REQUEST' });
    }
    return reply.code(500).send({ code: 500, message: 'Internal error' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      code: 404,
      message: `Cannot ${request.method} ${request.url.split('?')[0] ?? ''}`,
      codeDescription: 'NOT_FOUND',
    }),
  );

  registerRoutes(app, {
    auth: new SandboxAuth(credentials, clock),
    items,
    clock,
    webhooks,
    changed: () => {
      otherChanges = true;
    },
    v1Deprecated: () => v1Deprecated,
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;

  return {
    url: `https://127.0.0.1:${port}`,
    ca: certificate.cert,
    credentials,
    control: {
      clock,
      items,
      faults,
      autoUpdate: (itemId) => {
        items.autoUpdate(itemId);
        saveState();
      },
      setV1Deprecated: (deprecated) => {
        v1Deprecated = deprecated;
      },
      setConsentDuration: (milliseconds) => items.setConsentDuration(milliseconds),
      requests,
    },
    stop: async () => {
      await app.close();
      saveState();
    },
  };
}

interface SavedState {
  version: 1;
  items: SavedItem[];
  webhooks: Record<string, unknown>[];
}

export type { FaultRule };
