import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers, type HandlerDeps } from '../../electron/core/handlers.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { MonthlyTotalsCatchUp } from '../../electron/core/reports/totals-catch-up.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import type { SandboxClock } from '../../electron/core/sandbox/clock.ts';
import { testHandlerDeps } from './handler-deps.ts';
import { invoke } from './ipc-session.ts';
import { makeTempDir } from './temp-dir.ts';

export interface HandlerSession {
  /** This test's database, a real SQLite file in a temp folder of its own. */
  readonly database: OpenedDatabase;
  readonly deps: ReturnType<typeof testHandlerDeps>;
  readonly handlers: HandlerMap;
  /** Calls a channel of this test's handlers as a window would (see `invoke`). */
  readonly call: <T>(channel: string, input?: unknown) => Promise<T>;
  /** Stops "main" and starts it anew over the same database, as after the app restarts. */
  restart(): Promise<void>;
}

/**
 * What main builds at start-up, anew for each test of the file: a migrated database and the
 * real handler map over it (with `testHandlerDeps`), then `seed`, counted into the reports'
 * running totals (as a sync's rows are after it), so that the test's writes move them.
 * After each test, the running totals must still be the rows' (monthlyTotalsMismatches)
 * and `check` looks at the books while they are still open; then everything is stopped
 * and removed.
 */
export function handlerSession(
  options: {
    /** Dependencies of the test's own, made afresh for each test (and kept across `restart`). */
    deps?: () => Partial<HandlerDeps>;
    seed?: (database: OpenedDatabase) => void;
    check?: (database: OpenedDatabase) => void;
  } = {},
): HandlerSession {
  let current: { temp: ReturnType<typeof makeTempDir>; overrides?: Partial<HandlerDeps> } & Omit<
    HandlerSession,
    'call' | 'restart'
  >;
  let running = false;
  const opened = () => {
    if (!running) throw new Error('handlerSession: used outside a test');
    return current;
  };
  /** Demo mode's sandbox keeps its items in the test's folder and, with `clock`, its time: both outlive a restart. */
  const start = (
    database: OpenedDatabase,
    temp: ReturnType<typeof makeTempDir>,
    overrides?: Partial<HandlerDeps>,
    clock?: SandboxClock,
  ) => {
    const deps = testHandlerDeps(database, overrides, {
      demoDirectory: join(temp.path, 'demo'),
      ...(clock ? { clock } : {}),
    });
    return { deps, handlers: createHandlers(deps) };
  };
  beforeEach(() => {
    const temp = makeTempDir();
    const database = openDatabase(join(temp.path, 'balancete.sqlite'));
    const overrides = options.deps?.();
    current = { temp, database, overrides, ...start(database, temp, overrides) };
    running = true;
    options.seed?.(database);
    new MonthlyTotalsCatchUp(database.sqlite).countAll();
  });
  afterEach(async () => {
    const { temp, database, deps } = opened();
    running = false;
    try {
      expect(monthlyTotalsMismatches(database.sqlite)).toEqual([]);
      options.check?.(database);
    } finally {
      await deps.dispose();
      database.close();
      temp.remove();
    }
  });
  return {
    get database() {
      return opened().database;
    },
    get deps() {
      return opened().deps;
    },
    get handlers() {
      return opened().handlers;
    },
    call: <T>(channel: string, input?: unknown) => invoke<T>(opened().handlers, channel, input),
    async restart() {
      const stopping = opened();
      await stopping.deps.dispose();
      // Time goes on across the restart: demo mode's sandbox and consents keep their clock.
      current = {
        ...stopping,
        ...start(stopping.database, stopping.temp, stopping.overrides, stopping.deps.clock),
      };
    },
  };
}
