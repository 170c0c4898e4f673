import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PluggyClient } from '../../../electron/core/pluggy/client.ts';
import { type Logger, SecretRegistry, createRedactingLogger } from '../../../electron/core/log.ts';
import { loadOrCreateCertificate } from '../../../electron/core/sandbox/certificate.ts';
import { clientFor, failure } from '../../support/pluggy-client.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

let sandbox: SandboxClient;
let logged: { level: string; event: string; fields: Record<string, unknown> }[];
let client: PluggyClient;

const recordingLogger = (): Logger => {
  const record =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      logged.push({ level, event, fields });
  return { info: record('info'), warn: record('warn'), error: record('error') };
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
let opened: PluggyClient[] = [];
afterEach(async () => {
  sandbox.sandbox.control.faults.clear();
  await Promise.all(opened.map((each) => each.close()));
  opened = [];
});

function freshClient(overrides: Parameters<typeof clientFor>[1] = {}) {
  logged = [];
  client = clientFor(sandbox, { logger: recordingLogger(), ...overrides });
  opened.push(client);
  return client;
}

const retries = () => logged.filter((entry) => entry.event === 'pluggy.retry');
const faults = () => sandbox.sandbox.control.faults;

describe('retries, bounded', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'rate-limit', path: '/categories', retryAfterSeconds: 1, times: 1 });
    const started = performance.now();
    expect((await client.categories()).length).toBeGreaterThan(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries()).toMatchObject([{ fields: { code: 'PLUGGY_RATE_LIMITED', waitMs: 1000 } }]);
  });

  it('gives up at once on a Retry-After longer than it is willing to wait', async () => {
    freshClient({ retry: { maxRetryAfterMs: 5000 } });
    faults().add({ kind: 'rate-limit', path: '/categories', retryAfterSeconds: 120 });
    expect(await failure(client.categories())).toMatchObject({ code: 'PLUGGY_RATE_LIMITED', retryAfterSeconds: 120 });
    expect(retries()).toEqual([]);
  });

  it.each([500, 502, 503])('retries %d with backoff, and stops after the last attempt', async (status) => {
    freshClient({ retry: { attempts: 3 } });
    await client.authenticate();
    faults().add({ kind: 'server-error', status, path: '/categories', times: 2 });
    expect((await client.categories()).length).toBeGreaterThan(100);
    expect(retries()).toHaveLength(2);

    faults().add({ kind: 'server-error', status, path: '/categories' });
    expect(await failure(client.categories())).toMatchObject({ code: 'PLUGGY_SERVER', status });
    expect(retries()).toHaveLength(4);
  });

  it('backs off exponentially, capped, with jitter', async () => {
    freshClient({ retry: { attempts: 5, baseDelayMs: 40, maxDelayMs: 100 } });
    await client.authenticate();
    faults().add({ kind: 'server-error', path: '/categories', times: 4 });
    await client.categories();
    const waits = retries().map((entry) => entry.fields.waitMs as number);
    // Ceilings 40, 80, 100, 100 (capped); each wait lies between half the ceiling and the ceiling.
    [40, 80, 100, 100].forEach((ceiling, index) => {
      expect(waits[index]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(waits[index]).toBeLessThanOrEqual(ceiling);
    });
  });

  it('tries a safe request again after the connection breaks mid-body', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'reset', path: '/categories', times: 1 });
    expect((await client.categories()).length).toBeGreaterThan(100);
    expect(retries()).toMatchObject([{ fields: { code: 'PLUGGY_NETWORK' } }]);
  });

  it('does not repeat a change after a 500 that may have been done, and says so', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'server-error', status: 500, method: 'POST', path: '/items', times: 1 });
    const error = await failure(
      client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } }),
    );
    expect(error).toMatchObject({ code: 'PLUGGY_SERVER', status: 500, maybeProcessed: true });
    expect(retries()).toEqual([]);
  });

  it('never sends an item creation twice when the answer is lost', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'reset', method: 'POST', path: '/items', times: 1 });
    const error = await failure(
      client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } }),
    );
    expect(error).toMatchObject({ code: 'PLUGGY_NETWORK', maybeProcessed: true });
    expect(retries()).toEqual([]);
  });

  it('times out a slow answer, per attempt', async () => {
    freshClient({ timeoutMs: 150, retry: { attempts: 2 } });
    await client.authenticate();
    faults().add({ kind: 'slow', path: '/categories', delayMs: 400 });
    expect(await failure(client.categories())).toMatchObject({ code: 'PLUGGY_TIMEOUT' });
    expect(retries()).toHaveLength(1);
  });

  it('retries a truncated or malformed body, and reports one that stays broken', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'truncate', path: '/categories', times: 1 });
    faults().add({ kind: 'malformed', path: '/categories', times: 1 });
    expect((await client.categories()).length).toBeGreaterThan(100);
    faults().add({ kind: 'malformed', path: '/categories' });
    expect(await failure(client.categories())).toMatchObject({ code: 'PLUGGY_BAD_RESPONSE' });
  });

  it('ignores unknown fields and keeps unknown enum values', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'extra-fields', path: '/connectors/0', times: 1 });
    const connector = await client.connector(0);
    expect(connector).toMatchObject({ id: 0, name: 'Pluggy Bank' });
    expect(connector).not.toHaveProperty('sandboxNewField');
    faults().add({ kind: 'unknown-enums', path: '/connectors/0', times: 1 });
    expect((await client.connector(0)).type).toBe('SOME_FUTURE_TYPE');
  });

  it('turns a body of the wrong shape into PLUGGY_BAD_RESPONSE, not a crash', async () => {
    await withHttpsServer(
      {},
      (request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(request.url === '/auth' ? '{"apiKey":"not-a-jwt-but-a-key"}' : '{"id": 5, "status": null}');
      },
      async (url, ca) => {
        freshClient({ baseUrl: url, sandboxCa: ca });
        expect(await failure(client.item('x'))).toMatchObject({ code: 'PLUGGY_BAD_RESPONSE' });
      },
    );
  });
});

describe('API key', () => {
  it('is fetched once and shared, however many calls run at once', async () => {
    freshClient();
    await Promise.all(Array.from({ length: 10 }, () => client.connector(0)));
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(1);
  });

  it('is renewed a few minutes before it expires', async () => {
    const clock = sandbox.sandbox.control.clock;
    freshClient({ now: () => clock.now(), renewBeforeMs: 5 * 60 * 1000 });
    await client.connector(0);
    clock.advance(2 * 60 * 60 * 1000 - 6 * 60 * 1000);
    await client.connector(0);
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(1);
    clock.advance(2 * 60 * 1000); // now within five minutes of expiry
    await client.connector(0);
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(2);
    expect(logged.some((entry) => entry.event === 'pluggy.key-refused')).toBe(false);
  });

  it("lives its own lifetime, however skewed this computer's clock is", async () => {
    freshClient({ now: () => Date.now() + 3 * 60 * 60 * 1000 });
    for (let call = 0; call < 5; call += 1) await client.connector(0);
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(1);
  });

  it('is not renewed for a 403 that is about the request rather than the key', async () => {
    freshClient();
    await client.connector(0);
    faults().add({
      kind: 'server-error',
      status: 403,
      codeDescription: 'PRODUCT_NOT_ENABLED',
      path: '/connectors/0',
      times: 1,
    });
    expect(await failure(client.connector(0))).toMatchObject({
      code: 'PLUGGY_FORBIDDEN',
      pluggyCode: 'PRODUCT_NOT_ENABLED',
    });
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(1);
  });

  it('is renewed once when Pluggy refuses it, and a second refusal is a clear error', async () => {
    freshClient();
    await client.connector(0);
    faults().add({ kind: 'server-error', status: 403, path: '/connectors/0', times: 1 });
    expect(await client.connector(0)).toMatchObject({ id: 0 });
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(2);

    faults().add({ kind: 'server-error', status: 403, path: '/connectors/0', times: 2 });
    expect(await failure(client.connector(0))).toMatchObject({ code: 'PLUGGY_FORBIDDEN' });
  });
});

describe('cancellation', () => {
  it('stops a request in flight', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'slow', path: '/categories', delayMs: 2000, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    expect(await failure(client.categories({ signal: controller.signal }))).toMatchObject({ code: 'PLUGGY_CANCELLED' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('one caller giving up does not cancel the key renewal the others wait for', async () => {
    freshClient();
    faults().add({ kind: 'slow', path: '/auth', delayMs: 300, times: 1 });
    const controller = new AbortController();
    const impatient = client.connector(0, { signal: controller.signal });
    const patient = client.connector(0);
    setTimeout(() => controller.abort(), 50);
    expect(await failure(impatient)).toMatchObject({ code: 'PLUGGY_CANCELLED' });
    expect(await patient).toMatchObject({ id: 0 });
    expect(logged.filter((entry) => entry.event === 'pluggy.key-renewed')).toHaveLength(1);
  });

  it('stops while waiting to retry', async () => {
    freshClient();
    await client.authenticate();
    faults().add({ kind: 'rate-limit', path: '/categories', retryAfterSeconds: 30, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await failure(client.categories({ signal: controller.signal }))).toMatchObject({ code: 'PLUGGY_CANCELLED' });
  });
});

describe('transport security', () => {
  it('refuses an http:// address, even for the sandbox', () => {
    expect(() => clientFor(sandbox, { baseUrl: sandbox.sandbox.url.replace('https:', 'http:') })).toThrow(
      expect.objectContaining({ code: 'PLUGGY_INSECURE_URL' }) as Error,
    );
  });

  it('trusts the sandbox certificate only when told to', async () => {
    freshClient({ sandboxCa: undefined });
    const error = await failure(client.authenticate());
    expect(error.code).toBe('PLUGGY_TLS');
    expect(retries()).toEqual([]); // a certificate failure is not retried
  });

  it('refuses a server that only speaks TLS 1.1 (and talks to the same server on TLS 1.2)', async () => {
    const answer = (_request: IncomingMessage, response: ServerResponse) => response.end('{"apiKey":"a-plain-key"}');
    const legacy = { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } as const;
    await withHttpsServer(legacy, answer, async (url, ca) => {
      freshClient({ baseUrl: url, sandboxCa: ca });
      expect(await failure(client.authenticate())).toMatchObject({ code: 'PLUGGY_TLS' });
      expect(retries()).toEqual([]);
    });
    await withHttpsServer({ ...legacy, maxVersion: 'TLSv1.2' }, answer, async (url, ca) => {
      freshClient({ baseUrl: url, sandboxCa: ca });
      await client.authenticate();
    });
  });
});

describe('logs', () => {
  it('never contain the client secret, API keys or connect tokens', async () => {
    const secrets = new SecretRegistry();
    const lines: string[] = [];
    const base: Logger = {
      info: (event, fields) => lines.push(JSON.stringify({ event, fields })),
      warn: (event, fields) => lines.push(JSON.stringify({ event, fields })),
      error: (event, fields) => lines.push(JSON.stringify({ event, fields })),
    };
    const logger = createRedactingLogger(base, secrets);
    client = clientFor(sandbox, { logger, secrets });
    opened.push(client);
    await client.authenticate();
    const token = await client.createConnectToken();
    faults().add({ kind: 'server-error', status: 403, path: '/connectors/0', times: 1 });
    await client.connector(0);
    // Whatever a careless caller logs goes through the same filter.
    logger.error('careless', {
      token,
      config: { clientSecret: sandbox.sandbox.credentials.clientSecret },
      text: `key=${token}`,
    });
    const everything = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(everything).not.toContain(sandbox.sandbox.credentials.clientSecret);
    expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT at all
  });
});

/** A one-off HTTPS server on 127.0.0.1 with a certificate of its own, which the client is told to trust. */
async function withHttpsServer(
  tls: Pick<ServerOptions, 'minVersion' | 'maxVersion' | 'ciphers'>,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  use: (url: string, ca: string) => Promise<void>,
): Promise<void> {
  const temp = makeTempDir();
  const certificate = await loadOrCreateCertificate(temp.path);
  const server = createServer({ key: certificate.key, cert: certificate.cert, ...tls }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`https://127.0.0.1:${(server.address() as AddressInfo).port}`, certificate.cert);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    temp.remove();
  }
}
