import { defineConfig } from '@playwright/test';

/**
 * The Electron shell suite (Playwright's `_electron`): the built app in a real Electron.
 * It needs Electron's binary; where there is none, global set-up says so in one line
 * and every test is skipped with that reason.
 */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  globalSetup: './test/electron/support/report-availability.ts',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
});
