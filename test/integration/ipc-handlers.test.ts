import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { channels, contract } from '../../electron/shared/contract.ts';
import { AppError } from '../../electron/shared/errors.ts';
import { seedConnection, seedTwoAccounts } from '../fixtures/seed.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let handlers: HandlerMap;
let emitted: { event: string; payload: unknown }[];
let disposals: (() => Promise<void>)[] = [];

/** Handler dependencies that are disposed of after the test. */
function deps(...args: Parameters<typeof testHandlerDeps>) {
  const made = testHandlerDeps(...args);
  disposals.push(() => made.dispose());
  return made;
}

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  emitted = [];
  handlers = createHandlers(
    deps(database, {
      appInfo: { version: '0.0.0-test', dataDirectory: temp.path },
      emit: (event, payload) => emitted.push({ event, payload }),
    }),
  );
});
afterEach(async () => {
  await Promise.all(disposals.map((dispose) => dispose()));
  disposals = [];
  database.close();
  temp.remove();
});

describe('handler map', () => {
  it('implements every channel of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  it('answers with outputs that match the contract', async () => {
    seedTwoAccounts(database.db);
    for (const channel of channels) {
      // Channels that need an input are covered in their own tests.
      if (!contract[channel].input.safeParse(undefined).success) continue;
      const result = await dispatch(handlers, channel, undefined, { validateOutput: true });
      expect(result.ok, channel).toBe(true);
      if (result.ok) expect(() => contract[channel].output.parse(result.value), channel).not.toThrow();
    }
    // Every input-less channel in turn, reports included: ~1.5 s quiet, several times that
    // on a loaded 2-core machine.
  }, 30_000);
});

describe('accounts:list', () => {
  it('is empty for a new user', async () => {
    expect(await dispatch(handlers, 'accounts:list', undefined)).toEqual({ ok: true, value: [] });
  });

  it('lists accounts with balances in cents, grouped by institution', async () => {
    seedTwoAccounts(database.db);
    const result = await dispatch(handlers, 'accounts:list', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: [
        { id: 'acc-checking', institution: 'Nubank', type: 'BANK', balanceCents: 1234567, closed: false },
        { id: 'acc-card', institution: 'Nubank', type: 'CREDIT', balanceCents: -98765, creditLimitCents: 1500000 },
      ],
    });
  });

  it('keeps the accounts of a connection removed with its data kept, marked disconnected', async () => {
    seedConnection(database.db, { id: 'item-gone', connectorName: 'Old Bank', removedAt: '2026-01-01T00:00:00.000Z' });
    database.sqlite
      .prepare(
        "INSERT INTO accounts (id, connection_id, type, name, closed_at) VALUES ('acc-gone', 'item-gone', 'BANK', 'Old', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    const listed = await dispatch(handlers, 'accounts:list', undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ id: 'acc-gone', disconnected: true, closed: true }] });
  });
});

describe('settings', () => {
  /** A new install's settings; the PDF report's holder is unset until the user sets it (the bank's is used meanwhile). */
  const defaults = {
    language: 'pt-BR',
    theme: 'system',
    pluggyMode: 'demo',
    closeToTray: true,
    syncIntervalMinutes: 15,
    reportOwnerName: null,
    reportOwnerDocument: null,
  };

  it('defaults to Brazilian Portuguese', async () => {
    expect(await dispatch(handlers, 'settings:get', undefined)).toEqual({
      ok: true,
      value: defaults,
    });
  });

  it('saves a change, tells every window, and keeps it in the file', async () => {
    const result = await dispatch(handlers, 'settings:update', { language: 'en' });
    expect(result).toEqual({
      ok: true,
      value: { ...defaults, language: 'en' },
    });
    expect(emitted).toEqual([
      {
        event: 'settings:changed',
        payload: { ...defaults, language: 'en' },
      },
    ]);

    database.close();
    database = openDatabase(join(temp.path, 'balancete.sqlite'));
    const reopened = createHandlers(deps(database));
    expect(await dispatch(reopened, 'settings:get', undefined)).toEqual({
      ok: true,
      value: { ...defaults, language: 'en' },
    });
  });

  it('keeps the theme chosen, and reads books saved before there was one as following the system', async () => {
    database.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"en\"', '2026-01-01')")
      .run();
    expect(await dispatch(handlers, 'settings:get', undefined)).toEqual({
      ok: true,
      value: { ...defaults, language: 'en' },
    });

    expect(await dispatch(handlers, 'settings:update', { theme: 'dark' })).toEqual({
      ok: true,
      value: { ...defaults, language: 'en', theme: 'dark' },
    });
    database.close();
    database = openDatabase(join(temp.path, 'balancete.sqlite'));
    expect(await dispatch(createHandlers(deps(database)), 'settings:get', undefined)).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
  });

  it('falls back to the default when a stored value is no longer valid', async () => {
    database.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"fr\"', '2026-01-01')")
      .run();
    expect(await dispatch(handlers, 'settings:get', undefined)).toEqual({
      ok: true,
      value: defaults,
    });
  });
});

describe('bad requests become typed errors, never crashes', () => {
  it.each([
    ['an unknown language', { language: 'fr' }],
    ['an unknown setting', { language: 'en', colour: 'dark' }],
    ['an unknown theme', { theme: 'sepia' }],
    ['a wrong type', 'en'],
    ['nothing', undefined],
  ])('settings:update with %s', async (_label, input) => {
    const result = await dispatch(handlers, 'settings:update', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(emitted).toEqual([]);
  });

  it('an input where none is expected', async () => {
    expect(await dispatch(handlers, 'accounts:list', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it.each([['no:such-channel'], ['__proto__'], ['toString'], [42], [null]])('channel %s', async (channel) => {
    expect(await dispatch(handlers, channel, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('a handler that fails unexpectedly: generic message out, details to the log', async () => {
    const logged: unknown[] = [];
    const failing: HandlerMap = {
      ...handlers,
      'accounts:list': () => {
        throw new Error('disk I/O error at /home/secret/path');
      },
    };
    const result = await dispatch(failing, 'accounts:list', undefined, {
      onInternalError: (_channel, error) => logged.push(error),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Balancete.' },
    });
    expect(logged).toHaveLength(1);
  });

  it('an answer that breaks the contract is caught when outputs are checked', async () => {
    const logged: unknown[] = [];
    const drifting: HandlerMap = { ...handlers, 'settings:get': () => ({ language: 'fr' }) as never };
    expect(await dispatch(drifting, 'settings:get', undefined)).toEqual({ ok: true, value: { language: 'fr' } });
    expect(
      await dispatch(drifting, 'settings:get', undefined, {
        validateOutput: true,
        onInternalError: (_channel, error) => logged.push(error),
      }),
    ).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
  });

  it('a logger that throws does not break the typed error', async () => {
    const failing: HandlerMap = {
      ...handlers,
      'accounts:list': () => {
        throw new Error('boom');
      },
    };
    const result = await dispatch(failing, 'accounts:list', undefined, {
      onInternalError: () => {
        throw new Error('log file full');
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('a handler that fails with a user-facing error keeps its code', async () => {
    const failing: HandlerMap = {
      ...handlers,
      'accounts:list': () => {
        throw new AppError('NOT_FOUND', 'No such account', { id: 'x' });
      },
    };
    expect(await dispatch(failing, 'accounts:list', undefined)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such account', details: { id: 'x' } },
    });
  });
});
