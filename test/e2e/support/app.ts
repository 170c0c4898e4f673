import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { test as base, type BrowserContext, expect, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { openDatabase, type OpenedDatabase, sourceMigrationsFolder } from '../../../db/open.ts';
import { BooksHost } from '../../../electron/core/books-host/books-host.ts';
import type { ExportOpening } from '../../../electron/core/exports/exporter.ts';
import { createHandlers } from '../../../electron/core/handlers.ts';
import type { IpcResult } from '../../../electron/shared/errors.ts';
import { CredentialStore } from '../../../electron/core/secrets/credential-store.ts';
import type { KeychainLocks } from '../../../electron/core/secrets/keychain-locks.ts';
import { dispatch } from '../../../electron/core/ipc/dispatch.ts';
import { isTrustedOrigin } from '../../../electron/core/ipc/trusted-origin.ts';
import { mayReceive } from '../../../electron/core/ipc/window-access.ts';
import { resolveStaticFile, staticContentTypes } from '../../../electron/core/static-files.ts';
import type { EventName, EventPayload } from '../../../electron/shared/contract.ts';
import type { WindowKind } from '../../../electron/shared/window-scopes.ts';
import { testHandlerDeps } from '../../support/handler-deps.ts';
import { silentLogger } from '../../../electron/core/log.ts';
import { chromiumReportPrinter } from './report-printer.ts';
import type { SandboxHandle } from '../../../electron/core/sandbox/server.ts';
import { type SandboxClient, startTestSandbox } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/**
 * The E2E bridge (design.md §2): the page gets a `window.balancete` of the same shape
 * the preload exposes, and its calls reach the real handler map against a real SQLite
 * file — in the app's own books worker, built (out/main/books-worker.js), with this test
 * process as main: its keychain, its save "dialog", its report printer and Connect window
 * (core/books-host). The built pages are served from an https origin of their own,
 * checked exactly as main checks the sender frame, and each page is a window of a kind
 * (main, Connect, report) answered only on its kind's channels, as main does.
 *
 * `books: 'in-process'` runs the handler map in this process instead, for the few tests
 * that reach into demo mode's Pluggy itself (its clock, its items, its faults), which in
 * the app lives in the books worker's thread, out of a test's reach.
 */
export const appOrigin = 'https://balancete.test';
const rendererDir = resolve('out/renderer');
const builtBooksWorker = pathToFileURL(resolve('out/main/books-worker.js'));

/** "Main" as the bridge runs it: what answers the pages, and what the fixture needs of it. */
interface RunningMain {
  answer(channel: unknown, input: unknown, window: WindowKind | null): Promise<IpcResult<unknown>>;
  poll(): Promise<void>;
  demoSandbox(): Promise<SandboxHandle>;
  credentials: CredentialStore;
  stop(): Promise<void>;
}

export interface IpcExchange {
  channel: unknown;
  input: unknown;
  result: unknown;
}

export interface AppFixture {
  /** Every request the page made through the bridge, with what it got back. */
  ipc: IpcExchange[];
  /** The exported files the shell was asked to open or show in their folder (no file manager runs in a test). */
  openedExports: ExportOpening[];
  /** The sandbox standing in for Pluggy (own-application checks go to it). */
  sandbox: SandboxClient;
  /** Demo mode's embedded sandbox, once the app started it: Pluggy's side of demo links. */
  demoSandbox(): Promise<SandboxHandle>;
  /** Looks at every connection now, as the poll timer would (the time is the demo sandbox's clock). */
  poll(): Promise<void>;
  /** The app's database, open in this process: seed it before `open()`. */
  database: OpenedDatabase;
  dataDirectory: string;
  /** Loads the main window's page and waits for the shell. */
  open(path?: string): Promise<void>;
  /** Pushes an event to the page, as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
  /** Stops and starts "main" (database, keychain, handlers anew over the same files) and reloads the page. */
  restart(): Promise<void>;
}

export const test = base.extend<
  { app: AppFixture; keychain: 'real' | 'missing' | 'locked'; books: 'worker' | 'in-process' },
  { sandbox: SandboxClient }
>({
  /**
   * 'missing' gives the app a keychain module that cannot load, as where keytar failed to
   * build; 'locked', the test keychain as a locked one answers (keytar finds nothing, and
   * the Secret Service says it keeps the entry locked). Locking the keyring itself for real
   * is the integration tests' (credential-store.test.ts): this one is shared by the workers.
   */
  keychain: ['real', { option: true }],
  books: ['worker', { option: true }],
  sandbox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring even when unused
    async ({}, use) => {
      const sandbox = await startTestSandbox();
      await use(sandbox);
      await sandbox.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, context, sandbox, keychain, books }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` before the E2E tests');
    }
    const temp = makeTempDir('balancete-e2e-');
    const databaseFile = join(temp.path, 'balancete.sqlite');
    // This test's own entry in the shared test keychain, kept across restarts.
    const keychainService = `Balancete-e2e-${randomUUID()}`;
    /** Each page's window kind, as main knows each window's; a page opened otherwise has none. */
    const windowKinds = new WeakMap<Page, WindowKind>([[page, 'main']]);
    const windowKindOf = (each: Page) => windowKinds.get(each) ?? null;
    /** Main sends events to every window that listens to them: here, pages of the browser context. */
    const emit = async <E extends EventName>(event: E, payload: EventPayload<E>) => {
      await Promise.all(
        context
          .pages()
          .filter((each) => mayReceive(windowKindOf(each), event))
          .map((each) =>
            each
              .evaluate(([name, data]) => window.__balanceteEmit?.(name, data), [event, payload] as const)
              .catch(() => {}),
          ),
      );
    };
    const credentialStore = () =>
      keychain === 'missing'
        ? new CredentialStore({ loadKeytar: () => Promise.reject(new Error("Cannot find module 'keytar'")) })
        : new CredentialStore({ service: keychainService, ...(keychain === 'locked' ? { locks: allLocked } : {}) });
    const printReport = chromiumReportPrinter(context, appOrigin, (opened) => windowKinds.set(opened, 'report'));
    /** The Connect window, as a new page of the same browser context (same bridge). */
    const openConnectWindow = async ({ reconnect }: { reconnect?: string }) => {
      const connectPage = await context.newPage();
      windowKinds.set(connectPage, 'connect');
      await connectPage.goto(
        `${appOrigin}/connect.html${reconnect ? `?reconnect=${encodeURIComponent(reconnect)}` : ''}`,
      );
    };
    const appInfo = { version: '0.0.0-e2e', dataDirectory: temp.path };
    const openedExports: ExportOpening[] = [];
    /** The shell's stand-in for opening a file or its folder: records the request. */
    const openExport = (opening: ExportOpening) => {
      openedExports.push(opening);
      return null;
    };
    const pluggyApi = { baseUrl: sandbox.sandbox.url, sandboxCa: sandbox.sandbox.ca };
    const demoDirectory = join(temp.path, 'demo');

    /** What main builds at start-up: the books worker, which opens and migrates the database. */
    const startBooksWorker = async (): Promise<RunningMain> => {
      const credentials = credentialStore();
      const host = await BooksHost.start({
        entry: builtBooksWorker,
        config: {
          databaseFile,
          migrationsFolder: sourceMigrationsFolder,
          appInfo,
          pluggyApi,
          demo: { directory: demoDirectory, stepMs: 0 },
          refreshPollMs: 10,
          logs: 'problems',
          checkAnswers: true,
        },
        shell: {
          readCredentials: () => credentials.read(),
          saveCredentials: async (keys) => (await credentials.save(keys), null),
          removeCredentials: async () => (await credentials.remove(), null),
          // The save dialog's stand-in: the suggested name, in this test's folder.
          chooseExportPath: ({ name }) => join(temp.path, name),
          printReport,
          openExport,
          openConnectWindow: async (options) => (await openConnectWindow(options), null),
          oauthRedirectUri: () => 'balancete://oauth-callback',
        },
        onEvent: ({ event, payload }) => void emit(event, payload).catch(() => {}),
        onAlert: () => {},
        logger: silentLogger,
      });
      return {
        answer: (channel, input, window) => host.invoke(channel, input, window),
        poll: () => host.command({ command: 'resume', reason: 'test' }),
        demoSandbox: () =>
          Promise.reject(new Error("demo mode's sandbox lives in the books worker: use books: 'in-process'")),
        credentials,
        stop: () => host.close(),
      };
    };
    /** The same handler map in this process, over a connection of its own. */
    const startInProcess = (): RunningMain => {
      const opened = openDatabase(databaseFile);
      const credentials = credentialStore();
      const deps = testHandlerDeps(
        opened,
        {
          appInfo,
          emit: (event, payload) => void emit(event, payload).catch(() => {}),
          pluggyApi,
          credentials,
          printReport,
          openConnectWindow,
          openExport: (opening) => Promise.resolve(void openExport(opening)),
        },
        { demoDirectory },
      );
      const handlers = createHandlers(deps);
      return {
        answer: (channel, input, window) =>
          dispatch(handlers, channel, input, {
            window,
            validateOutput: true,
            onInternalError: (failed, error) => console.error(`handler ${failed} failed`, error),
          }),
        poll: () => deps.connections.resume('test'),
        async demoSandbox() {
          const started = await deps.demoSandbox();
          if (!started) throw new Error('demo mode has not started its sandbox yet');
          return started;
        },
        credentials,
        async stop() {
          await deps.dispose();
          opened.close();
        },
      };
    };
    const startMain = () => (books === 'worker' ? startBooksWorker() : Promise.resolve(startInProcess()));
    let main = await startMain();
    /** The test's own connection to the books, to seed and to check them. */
    let database = openDatabase(databaseFile);
    const ipc: IpcExchange[] = [];

    await serveRenderer(context);
    await context.exposeBinding('__balanceteInvoke', async (source, channel: unknown, input: unknown) => {
      if (!isTrustedOrigin(source.frame.url(), [appOrigin])) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This page may not talk to Balancete.' } };
      }
      const result = await main.answer(channel, input, windowKindOf(source.page));
      ipc.push({ channel, input, result });
      return result;
    });
    await context.addInitScript(installBridge);

    const fixture: AppFixture = {
      ipc,
      openedExports,
      sandbox,
      database,
      dataDirectory: temp.path,
      poll: () => main.poll(),
      demoSandbox: () => main.demoSandbox(),
      emit,
      async restart() {
        await main.stop();
        database.close();
        main = await startMain();
        database = openDatabase(databaseFile);
        fixture.database = database;
        await page.reload();
        await expect(page.getByRole('navigation')).toBeVisible();
      },
      async open(path = '/accounts') {
        await page.goto(`${appOrigin}/index.html#${path}`);
        await expect(page.getByRole('navigation')).toBeVisible();
      },
    };
    await use(fixture);
    // Windows first: a page still polling must not find "main" half shut down.
    await Promise.all(context.pages().map((each) => each.close()));
    // Leave the shared test keychain clean; a store with no keychain has nothing to remove.
    await main.credentials.remove().catch(() => {});
    await main.stop();
    database.close();
    temp.remove();
  },
});

export { expect };

/** What the Secret Service says of a keychain locked with Balancete's entry in it. */
const allLocked: KeychainLocks = {
  entryLocked: () => Promise.resolve(true),
  defaultCollectionLocked: () => Promise.resolve(true),
};

// `window.balancete` itself is declared by the renderer's client (renderer/src/api/client.ts).
declare global {
  interface Window {
    __balanceteInvoke?: (channel: unknown, input: unknown) => Promise<unknown>;
    __balanceteEmit?: (event: string, payload: unknown) => void;
  }
}

/**
 * Runs in the page before its scripts, in place of the preload. Same shape as
 * electron/preload/index.ts: `invoke(channel, input)` and `on(event, listener)`.
 */
export function installBridge(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = window.__balanceteInvoke;
  if (!invoke) return;
  window.__balanceteEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  Object.defineProperty(window, 'balancete', {
    value: Object.freeze({
      invoke: (channel: string, input?: unknown) => invoke(channel, input),
      on: (event: string, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    }),
  });
}

/** Serves out/renderer at the app origin as main's app:// handler does; other origins get a blank page. */
export async function serveRenderer(context: BrowserContext): Promise<void> {
  await context.route('https://**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== appOrigin) {
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' });
      return;
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file || !existsSync(file)) {
      await route.fulfill({ status: 404, body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: staticContentTypes[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
}
