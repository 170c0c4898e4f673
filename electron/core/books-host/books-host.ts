/**
 * The books run in a worker thread of main's process (books-worker.ts), never on main's
 * event loop: SQLite, sync writes, rules, reports and exports all block the thread they run
 * on, and main's thread is the one every window's IPC, the tray and notifications wait on.
 *
 * Why a worker thread rather than Electron's utility process: it needs nothing from
 * Electron, so the very same code runs under plain Node in tests and benchmarks; it shares
 * main's process (one native better-sqlite3 module, no second Node runtime to start, no
 * second copy of the app's code in memory); and the SQL worker threads of Signal Desktop
 * show it holds up. Main keeps what needs Electron — windows, tray, dialogs,
 * notifications, the keychain, routing each window's request to its handler — and the
 * worker reaches those through ShellApi (protocol.ts). Requests still go through the one
 * contract and handler map: main checks the sender's origin, names its window kind, and
 * the worker's dispatch validates and answers exactly as before.
 */
import { Worker } from 'node:worker_threads';
import type { IpcResult } from '../../shared/errors.ts';
import type { WindowKind } from '../../shared/window-scopes.ts';
import type { Logger } from '../log.ts';
import type {
  BooksApi,
  BooksEvent,
  BooksNotices,
  BooksStartup,
  BooksWorkerConfig,
  ShellApi,
  ShellState,
  SyncAlert,
  SyncCommand,
} from './protocol.ts';
import { RpcPeer, type RpcMethods } from './rpc.ts';
import { fromThreadError } from './thread-errors.ts';

/** The worker's entry next to this module: the .ts source when run from source, the built .js in the app bundle. */
const workerEntry = new URL(`./books-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export interface BooksHostOptions {
  config: BooksWorkerConfig;
  /** The worker's script: by default the one beside this module (the source, or the app bundle's). */
  entry?: URL;
  /** What only the shell does, on the worker's behalf. */
  shell: RpcMethods<ShellApi>;
  /** An event for the windows (main broadcasts it to those that listen). */
  onEvent: (event: BooksEvent) => void;
  /** A sync event that may call for a notification. */
  onAlert: (alert: SyncAlert) => void;
  /** The state changed (after `state` is updated): the tray redraws. */
  onState?: (state: ShellState) => void;
  /** The worker stopped too often, or could not open the books again: only quitting is left. */
  onGiveUp?: () => void;
  logger: Logger;
}

/** A worker that stops unexpectedly is started again, unless it did so this often within a minute. */
const maxRestartsPerMinute = 3;

/** One run of the worker thread, and its channel. */
interface Run {
  worker: Worker;
  peer: RpcPeer<BooksApi, ShellApi, BooksNotices>;
  /** Resolves with the exit code once the thread has ended. */
  ended: Promise<number>;
}

const internal: IpcResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong inside Balancete.' },
};

/**
 * Main's side of the books worker. Should the thread stop unexpectedly (a bug it did not
 * survive, memory), the requests it was answering fail as INTERNAL and a new thread opens
 * the books again (SQLite's journal keeps them whole); requests meanwhile wait for it.
 */
export class BooksHost {
  private readonly options: BooksHostOptions;
  private current: ShellState;
  private run: Promise<Run>;
  private closing = false;
  private readonly restarts: number[] = [];

  private constructor(options: BooksHostOptions, first: Run, state: ShellState) {
    this.options = options;
    this.current = state;
    this.run = Promise.resolve(first);
    this.watch(first);
  }

  /**
   * Starts the worker and waits until the books are open. Rejects with the reason they
   * could not be (DatabaseOpenError for a newer or damaged file, as opening on main did).
   */
  static async start(options: BooksHostOptions): Promise<BooksHost> {
    let host: BooksHost | null = null;
    const { run, state } = await spawn(options, (next) => {
      if (host) host.current = next;
    });
    host = new BooksHost(options, run, state);
    return host;
  }

  /** What the tray and main's dialogs show, as the worker last told it. */
  get state(): ShellState {
    return this.current;
  }

  /** A window's request, answered by the handler map in the worker. Never throws. */
  async invoke(channel: unknown, input: unknown, window: WindowKind | null): Promise<IpcResult<unknown>> {
    try {
      return await (await this.run).peer.call('invoke', { channel, input, window });
    } catch {
      return internal;
    }
  }

  async command(command: SyncCommand): Promise<void> {
    await (await this.run).peer.call('command', command);
  }

  /** Stops syncing and closes the database; the thread is ended if it takes longer than `timeoutMs`. */
  async close(timeoutMs = 10_000): Promise<void> {
    this.closing = true;
    const run = await this.run.catch(() => null);
    if (!run) return;
    const timer = setTimeout(() => void run.worker.terminate(), timeoutMs);
    try {
      await run.peer.call('close', null).catch(() => undefined);
      await run.ended;
    } finally {
      clearTimeout(timer);
    }
  }

  private watch(run: Run): void {
    void run.ended.then((code) => {
      if (this.closing) return;
      this.options.logger.error('books.worker-stopped', { code });
      const now = Date.now();
      this.restarts.push(now);
      while ((this.restarts[0] ?? now) < now - 60_000) this.restarts.shift();
      if (this.restarts.length > maxRestartsPerMinute) {
        this.run = Promise.reject(new Error('The books worker keeps stopping'));
        this.run.catch(() => {});
        this.options.onGiveUp?.();
        return;
      }
      this.run = spawn(this.options, (next) => (this.current = next)).then(({ run: next, state }) => {
        this.current = state;
        this.options.onState?.(state);
        this.watch(next);
        return next;
      });
      this.run.catch((error: unknown) => {
        this.options.logger.error('books.worker-restart-failed', { error });
        this.options.onGiveUp?.();
      });
    });
  }
}

/**
 * The books worker's V8 heap, at most. What a sync or a report keeps alive is a few tens
 * of MiB (rows wait in bounded batches, results are pages and months), but V8 lets a heap
 * with room grow with garbage: a million-row sync took the process past 700 MiB resident.
 * Capped, it collects sooner; the cap leaves several times the live size for the largest
 * request (an export's rows are written by its own worker thread, outside this heap).
 */
const booksHeapMiB = 256;

/** Starts a worker thread and waits for its first word: the books open, or why not. */
async function spawn(
  options: BooksHostOptions,
  stateChanged: (state: ShellState) => void,
): Promise<{ run: Run; state: ShellState }> {
  const worker = new Worker(options.entry ?? workerEntry, {
    workerData: options.config,
    name: 'books',
    resourceLimits: { maxOldGenerationSizeMb: booksHeapMiB },
  });
  let settle: (startup: BooksStartup) => void = () => {};
  const started = new Promise<BooksStartup>((resolve) => (settle = resolve));
  const peer = new RpcPeer<BooksApi, ShellApi, BooksNotices>(worker, options.shell, (topic, payload) => {
    const notice = payload as BooksNotices[keyof BooksNotices];
    switch (topic as keyof BooksNotices) {
      case 'started':
        settle(notice as BooksStartup);
        return;
      case 'event':
        options.onEvent(notice as BooksEvent);
        return;
      case 'alert':
        options.onAlert(notice as SyncAlert);
        return;
      case 'state':
        stateChanged(notice as ShellState);
        options.onState?.(notice as ShellState);
    }
  });
  const ended = new Promise<number>((resolve) => {
    worker.once('exit', (code) => {
      peer.close(new Error('The books worker has stopped'));
      settle({
        ok: false,
        error: { name: 'Error', message: `The books worker ended (${code}) before opening the books` },
      });
      resolve(code);
    });
  });
  worker.on('error', (error) => options.logger.error('books.worker-failed', { error }));
  const startup = await started;
  if (!startup.ok) {
    await worker.terminate();
    throw fromThreadError(startup.error);
  }
  return { run: { worker, peer, ended }, state: startup.state };
}
