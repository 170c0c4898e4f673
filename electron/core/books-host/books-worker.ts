/**
 * The books worker: a worker thread of main's process that holds the database and
 * everything that reads or writes it — sync, rules, reports, exports — behind the one
 * handler map (core/handlers.ts). Main sends it the windows' requests and keeps for
 * itself only what needs Electron (books-host.ts). Started with a BooksWorkerConfig.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabaseWithBackup, type OpenedDatabase } from '../../../db/open.ts';
import { isChannel } from '../../shared/contract.ts';
import { createHandlers } from '../handlers.ts';
import { dispatch } from '../ipc/dispatch.ts';
import { createConsoleLogger, createRedactingLogger, SecretRegistry } from '../log.ts';
import { operatingSystemUser } from '../os-user.ts';
import { startSandbox } from '../sandbox/server.ts';
import { readSettings } from '../settings/settings-store.ts';
import { BankConnections } from '../sync/bank-connections.ts';
import type { SyncEvent } from '../sync/sync-engine.ts';
import { toSyncNotice } from '../sync/sync-notice.ts';
import type { PluggyCredentials } from '../secrets/credential-store.ts';
import { notificationFor } from '../tray/notifications.ts';
import type { IpcResult } from '../../shared/errors.ts';
import type { HandlerMap } from '../ipc/handler-map.ts';
import type {
  BooksApi,
  BooksNotices,
  BooksRequest,
  BooksWorkerConfig,
  ShellApi,
  ShellState,
  SyncAlert,
  SyncCommand,
} from './protocol.ts';
import { RpcPeer } from './rpc.ts';
import { toThreadError } from './thread-errors.ts';

if (!parentPort) throw new Error('books-worker.ts runs as a worker thread (books-host.ts starts it)');
const config = workerData as BooksWorkerConfig;
const secrets = new SecretRegistry();
const consoleLogger = createConsoleLogger();
const log = createRedactingLogger(
  config.logs === 'problems' ? { ...consoleLogger, info: () => {} } : consoleLogger,
  secrets,
);

let books: Books | null = null;
const main = new RpcPeer<ShellApi, BooksApi, BooksNotices>(parentPort, {
  invoke: (request) => requireBooks().invoke(request),
  command: (command) => requireBooks().command(command),
  close: async () => {
    await books?.close();
    books = null;
    // The thread ends once this answer is on its way (the port would keep it alive).
    setImmediate(() => process.exit(0));
    return null;
  },
});

function requireBooks(): Books {
  if (!books) throw new Error('The books are not open');
  return books;
}

/**
 * Channels that only read: after any other request, main's copy of the state the tray and
 * dialogs show (ShellState) is brought up to date if it changed.
 */
const readOnly = /^(reports:|transactions:(list|totals|get)$|rules:(list|preview|suggestions)$|.*:history$)/;

class Books {
  private lastState = '';
  private readonly database: OpenedDatabase;
  private readonly connections: BankConnections;
  private readonly handlers: HandlerMap;

  constructor(database: OpenedDatabase, connections: BankConnections, handlers: HandlerMap) {
    this.database = database;
    this.connections = connections;
    this.handlers = handlers;
  }

  /** Polls at start-up, then on the timer (design.md §5). */
  startSyncing(): void {
    this.connections.start().catch((error: unknown) => log.warn('connections.start-failed', { error }));
  }

  async invoke(request: BooksRequest): Promise<IpcResult<unknown>> {
    const result = await dispatch(this.handlers, request.channel, request.input, {
      window: request.window,
      validateOutput: config.checkAnswers ?? false,
      onInternalError: (channel, error) => log.error('ipc.handler-failed', { channel, error }),
    });
    if (!isChannel(request.channel) || !readOnly.test(request.channel)) this.publishState();
    return result;
  }

  async command(order: SyncCommand): Promise<null> {
    switch (order.command) {
      case 'refresh-all':
        await this.connections.refreshAll();
        break;
      case 'refresh':
        await this.connections.refresh(order.itemId);
        break;
      case 'pause':
        await this.connections.pause();
        break;
      case 'resume':
        await this.connections.resume(order.reason);
    }
    this.publishState();
    return null;
  }

  state(): ShellState {
    const settings = readSettings(this.database.db);
    return {
      language: settings.language,
      theme: settings.theme,
      closeToTray: settings.closeToTray,
      connections: this.connections.list(),
      paused: this.connections.isPaused(),
      lastSyncedAt: this.connections.lastSyncedAt(),
    };
  }

  /** Tells main the state when it changed (the tray redraws from it). */
  publishState(): void {
    const state = this.state();
    const serialized = JSON.stringify(state);
    if (serialized === this.lastState) return;
    this.lastState = serialized;
    main.notify('state', state);
  }

  async close(): Promise<void> {
    await this.connections.close();
    this.database.close();
  }
}

async function open(): Promise<Books> {
  // Refuses books from a newer Balancete; copies them into backups/ before migrating.
  const database = await openDatabaseWithBackup(config.databaseFile, { migrationsFolder: config.migrationsFolder });
  const credentials = {
    read: () => main.call('readCredentials', null),
    save: async (keys: PluggyCredentials) => {
      await main.call('saveCredentials', keys);
    },
    remove: async () => {
      await main.call('removeCredentials', null);
    },
  };
  let opened: Books | null = null;
  const onSyncEvent = (event: SyncEvent) => {
    main.notify('event', { event: 'sync:notice', payload: toSyncNotice(event) });
    if (event.kind === 'sync-progress') return; // a count for the screens; the tray shows "updating" already
    opened?.publishState();
    main.notify('alert', alertFor(event, opened));
  };
  const connections = new BankConnections({
    database,
    credentials,
    pluggyApi: config.pluggyApi,
    // Demo mode: the embedded sandbox, its certificate and items kept in the user-data folder.
    startDemoSandbox: (directory) =>
      startSandbox({ certificateDir: directory, statePath: `${directory}/state.json`, stepMs: config.demo.stepMs }),
    demoDirectory: config.demo.directory,
    logger: log,
    secrets,
    // Each connect token sends Open Finance logins back with the open Connect flow's state.
    oauthRedirectUri: () => main.call('oauthRedirectUri', null),
    onEvent: onSyncEvent,
    ...(config.refreshPollMs === undefined ? {} : { engine: { refreshPollMs: config.refreshPollMs } }),
  });
  const handlers = createHandlers({
    db: database.db,
    appInfo: config.appInfo,
    emit: (event, payload) => main.notify('event', { event, payload }),
    credentials,
    pluggyApi: config.pluggyApi,
    logger: log,
    secrets,
    connections,
    userName: operatingSystemUser(),
    chooseExportPath: (suggestion) => main.call('chooseExportPath', suggestion),
    printReport: (request, signal) => main.call('printReport', request, signal),
    openExport: async (opening) => {
      await main.call('openExport', opening);
    },
    openConnectWindow: async (options) => {
      await main.call('openConnectWindow', options);
    },
  });
  opened = new Books(database, connections, handlers);
  return opened;
}

/** The notification a sync event calls for (rules in core/tray/notifications.ts), titled with the bank's name. */
function alertFor(event: SyncEvent, opened: Books | null): SyncAlert {
  const state = opened?.state();
  const context = {
    language: state?.language ?? 'pt-BR',
    institution: state?.connections.find((each) => each.id === event.itemId)?.institution ?? 'Balancete',
  };
  return {
    itemId: event.itemId,
    notification: {
      away: notificationFor(event, { ...context, windowFocused: false }),
      looking: notificationFor(event, { ...context, windowFocused: true }),
    },
    ...(event.kind === 'waiting-user-input' ? { oauthPage: event.parameter.data ?? null } : {}),
  };
}

try {
  books = await open();
  main.notify('started', { ok: true, state: books.state() });
  books.startSyncing();
} catch (error) {
  main.notify('started', { ok: false, error: toThreadError(error) });
}
