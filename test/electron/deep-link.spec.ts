import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { openDatabase } from '../../db/open.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { recordBrowserAndQuestions } from './support/browser-links.ts';
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

/**
 * A callback is acted on only with the state of the open Connect flow, which reaches
 * Pluggy alone, inside a connect token of one's own Pluggy application (this suite runs in
 * demo mode, offline): the link that is accepted, and the window it brings forward, are
 * tested under Node (test/unit/oauth-flow.test.ts, test/integration/oauth-callback.test.ts).
 * Here: links without it do nothing, not even with the Connect window open, and take no
 * connection in.
 */
test('with the Connect window open, balancete:// links without its flow’s state do nothing', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const { connect } = await openConnectWindow(app);
    const focused = await spyOnFocus(app);

    for (const refused of [
      'balancete://settings',
      'balancete://oauth-callback/../steal',
      'balancete://x@oauth-callback',
      'balancete://oauth-callback',
      'balancete://oauth-callback?itemId=5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f',
      'balancete://oauth-callback?state=AAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      expect(await openLinkInSecondInstance(refused)).toBe(0);
    }
    // The second instances have handed their links over and gone; none brought a window forward.
    expect(await focused()).toEqual({});
    expect(app.windows()).toHaveLength(2);
    expect(connect.url()).toMatch(/^app:\/\/balancete\/connect\.html/);
    const kept = openDatabase(join(temp.path, 'balancete.sqlite'));
    try {
      expect(kept.sqlite.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });
    } finally {
      kept.close();
    }
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
    const { openedInBrowser, questions } = await recordBrowserAndQuestions(app, 'open');

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

    // Pluggy's pages open in the browser at once; a bank's login Pluggy did not name, once the user says yes to it.
    expect(await connect.evaluate(() => window.open('https://pluggy.ai/privacidade') === null)).toBe(true);
    await expect.poll(openedInBrowser).toEqual(['https://pluggy.ai/privacidade']);
    expect(await questions()).toEqual([]);
    expect(await connect.evaluate(() => window.open('https://bank.example/oauth') === null)).toBe(true);
    await expect.poll(openedInBrowser).toEqual(['https://pluggy.ai/privacidade', 'https://bank.example/oauth']);
    expect(await questions()).toEqual(['Abrir bank.example no navegador?']);
    expect(app.windows()).toHaveLength(2);
  } finally {
    await app.close();
  }
});
