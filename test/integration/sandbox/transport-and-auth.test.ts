import { request as httpRequest } from 'node:http';
import { connect } from 'node:tls';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/core/sandbox/server.ts';
import { createClock } from '../../../electron/core/sandbox/clock.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
let client: SandboxClient;
let port: number;

beforeAll(async () => {
  client = await startTestSandbox({ clock });
  port = Number(new URL(client.sandbox.url).port);
});
afterAll(() => client.stop());

function tlsHandshake(options: { minVersion?: 'TLSv1.1'; maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' }) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(
      { host: '127.0.0.1', port, ca: client.sandbox.ca, servername: 'localhost', ...options },
      () => {
        const protocol = socket.getProtocol() ?? 'unknown';
        socket.end();
        resolve(protocol);
      },
    );
    socket.on('error', reject);
  });
}

describe('transport', () => {
  it('speaks TLS 1.3 and 1.2 with a certificate for 127.0.0.1', async () => {
    expect(await tlsHandshake({})).toBe('TLSv1.3');
    expect(await tlsHandshake({ maxVersion: 'TLSv1.2' })).toBe('TLSv1.2');
  });

  it('refuses a TLS 1.1 client', async () => {
    await expect(tlsHandshake({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' })).rejects.toThrow();
  });

  it('refuses plain HTTP', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/connectors', method: 'GET' }, (response) =>
        resolve(`answered ${response.statusCode}`),
      );
      request.on('error', (error) => resolve(`refused: ${error.message}`));
      request.end();
    });
    expect(outcome).toMatch(/^refused|answered 400/);
    expect(outcome).not.toBe('answered 200');
  });

  it('keeps its certificate across restarts in the same folder', async () => {
    const temp = makeTempDir();
    try {
      const first = await startSandbox({ certificateDir: temp.path });
      await first.stop();
      const second = await startSandbox({ certificateDir: temp.path });
      await second.stop();
      expect(second.ca).toBe(first.ca);
    } finally {
      temp.remove();
    }
  });
});

describe('auth', () => {
  it('refuses wrong client keys with 401 CLIENT_KEYS_UNAUTHORIZED', async () => {
    const response = await client.call('POST', '/auth', { body: { clientId: 'x', clientSecret: 'y' }, key: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 401, codeDescription: 'CLIENT_KEYS_UNAUTHORIZED' });
  });

  it("answers a missing or bad key with Pluggy's 403 body", async () => {
    for (const key of [null, 'not-a-jwt', `${await client.newApiKey()}x`]) {
      const response = await client.call('GET', '/connectors', { key });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ code: 403, message: 'Missing or invalid authorization token' });
    }
  });

  it('issues API keys valid for 2 hours, by the sandbox clock', async () => {
    const apiKey = await client.newApiKey();
    const claims = decodeJwt(apiKey);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(2 * 3600);
    clock.advance(2 * 3600 * 1000 - 60_000);
    expect((await client.call('GET', '/connectors', { key: apiKey })).status).toBe(200);
    clock.advance(2 * 60_000);
    expect((await client.call('GET', '/connectors', { key: apiKey })).status).toBe(403);
  });

  it('issues connect tokens valid for 30 minutes that reach only what the widget needs', async () => {
    const apiKey = await client.newApiKey();
    const tokenResponse = await client.call('POST', '/connect_token', { key: apiKey, body: {} });
    const token = (tokenResponse.body as { accessToken: string }).accessToken;
    const claims = decodeJwt(token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30 * 60);

    expect((await client.call('GET', '/connectors?sandbox=true', { key: token })).status).toBe(200);
    const created = await client.call('POST', '/items', {
      key: token,
      body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    expect(created.status).toBe(200);
    const itemId = (created.body as { id: string }).id;
    expect((await client.call('GET', `/items/${itemId}`, { key: token })).status).toBe(200);
    expect((await client.call('GET', `/accounts?itemId=${itemId}`, { key: token })).status).toBe(403);
    expect((await client.call('POST', '/connect_token', { key: token, body: {} })).status).toBe(403);

    // Another item, made with the API key, is out of this token's reach…
    const other = await client.call('POST', '/items', {
      key: apiKey,
      body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    const otherId = (other.body as { id: string }).id;
    expect((await client.call('GET', `/items/${otherId}`, { key: token })).status).toBe(403);
    // …unless a token is bound to it (reconnect).
    const bound = await client.call('POST', '/connect_token', { key: apiKey, body: { itemId: otherId } });
    const boundToken = (bound.body as { accessToken: string }).accessToken;
    expect((await client.call('GET', `/items/${otherId}`, { key: boundToken })).status).toBe(200);

    clock.advance(31 * 60 * 1000);
    expect((await client.call('GET', '/connectors', { key: token })).status).toBe(403);
  });

  it('answers unknown routes with a Pluggy-shaped 404', async () => {
    const response = await client.call('GET', '/no/such/route');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 404, message: expect.any(String) as string });
  });
});
