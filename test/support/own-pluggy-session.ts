import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import { testHandlerDeps } from './handler-deps.ts';
import { invoke, NoticeRecorder } from './ipc-session.ts';
import type { SandboxClock } from '../../electron/core/sandbox/clock.ts';
import type { SandboxOptions } from '../../electron/core/sandbox/server.ts';
import { type SandboxClient, startTestSandbox } from './sandbox.ts';
import { makeTempDir } from './temp-dir.ts';

export interface OwnPluggySession {
  /** The sandbox playing the user's own Pluggy application (Pluggy's real API), one for the file. */
  readonly pluggy: SandboxClient;
  /** This test's books, handlers and the sync notices they sent, anew for each test. */
  readonly database: OpenedDatabase;
  readonly handlers: HandlerMap;
  readonly deps: ReturnType<typeof testHandlerDeps>;
  readonly notices: NoticeRecorder;
  /** Calls a channel as a window would (see `invoke`). */
  call: <T>(channel: string, input?: unknown) => Promise<T>;
}

/**
 * What main builds at start-up, with the user's own Pluggy application played by a sandbox
 * of its own (demo mode keeps its embedded one): for tests of both modes. After each test
 * the own application's keys leave the test keychain, and everything is stopped and removed.
 */
export function ownPluggySession(
  options: {
    /** For the sandbox playing Pluggy (its clock, consent duration…). */
    pluggy?: SandboxOptions;
    /** Balancete's time (consent warnings), when tests move it: usually Pluggy's clock. */
    clock?: SandboxClock;
    /** Where connect tokens send Open Finance logins back (main: the open Connect flow's callback). */
    oauthRedirectUri?: () => string;
  } = {},
): OwnPluggySession {
  const state = {} as { -readonly [K in keyof OwnPluggySession]: OwnPluggySession[K] } & {
    temp: ReturnType<typeof makeTempDir>;
  };
  beforeAll(async () => {
    state.pluggy = await startTestSandbox(options.pluggy);
  });
  afterAll(() => state.pluggy.stop());
  beforeEach(() => {
    state.temp = makeTempDir();
    state.database = openDatabase(join(state.temp.path, 'balancete.sqlite'));
    state.notices = new NoticeRecorder();
    state.deps = testHandlerDeps(
      state.database,
      {
        pluggyApi: { baseUrl: state.pluggy.sandbox.url, sandboxCa: state.pluggy.sandbox.ca },
        emit: state.notices.emit,
      },
      {
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.oauthRedirectUri ? { oauthRedirectUri: options.oauthRedirectUri } : {}),
      },
    );
    state.handlers = createHandlers(state.deps);
  });
  afterEach(async () => {
    // Whatever the test wrote (demo data removed, say), the reports' running totals are still the rows'.
    expect(monthlyTotalsMismatches(state.database.sqlite)).toEqual([]);
    await dispatch(state.handlers, 'pluggy-account:remove', undefined);
    await state.deps.dispose();
    state.database.close();
    state.temp.remove();
  });
  return {
    get pluggy() {
      return state.pluggy;
    },
    get database() {
      return state.database;
    },
    get handlers() {
      return state.handlers;
    },
    get deps() {
      return state.deps;
    },
    get notices() {
      return state.notices;
    },
    call: (channel, input) => invoke(state.handlers, channel, input),
  };
}
