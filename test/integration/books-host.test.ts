import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../db/open.ts';
import { DatabaseOpenError } from '../../db/open-error.ts';
import { BooksHost, type BooksHostOptions } from '../../electron/core/books-host/books-host.ts';
import type { BooksEvent, ShellState, SyncAlert } from '../../electron/core/books-host/protocol.ts';
import { silentLogger } from '../../electron/core/log.ts';
import { CredentialStore } from '../../electron/core/secrets/credential-store.ts';
import { AppError } from '../../electron/shared/errors.ts';
import type { ConnectionSummary, SyncNotice } from '../../electron/shared/models.ts';
import { seedBooksFromANewerBalancete } from '../support/migrations.ts';
import { type SandboxClient, startTestSandbox } from '../support/sandbox.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/**
 * The books in their worker thread, as main runs them (core/books-host): a real worker
 * over a real SQLite file, a real keychain reached through main's side, demo mode's
 * sandbox over HTTPS. What the windows get must be what the handler map in main gave.
 */
let sandbox: SandboxClient;
let temp: ReturnType<typeof makeTempDir>;
let host: BooksHost | null;
let keychain: CredentialStore;
let events: BooksEvent[];
let alerts: SyncAlert[];
let states: ShellState[];
let shellCalls: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  temp = makeTempDir('balancete-books-host-');
  keychain = new CredentialStore({ service: `Balancete-test-${randomUUID()}` });
  events = [];
  alerts = [];
  states = [];
  shellCalls = [];
  logged = [];
  host = null;
});
afterEach(async () => {
  await host?.close();
  await keychain.remove().catch(() => {});
  temp.remove();
});

let logged: string[];

function options(overrides: Partial<BooksHostOptions['shell']> = {}): BooksHostOptions {
  const called = (name: string) => shellCalls.push(name);
  return {
    config: {
      databaseFile: join(temp.path, 'balancete.sqlite'),
      migrationsFolder: sourceMigrationsFolder,
      appInfo: { version: '0.0.0-test', dataDirectory: temp.path },
      pluggyApi: { baseUrl: sandbox.sandbox.url, sandboxCa: sandbox.sandbox.ca },
      demo: { directory: join(temp.path, 'demo'), stepMs: 0 },
      refreshPollMs: 10,
      logs: 'problems',
    },
    shell: {
      readCredentials: () => (called('readCredentials'), keychain.read()),
      saveCredentials: async (keys) => (called('saveCredentials'), await keychain.save(keys), null),
      removeCredentials: async () => (called('removeCredentials'), await keychain.remove(), null),
      chooseExportPath: ({ name }) => (called('chooseExportPath'), join(temp.path, name)),
      printReport: () => Promise.reject(new Error('no printer in this test')),
      openExport: (opening) => (called(`openExport:${opening.action}:${opening.path}`), null),
      openConnectWindow: () => (called('openConnectWindow'), null),
      oauthRedirectUri: () => 'balancete://oauth-callback?state=test',
      ...overrides,
    },
    onEvent: (event) => events.push(event),
    onAlert: (alert) => alerts.push(alert),
    onState: (state) => states.push(state),
    logger: { ...silentLogger, error: (event) => logged.push(event) },
  };
}

async function start(overrides: Partial<BooksHostOptions['shell']> = {}): Promise<BooksHost> {
  host = await BooksHost.start(options(overrides));
  return host;
}

async function value<T>(channel: string, input?: unknown, window: 'main' | 'connect' | 'report' = 'main'): Promise<T> {
  const result = await (host as BooksHost).invoke(channel, input, window);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const notices = () => events.filter((each) => each.event === 'sync:notice').map((each) => each.payload as SyncNotice);

// Each test starts a worker thread, which loads the app's modules anew: seconds on a busy machine.
describe('the books worker', { timeout: 60_000 }, () => {
  it('answers the contract as dispatch does: values, typed refusals, the window scope', async () => {
    await start();
    expect(await value('app:info')).toEqual({ version: '0.0.0-test', dataDirectory: temp.path });
    expect(await value('settings:get')).toMatchObject({ language: 'pt-BR' });
    const books = host as BooksHost;
    expect(await books.invoke('no:such-channel', null, 'main')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await books.invoke('transactions:list', { limit: 'many' }, 'main')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fieldErrors: { limit: expect.any(Array) as unknown } } },
    });
    expect(await books.invoke('rules:list', undefined, 'connect')).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED' },
    });
    expect(await books.invoke('accounts:update', { id: 'nope', nickname: 'x' }, 'main')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('tells main the state it shows and every setting change, as they happen', async () => {
    await start();
    expect(books().state).toMatchObject({ language: 'pt-BR', connections: [], paused: false });
    await value('settings:update', { language: 'en', closeToTray: false });
    expect(books().state).toMatchObject({ language: 'en', closeToTray: false });
    expect(states.at(-1)).toMatchObject({ language: 'en' });
    expect(events.filter((each) => each.event === 'settings:changed').at(-1)?.payload).toMatchObject({
      language: 'en',
    });
    await books().command({ command: 'pause' });
    expect(books().state.paused).toBe(true);
    await books().command({ command: 'resume', reason: 'test' });
    expect(books().state.paused).toBe(false);
  });

  it('syncs a demo bank in the worker: notices for the windows, the tray state, a notification worded for main', async () => {
    await start();
    const created = await value<ConnectionSummary>(
      'connections:create',
      { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
      'connect',
    );
    const updated = await until(
      () => notices().find((notice) => notice.kind === 'item-updated' && notice.itemId === created.id),
      'the first sync',
    );
    expect(updated.created).toBeGreaterThan(500);
    expect(notices().some((notice) => notice.kind === 'sync-progress')).toBe(true);
    // The tray's copy of the connections came with the events, before main asks anything.
    expect(books().state.connections).toMatchObject([{ id: created.id, status: 'UPDATED', syncing: false }]);
    const alert = await until(
      () => alerts.find((each) => each.itemId === created.id && each.notification.away),
      'an alert',
    );
    expect(alert.notification.away).toEqual({
      title: expect.stringContaining('Pluggy Bank') as unknown,
      body: expect.stringContaining(String(updated.created)) as unknown,
    });
    // New transactions are news only for a user not looking at Balancete.
    const updatedAlert = alerts.find((each) => each.notification.away?.body.includes(String(updated.created)));
    expect(updatedAlert?.notification.looking).toBeNull();
    const page = await value<{ total: number }>('transactions:list', { limit: 5 });
    expect(page.total).toBe(updated.created);
    await books().command({ command: 'refresh', itemId: created.id });
    expect(books().state.connections[0]?.id).toBe(created.id);
  });

  it("reaches main's keychain for the Pluggy keys, and the failures it gives stay typed", async () => {
    await start();
    expect(await value('pluggy-account:get')).toMatchObject({ mode: 'demo', configured: false });
    expect(await value('pluggy-account:save', sandbox.sandbox.credentials)).toMatchObject({
      mode: 'own',
      configured: true,
    });
    expect(await keychain.read()).toEqual(sandbox.sandbox.credentials);
    expect(shellCalls).toContain('saveCredentials');
    await value('pluggy-account:remove');
    expect(await keychain.read()).toBeNull();
    await host?.close();
    // A keychain main cannot reach: the typed code crosses the thread as it is.
    await start({
      readCredentials: () => {
        throw new AppError('KEYCHAIN_LOCKED', 'The OS keychain is locked');
      },
    });
    expect(await value('pluggy-account:get')).toMatchObject({ keychain: 'locked' });
  });

  it("writes an export where main's save dialog says, and a PDF print main gives up on is cancelled", async () => {
    await start();
    const created = await value<ConnectionSummary>(
      'connections:create',
      { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
      'connect',
    );
    await until(
      () => notices().find((notice) => notice.kind === 'item-updated' && notice.itemId === created.id),
      'sync',
    );
    const written = await value<{ path: string; rows: number }>('exports:csv', { dialect: 'pt-BR' });
    expect(shellCalls).toContain('chooseExportPath');
    expect(written.path.startsWith(temp.path)).toBe(true);
    expect(readFileSync(written.path, 'utf8').trimEnd().split('\r\n')).toHaveLength(written.rows + 1);
    // Opening it is main's job, asked across the thread; a path no export wrote never gets there.
    await value('exports:show-in-folder', { path: written.path });
    expect(shellCalls).toContain(`openExport:reveal:${written.path}`);
    const databaseFile = join(temp.path, 'balancete.sqlite');
    expect(await books().invoke('exports:open-file', { path: databaseFile }, 'main')).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_UNKNOWN' },
    });
    expect(shellCalls.filter((call) => call.startsWith('openExport'))).toHaveLength(1);
    await host?.close();

    let printing: (() => void) | undefined;
    let printerAborted = false;
    await start({
      printReport: (_request, signal) =>
        new Promise((_resolve, reject) => {
          printing?.();
          signal.addEventListener('abort', () => {
            printerAborted = true;
            reject(new Error('aborted'));
          });
        }),
    });
    const printStarted = new Promise<void>((resolve) => (printing = resolve));
    const pdf = books().invoke('exports:pdf', { query: { from: '2026-01-01', to: '2026-01-31' } }, 'main');
    await printStarted;
    expect(await value('exports:cancel')).toEqual({ cancelled: 1 });
    expect(await pdf).toMatchObject({ ok: false, error: { code: 'EXPORT_CANCELLED' } });
    expect(printerAborted).toBe(true);
    expect(existsSync(join(temp.path, 'x.pdf'))).toBe(false);
  });

  it('refuses books from a newer Balancete with the reason main shows, before touching them', async () => {
    seedBooksFromANewerBalancete(join(temp.path, 'balancete.sqlite'));
    const failure = await BooksHost.start(options()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DatabaseOpenError);
    expect((failure as DatabaseOpenError).code).toBe('DATABASE_TOO_NEW');
  });

  it('closes the books on close: the file is left whole, and calls after it fail plainly', async () => {
    await start();
    await value('settings:update', { language: 'en' });
    const closed = books();
    await closed.close();
    host = null;
    expect(await closed.invoke('settings:get', undefined, 'main')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    // Closed cleanly: SQLite folded its write-ahead log back into the file.
    expect(existsSync(join(temp.path, 'balancete.sqlite-wal'))).toBe(false);
    await start();
    expect(await value('settings:get')).toMatchObject({ language: 'en' });
  });
});

describe('a books worker that stops unexpectedly', { timeout: 60_000 }, () => {
  it('is started again over the same books, and requests are answered again', async () => {
    host = await BooksHost.start({
      ...options(),
      entry: new URL('../fixtures/books-worker-crashing-once.ts', import.meta.url),
    });
    await value('settings:update', { language: 'en' });
    await until(() => (logged.includes('books.worker-stopped') ? true : undefined), 'the worker to stop');
    // Waits for the new worker, which opened the same file: what was saved before is there.
    expect(await value('settings:get')).toMatchObject({ language: 'en' });
    expect(books().state.language).toBe('en');
    expect(logged.filter((event) => event === 'books.worker-stopped')).toHaveLength(1);
  });
});

function books(): BooksHost {
  if (!host) throw new Error('no books host running');
  return host;
}
