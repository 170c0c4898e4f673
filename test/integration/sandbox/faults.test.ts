import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

let client: SandboxClient;
let raw: (path: string) => Promise<{ status: number; headers: Record<string, unknown>; text: string }>;
let agent: Agent;

beforeAll(async () => {
  client = await startTestSandbox();
  agent = new Agent({ connect: { ca: client.sandbox.ca } });
  const key = await client.newApiKey();
  raw = async (path) => {
    const response = await request(`${client.sandbox.url}${path}`, {
      dispatcher: agent,
      headers: { 'X-API-KEY': key },
    });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  };
});
afterEach(() => client.sandbox.control.faults.clear());
afterAll(async () => {
  await agent.close();
  await client.stop();
});

describe('fault injection', () => {
  it('429 with Retry-After, for a number of requests', async () => {
    client.sandbox.control.faults.add({ kind: 'rate-limit', path: '/connectors', retryAfterSeconds: 7, times: 2 });
    const first = await raw('/connectors');
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect(JSON.parse(first.text)).toMatchObject({ code: 429 });
    expect((await raw('/connectors')).status).toBe(429);
    expect((await raw('/connectors')).status).toBe(200);
  });

  it.each([500, 502, 503])('server error %d', async (status) => {
    client.sandbox.control.faults.add({ kind: 'server-error', status, method: 'GET', times: 1 });
    expect((await raw('/categories')).status).toBe(status);
    expect((await raw('/categories')).status).toBe(200);
  });

  it('only where the pattern matches', async () => {
    client.sandbox.control.faults.add({ kind: 'server-error', path: /^\/categories\/\d+$/ });
    expect((await raw('/categories')).status).toBe(200);
    expect((await raw('/categories/05070000')).status).toBe(503);
  });

  it('a connection reset in the middle of the body', async () => {
    client.sandbox.control.faults.add({ kind: 'reset', path: '/categories', times: 1 });
    await expect(raw('/categories')).rejects.toThrow();
    expect((await raw('/categories')).status).toBe(200);
  });

  it('a slow answer', async () => {
    client.sandbox.control.faults.add({ kind: 'slow', delayMs: 300, times: 1 });
    const started = performance.now();
    expect((await raw('/categories')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('truncated and malformed JSON', async () => {
    client.sandbox.control.faults.add({ kind: 'truncate', times: 1 });
    client.sandbox.control.faults.add({ kind: 'malformed', times: 1 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await raw('/categories');
      expect(response.status).toBe(200);
      expect(() => JSON.parse(response.text) as unknown).toThrow(SyntaxError);
    }
  });

  it('unknown fields and unknown enum values, in otherwise valid JSON', async () => {
    client.sandbox.control.faults.add({ kind: 'extra-fields', times: 1 });
    const extra = JSON.parse((await raw('/connectors?sandbox=true')).text) as { results: Record<string, unknown>[] };
    expect(extra.results[0]).toMatchObject({ id: 0, name: 'Pluggy Bank', sandboxNewField: 'added by the sandbox' });

    client.sandbox.control.faults.add({ kind: 'unknown-enums', times: 1 });
    const enums = JSON.parse((await raw('/connectors?sandbox=true')).text) as { results: { type: string }[] };
    expect(enums.results[0]?.type).toBe('SOME_FUTURE_TYPE');

    // With fields left out, nothing else says what the unknown value stands for.
    client.sandbox.control.faults.add({ kind: 'unknown-enums', omit: ['health', 'credentials'], times: 1 });
    const bare = JSON.parse((await raw('/connectors?sandbox=true')).text) as { results: Record<string, unknown>[] };
    expect(bare.results[0]).toMatchObject({ id: 0, type: 'SOME_FUTURE_TYPE' });
    expect(bare.results.some((connector) => 'health' in connector || 'credentials' in connector)).toBe(false);
    const untouched = JSON.parse((await raw('/connectors?sandbox=true')).text) as {
      results: Record<string, unknown>[];
    };
    expect(untouched.results[0]).toHaveProperty('credentials');
  });
});
