import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests open real SQLite files; keep each file's temp folder its own.
    pool: 'forks',
    // Memory tests measure what stays reachable, which needs a real collection first.
    execArgv: ['--expose-gc'],
    // A private Secret Service (GNOME Keyring on its own D-Bus session) for the keychain tests.
    globalSetup: ['test/support/secret-service.ts'],
  },
});
