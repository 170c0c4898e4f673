import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { OpenedDatabase } from '../../db/open.ts';
import type { ExportOpening } from '../../electron/core/exports/exporter.ts';
import type { HandlerDeps } from '../../electron/core/handlers.ts';
import { type Logger, SecretRegistry, silentLogger } from '../../electron/core/log.ts';
import { createClock, type SandboxClock } from '../../electron/core/sandbox/clock.ts';
import { type SandboxHandle, startSandbox } from '../../electron/core/sandbox/server.ts';
import { CredentialStore } from '../../electron/core/secrets/credential-store.ts';
import { BankConnections } from '../../electron/core/sync/bank-connections.ts';
import { toSyncNotice } from '../../electron/core/sync/sync-notice.ts';
import { makeTempDir } from './temp-dir.ts';
import { operatingSystemUser } from '../../electron/core/os-user.ts';

/**
 * Handler dependencies for tests: the real ones, with a keychain entry of the test's own
 * (parallel tests share one Secret Service), a Pluggy address nothing listens on unless a
 * test gives one, and demo mode's embedded sandbox (started only if a test connects a
 * bank) in a temp folder, with items that settle at once. `dispose` stops what started.
 */
export function testHandlerDeps(
  database: OpenedDatabase,
  overrides: Partial<HandlerDeps> = {},
  options: {
    demoDirectory?: string;
    /**
     * The time of demo mode's sandbox and of Balancete's consent warnings (own-mode tests pass
     * their stand-in Pluggy's clock); a clock of their own when not given.
     */
    clock?: SandboxClock;
    /** Where connect tokens send Open Finance logins back (main: the open Connect flow's callback). */
    oauthRedirectUri?: () => string;
  } = {},
): HandlerDeps & {
  dispose(): Promise<void>;
  demoSandbox(): Promise<SandboxHandle> | undefined;
  clock: SandboxClock;
  /** What the shell was asked to open or show (a test cannot launch a file manager). */
  openedExports: ExportOpening[];
} {
  const temp = makeTempDir('balancete-handlers-');
  const logger: Logger = overrides.logger ?? silentLogger;
  const secrets = overrides.secrets ?? new SecretRegistry();
  const credentials = overrides.credentials ?? new CredentialStore({ service: `Balancete-test-${randomUUID()}` });
  const pluggyApi = overrides.pluggyApi ?? { baseUrl: 'https://127.0.0.1:9' };
  const emit = overrides.emit ?? (() => {});
  let demoSandbox: Promise<SandboxHandle> | undefined;
  const clock = options.clock ?? createClock();
  const openedExports: ExportOpening[] = [];
  const connections =
    overrides.connections ??
    new BankConnections({
      database,
      credentials,
      pluggyApi,
      startDemoSandbox: (directory) =>
        (demoSandbox = startSandbox({
          certificateDir: directory,
          statePath: join(directory, 'state.json'),
          stepMs: 0,
          clock,
        })),
      demoDirectory: options.demoDirectory ?? temp.path,
      logger,
      secrets,
      onEvent: (event) => emit('sync:notice', toSyncNotice(event)),
      engine: { refreshPollMs: 10 },
      now: () => new Date(clock.now()),
      ...(options.oauthRedirectUri ? { oauthRedirectUri: options.oauthRedirectUri } : {}),
    });
  return {
    db: database.db,
    appInfo: { version: '0.0.0-test', dataDirectory: '/tmp/balancete-test' },
    openConnectWindow: () => {},
    userName: operatingSystemUser(),
    // The save dialog's stand-in: the suggested name, in this test's folder.
    chooseExportPath: ({ name }) => Promise.resolve(join(temp.path, name)),
    // The PDF report prints in Chromium: the E2E bridge gives a real printer (test/e2e/support/report-printer.ts).
    printReport: () => Promise.reject(new Error('No report printer outside the E2E tests: the PDF prints in Chromium')),
    // The shell's stand-in: records the request, as a test cannot launch a file manager.
    openExport: (opening) => {
      openedExports.push(opening);
      return Promise.resolve();
    },
    ...overrides,
    emit,
    credentials,
    pluggyApi,
    logger,
    secrets,
    connections,
    /** The embedded sandbox, once demo mode started it: tests check Pluggy's side through it. */
    demoSandbox: () => demoSandbox,
    clock,
    openedExports,
    async dispose() {
      await connections.close();
      temp.remove();
    },
  };
}
