import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { openDatabase } from '../../db/open.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { electronBinary, electronSkipReason, launchBalancete } from './support/electron-app.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

let temp: ReturnType<typeof makeTempDir>;

test.beforeEach(() => {
  temp = makeTempDir('balancete-electron-');
  openDatabase(join(temp.path, 'balancete.sqlite')).close();
});
test.afterEach(() => temp.remove());

/** Starts Balancete again with `link` as its argument, as Windows and Linux do for a balancete:// link; its exit code. */
function openLinkInSecondInstance(link: string): Promise<number | null> {
  const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
  return new Promise((done) => {
    const second = spawn(electronBinary as string, [resolve('.'), link], {
      env: { ...env, BALANCETE_DATA_DIR: temp.path },
      stdio: 'ignore',
    });
    second.on('exit', (code) => done(code));
  });
}

/**
 * Counts the focus() calls main makes on each window, by page ('index' or 'connect'):
 * what a window manager does with them differs between desktops, the calls do not.
 */
async function spyOnFocus(app: ElectronApplication): Promise<() => Promise<Record<string, number>>> {
  await app.evaluate(({ BrowserWindow }) => {
    const focused: Record<string, number> = {};
    Object.assign(globalThis, { focusedByMain: focused });
    for (const window of BrowserWindow.getAllWindows()) {
      const page = window.webContents.getURL().includes('/connect.html') ? 'connect' : 'index';
      const focus = window.focus.bind(window);
      window.focus = () => {
        focused[page] = (focused[page] ?? 0) + 1;
        focus();
      };
    }
  });
  return () =>
    app.evaluate(() => ({ ...(globalThis as unknown as { focusedByMain: Record<string, number> }).focusedByMain }));
}

/** The main window, and the Connect window opened from it as the user would. */
async function openConnectWindow(app: ElectronApplication): Promise<{ page: Page; connect: Page }> {
  const page = await app.firstWindow();
  await expect(page.getByRole('navigation')).toBeVisible();
  const opened = app.waitForEvent('window');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  await expect(connect.getByRole('heading', { name: 'Escolha o seu banco' })).toBeVisible();
  return { page, connect };
}

test('back from the bank through balancete://oauth-callback, the Connect window comes forward; other links do nothing', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const { connect } = await openConnectWindow(app);
    const focused = await spyOnFocus(app);

    for (const refused of [
      'balancete://settings',
      'balancete://oauth-callback/../steal',
      'balancete://x@oauth-callback',
    ]) {
      expect(await openLinkInSecondInstance(refused)).toBe(0);
    }
    expect(await focused()).toEqual({});

    expect(await openLinkInSecondInstance('balancete://oauth-callback')).toBe(0);
    await expect.poll(focused).toEqual({ connect: 1 });
    expect(app.windows()).toHaveLength(2);
    expect(connect.url()).toMatch(/^app:\/\/balancete\/connect\.html/);
  } finally {
    await app.close();
  }
});

test('a balancete:// link that starts Balancete opens it as usual', async () => {
  const app = await launchBalancete(temp.path, ['balancete://oauth-callback']);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/balancete\/index\.html/);
  } finally {
    await app.close();
  }
});

test('the Connect window frames only Pluggy’s widget, and its pop-ups open in the browser', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const { page, connect } = await openConnectWindow(app);
    await app.evaluate(({ shell }) => {
      const browser: string[] = [];
      Object.assign(globalThis, { openedInBrowser: browser });
      shell.openExternal = (url: string) => {
        browser.push(url);
        return Promise.resolve();
      };
    });

    // The policy main serves with the page in the Connect window's session.
    const policy = await connect.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy'),
    );
    expect(policy).toContain('frame-src https://connect.pluggy.ai');
    expect(policy).toContain("script-src 'self';");
    // The main window's page keeps its strict one.
    const mainPolicy = await page.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy'),
    );
    expect(mainPolicy).toContain("frame-src 'none'");

    // An Open Finance bank's login, opened from the widget, goes to the user's browser.
    expect(await connect.evaluate(() => window.open('https://bank.example/oauth') === null)).toBe(true);
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { openedInBrowser: string[] }).openedInBrowser))
      .toEqual(['https://bank.example/oauth']);
    expect(app.windows()).toHaveLength(2);
  } finally {
    await app.close();
  }
});
