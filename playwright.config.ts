import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium.ts';

/**
 * End-to-end tests: the built renderer (`npm run build` first) in Debian's Chromium,
 * talking to the real handler map in this process over a temp SQLite file.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // A private Secret Service (GNOME Keyring on its own D-Bus session) for the keychain.
  globalSetup: './test/support/secret-service.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Exports and rule runs start worker threads; on a loaded 2-core machine their first
  // answer can take longer than Playwright's default 5 s.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
