import { randomUUID } from 'node:crypto';
import type { OpenedDatabase } from '../../db/open.ts';
import type { HandlerDeps } from '../../electron/core/handlers.ts';
import { type Logger, SecretRegistry, silentLogger } from '../../electron/core/log.ts';
import { CredentialStore } from '../../electron/core/secrets/credential-store.ts';

/**
 * Handler dependencies for tests: the real ones, with a keychain entry of the test's own
 * (parallel tests share one Secret Service) and, unless a test says otherwise, a Pluggy
 * address nothing listens on.
 */
export function testHandlerDeps(database: OpenedDatabase, overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    db: database.db,
    appInfo: { version: '0.0.0-test', dataDirectory: '/tmp/balancete-test' },
    emit: () => {},
    credentials: new CredentialStore({ service: `Balancete-test-${randomUUID()}` }),
    pluggyApi: { baseUrl: 'https://127.0.0.1:9' },
    logger: silentLogger satisfies Logger,
    secrets: new SecretRegistry(),
    ...overrides,
  };
}
