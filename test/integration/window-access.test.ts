import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { channels, contract } from '../../electron/shared/contract.ts';
import { windowKinds, windowScopes } from '../../electron/shared/window-scopes.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/**
 * Least privilege per window through dispatch, as main's IPC and the E2E bridge call it
 * with the sender's window kind: the real handler map over a real database.
 */
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let deps: ReturnType<typeof testHandlerDeps>;
let handlers: HandlerMap;

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  deps = testHandlerDeps(database);
  handlers = createHandlers(deps);
});
afterEach(async () => {
  await deps.dispose();
  database.close();
  temp.remove();
});

/** An input no channel takes, so a request let through stops at validation and no handler runs. */
const badInput = 42;

describe('dispatch by window kind', () => {
  it('no channel of the contract takes the probe input (what the next test relies on)', () => {
    for (const channel of channels) expect(contract[channel].input.safeParse(badInput).success, channel).toBe(false);
  });

  it.each(windowKinds)('the %s window: its channels are let through, every other one refused', async (kind) => {
    for (const channel of channels) {
      const result = await dispatch(handlers, channel, badInput, { window: kind });
      const expected = windowScopes[kind].channels.includes(channel) ? 'INVALID_INPUT' : 'CHANNEL_NOT_ALLOWED';
      expect(result, `${kind} → ${channel}`).toMatchObject({ ok: false, error: { code: expected } });
    }
  });

  it('a sender of no known kind is refused every channel', async () => {
    for (const channel of channels) {
      expect(await dispatch(handlers, channel, undefined, { window: null }), channel).toMatchObject({
        ok: false,
        error: { code: 'CHANNEL_NOT_ALLOWED' },
      });
    }
  });

  it('the Connect window reads its settings but not the books; the main window reads the books', async () => {
    seedTwoAccounts(database.db);
    const query = { limit: 5 };
    expect(await dispatch(handlers, 'settings:get', undefined, { window: 'connect' })).toMatchObject({
      ok: true,
      value: { language: 'pt-BR' },
    });
    expect(await dispatch(handlers, 'transactions:list', query, { window: 'connect' })).toEqual({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED', message: 'transactions:list is not open to the connect window' },
    });
    expect(await dispatch(handlers, 'accounts:list', undefined, { window: 'connect' })).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED' },
    });
    expect(await dispatch(handlers, 'transactions:list', query, { window: 'main' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'accounts:list', undefined, { window: 'main' })).toMatchObject({
      ok: true,
      value: [{}, {}],
    });
  });

  it('the main window may not take a connection in nor make connect tokens: only the Connect window does', async () => {
    for (const [channel, input] of [
      ['connections:adopt', { itemId: '5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f' }],
      ['connect-token:create', {}],
    ] as const) {
      expect(await dispatch(handlers, channel, input, { window: 'main' })).toMatchObject({
        ok: false,
        error: { code: 'CHANNEL_NOT_ALLOWED' },
      });
    }
    // Let through for the Connect window: demo mode then says the widget is for one's own application.
    expect(await dispatch(handlers, 'connect-token:create', {}, { window: 'connect' })).toMatchObject({
      ok: false,
      error: { code: 'CONNECT_WIDGET_OWN_ONLY' },
    });
  });

  it('the report window can read a report but change nothing', async () => {
    seedTwoAccounts(database.db);
    expect(
      await dispatch(
        handlers,
        'reports:profit-and-loss',
        { from: '2026-01-01', to: '2026-01-31' },
        { window: 'report' },
      ),
    ).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'settings:update', { language: 'en' }, { window: 'report' })).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED' },
    });
    expect(await dispatch(handlers, 'settings:get', undefined, { window: 'report' })).toMatchObject({
      ok: true,
      value: { language: 'pt-BR' },
    });
  });
});
