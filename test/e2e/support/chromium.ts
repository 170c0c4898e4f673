import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium: Playwright cannot download its own browsers here. The networking
 * flags stop Chromium from calling home, which a closed network answers with a flood of
 * refused connections. BALANCETE_CHROMIUM points at another build where needed.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.BALANCETE_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
