import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BooksHost } from '../electron/core/books-host/books-host.ts';
import type { BooksEvent } from '../electron/core/books-host/protocol.ts';
import { silentLogger } from '../electron/core/log.ts';
import type { ConnectionSummary, SyncNotice } from '../electron/shared/models.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { type SandboxProcess, startSandboxProcess } from './sandbox-process.ts';

/**
 * The app's books worker under this thread as main, over a fresh file, with the sandbox in
 * a process of its own as the user's Pluggy: what the benchmarks that measure main's
 * thread run their work through (main-thread-process.ts, statement-import-process.ts).
 */

const day = 86_400_000;
/** db/open.ts's sourceMigrationsFolder, named here so that this process does not load drizzle: the books worker does. */
const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

export interface BenchBooks {
  /** Links the sandbox bank and waits for its first sync. */
  connect(): Promise<{ itemId: string; created: number }>;
  /** A day later at Pluggy: the item's daily update, then the sync it calls for; resolves with the rows it brought. */
  dailyUpdate(itemId: string): Promise<number>;
  value<T = unknown>(channel: string, input?: unknown, window?: 'main' | 'connect'): Promise<T>;
  /** The newest bookkeeping day in the books, as a timestamp. */
  lastDay(): Promise<number>;
}

/** A sandbox of `rowsPerItem` per item in its own process, and the books worker over a fresh file with it as the user's own Pluggy. */
export async function withBooks(rowsPerItem: number, work: (books: BenchBooks) => Promise<void>): Promise<void> {
  const temp = makeTempDir('balancete-bench-main-');
  const sandbox: SandboxProcess = await startSandboxProcess(temp.path, rowsPerItem);
  const notices: SyncNotice[] = [];
  const waiters: { match: (notice: SyncNotice) => boolean; resolve: (notice: SyncNotice) => void }[] = [];
  const onEvent = ({ event, payload }: BooksEvent) => {
    if (event !== 'sync:notice') return;
    const notice = payload as SyncNotice;
    notices.push(notice);
    for (const waiter of waiters.filter((each) => each.match(notice))) waiter.resolve(notice);
  };
  const next = (kind: SyncNotice['kind'], itemId: string) =>
    new Promise<SyncNotice>((resolve) =>
      waiters.push({ match: (n) => n.kind === kind && n.itemId === itemId, resolve }),
    );
  const host = await BooksHost.start({
    config: {
      databaseFile: join(temp.path, 'balancete.sqlite'),
      migrationsFolder,
      appInfo: { version: 'bench', dataDirectory: temp.path },
      pluggyApi: { baseUrl: sandbox.url, sandboxCa: sandbox.ca },
      demo: { directory: join(temp.path, 'demo'), stepMs: 0 },
      logs: 'problems',
    },
    shell: {
      readCredentials: () => sandbox.credentials,
      saveCredentials: () => null,
      removeCredentials: () => null,
      chooseExportPath: ({ name }) => join(temp.path, name),
      printReport: () => Promise.reject(new Error('no printer in this benchmark')),
      openExport: () => null,
      openConnectWindow: () => null,
      oauthRedirectUri: () => 'balancete://oauth-callback',
    },
    onEvent,
    onAlert: () => {},
    logger: silentLogger,
  });
  const value = async <T>(channel: string, input?: unknown, window: 'main' | 'connect' = 'main'): Promise<T> => {
    const result = await host.invoke(channel, input, window);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  try {
    await value('pluggy-account:save', sandbox.credentials);
    await work({
      value,
      async connect() {
        const created = await value<ConnectionSummary>(
          'connections:create',
          { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
          'connect',
        );
        const updated = await next('item-updated', created.id);
        return { itemId: created.id, created: updated.created ?? 0 };
      },
      async dailyUpdate(itemId) {
        await sandbox.advanceAndUpdate(itemId, day);
        const synced = next('item-updated', itemId);
        await value('connections:refresh', { itemId });
        const notice = await synced;
        return (notice.created ?? 0) + (notice.updated ?? 0) + (notice.removed ?? 0);
      },
      async lastDay() {
        const page = await value<{ rows: { date: string }[] }>('transactions:list', { limit: 1, count: false });
        const newest = page.rows[0]?.date;
        if (!newest) throw new Error('no transactions');
        return Date.parse(`${newest}T12:00:00Z`);
      },
    });
  } finally {
    await host.close();
    await sandbox.stop();
    temp.remove();
  }
}
