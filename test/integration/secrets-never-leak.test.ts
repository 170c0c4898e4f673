import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { createConsoleLogger, createRedactingLogger, SecretRegistry } from '../../electron/core/log.ts';
import { PluggyClient } from '../../electron/core/pluggy/client.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { settledItem } from '../support/pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from '../support/sandbox.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let sandbox: SandboxClient;
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
});
afterAll(async () => {
  database.close();
  temp.remove();
  await sandbox.stop();
});

it('a whole session leaves the secret and the API keys out of logs, the database and every IPC payload', async () => {
  const { clientId, clientSecret } = sandbox.sandbox.credentials;
  const secrets = new SecretRegistry();
  const logLines: string[] = [];
  // The app's own logger stack, as main builds it, writing into memory instead of stderr.
  const logger = createRedactingLogger(
    createConsoleLogger((line) => logLines.push(line)),
    secrets,
  );
  const events: unknown[] = [];
  const deps = testHandlerDeps(database, {
    logger,
    secrets,
    emit: (event, payload) => events.push({ event, payload }),
    pluggyApi: { baseUrl: sandbox.sandbox.url, sandboxCa: sandbox.sandbox.ca },
  });
  const handlers = createHandlers(deps);
  onTestFinished(() => deps.dispose());
  const ipc: unknown[] = [];
  const call = async (channel: string, input?: unknown) => {
    const result = await dispatch(handlers, channel, input, {
      onInternalError: (_c, error) => logger.error('ipc', { error }),
    });
    ipc.push(result);
    return result;
  };

  // Settings: a wrong secret, the right one, a look, a language change, removal, and again.
  expect(await call('pluggy-account:save', { clientId, clientSecret: `${clientSecret}-wrong` })).toMatchObject({
    ok: false,
    error: { code: 'PLUGGY_AUTH' },
  });
  expect(await call('pluggy-account:save', { clientId, clientSecret })).toMatchObject({ ok: true });
  await call('pluggy-account:get');
  await call('settings:update', { language: 'en' });
  await call('accounts:list');
  await call('pluggy-account:remove');
  await call('pluggy-account:save', { clientId, clientSecret });

  // What a sync does with those keys: item, accounts, every transaction, through faults and a key refusal.
  const client = new PluggyClient({
    baseUrl: sandbox.sandbox.url,
    sandboxCa: sandbox.sandbox.ca,
    clientId,
    clientSecret,
    logger,
    secrets,
    retry: { baseDelayMs: 5, maxDelayMs: 10 },
  });
  try {
    const token = await client.createConnectToken();
    logger.warn('a careless line', { token, headers: { 'x-api-key': token } });
    const item = await settledItem(
      client,
      (await client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } })).id,
    );
    sandbox.sandbox.control.faults.add({ kind: 'server-error', status: 403, path: '/accounts', times: 1 });
    sandbox.sandbox.control.faults.add({ kind: 'server-error', status: 500, path: '/v2/transactions', times: 1 });
    sandbox.sandbox.control.faults.add({ kind: 'reset', path: '/v2/transactions', times: 1 });
    for (const account of await client.accounts(item.id)) {
      for await (const page of client.transactions(account.id)) expect(page.length).toBeGreaterThan(0);
    }
    await expect(client.item('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'PLUGGY_NOT_FOUND',
    });
  } finally {
    await client.close();
  }

  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const sqlite = readFileSync(join(temp.path, 'balancete.sqlite'));
  const texts = {
    logs: logLines.join(''),
    ipc: JSON.stringify(ipc),
    events: JSON.stringify(events),
  };
  expect(logLines.length).toBeGreaterThan(20);
  expect(logLines.some((line) => line.includes('pluggy.retry'))).toBe(true);
  for (const [where, text] of Object.entries(texts)) {
    expect(text, where).not.toContain(clientSecret);
    expect(text, where).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  }
  expect(sqlite.includes(clientSecret)).toBe(false);
  expect(/eyJ[\w-]+\.[\w-]+\./.test(sqlite.toString('latin1'))).toBe(false);
});
