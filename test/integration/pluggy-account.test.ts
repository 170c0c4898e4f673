import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { startTestSandbox, type SandboxClient } from '../support/sandbox.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let sandbox: SandboxClient;
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let handlers: HandlerMap;
let deps: ReturnType<typeof testHandlerDeps>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  deps = testHandlerDeps(database, { pluggyApi: { baseUrl: sandbox.sandbox.url, sandboxCa: sandbox.sandbox.ca } });
  handlers = createHandlers(deps);
});
afterEach(async () => {
  await dispatch(handlers, 'pluggy-account:remove', undefined);
  await deps.dispose();
  database.close();
  temp.remove();
});

it('starts in demo mode with nothing kept', async () => {
  expect(await dispatch(handlers, 'pluggy-account:get', undefined)).toEqual({
    ok: true,
    value: { mode: 'demo', configured: false, clientIdEnding: null, keychain: 'available' },
  });
});

it('switches to the own application only with keys kept, and back to demo keeping them', async () => {
  expect(await dispatch(handlers, 'pluggy-account:use', { mode: 'own' })).toMatchObject({
    ok: false,
    error: { code: 'PLUGGY_KEYS_MISSING' },
  });
  expect(await dispatch(handlers, 'settings:update', { pluggyMode: 'own' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });

  const saved = await dispatch(handlers, 'pluggy-account:save', sandbox.sandbox.credentials);
  expect(saved).toMatchObject({ ok: true, value: { mode: 'own', configured: true, clientIdEnding: 'ient' } });
  expect(await dispatch(handlers, 'pluggy-account:use', { mode: 'demo' })).toMatchObject({
    ok: true,
    value: { mode: 'demo', configured: true },
  });
  expect(await dispatch(handlers, 'pluggy-account:use', { mode: 'own' })).toMatchObject({
    ok: true,
    value: { mode: 'own', configured: true },
  });
  expect(await dispatch(handlers, 'settings:get', undefined)).toMatchObject({ ok: true, value: { pluggyMode: 'own' } });
});

it('keeps nothing when Pluggy refuses the keys', async () => {
  const refused = await dispatch(handlers, 'pluggy-account:save', {
    clientId: sandbox.sandbox.credentials.clientId,
    clientSecret: 'wrong-secret-for-sure',
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'PLUGGY_AUTH' } });
  expect(await dispatch(handlers, 'pluggy-account:get', undefined)).toMatchObject({
    ok: true,
    value: { mode: 'demo', configured: false },
  });
});

it('refuses empty or oversized keys before asking Pluggy', async () => {
  for (const input of [
    { clientId: '', clientSecret: 'x' },
    { clientId: 'x', clientSecret: ' ' },
    { clientId: 'x'.repeat(201), clientSecret: 'y' },
  ]) {
    expect(await dispatch(handlers, 'pluggy-account:save', input)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  }
});
