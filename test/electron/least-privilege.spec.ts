import { expect, type Page, test } from '@playwright/test';
import { recordBrowserAndQuestions } from './support/browser-links.ts';
import { electronBinary, electronSkipReason, launchBalancete, seededDataFolder } from './support/electron-app.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

const temp = seededDataFolder();

/** Calls a channel through the page's bridge (its window's preload). */
function invoke(page: Page, channel: string, input?: unknown): Promise<unknown> {
  return page.evaluate(([name, value]) => window.balancete?.invoke(name as never, value), [channel, input] as const);
}

test('each window is answered on its own channels: the Connect window is refused the books, by its preload and by main', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
    const opened = app.waitForEvent('window');
    await page.getByRole('button', { name: 'Conectar banco' }).first().click();
    const connect = await opened;
    await expect(connect.getByRole('heading', { name: 'Escolha o seu banco' })).toBeVisible();

    // The preload of the Connect window exposes only its channels.
    expect(await invoke(connect, 'transactions:list', {})).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED' },
    });
    expect(await invoke(connect, 'settings:get')).toMatchObject({ ok: true, value: { language: 'pt-BR' } });
    expect(await invoke(page, 'transactions:list', {})).toMatchObject({ ok: true });

    // And main decides by the sender's window whatever a preload lets through: the handler main
    // registered for the channel, called as Electron calls it for a request from each window.
    const fromMain = await app.evaluate(async ({ BrowserWindow, ipcMain }) => {
      const handlers = (
        ipcMain as unknown as { _invokeHandlers: Map<string, (event: unknown, input: unknown) => unknown> }
      )._invokeHandlers;
      const handler = handlers.get('transactions:list');
      if (!handler) throw new Error('no handler for transactions:list');
      const windows = BrowserWindow.getAllWindows().map((window) => window.webContents);
      const request = (contents: Electron.WebContents) =>
        handler({ sender: contents, senderFrame: contents.mainFrame }, {});
      const connectContents = windows.find((contents) => contents.getURL().includes('/connect.html'));
      const mainContents = windows.find((contents) => contents.getURL().includes('/index.html'));
      if (!connectContents || !mainContents) throw new Error('windows missing');
      return { connect: await request(connectContents), main: await request(mainContents) };
    });
    expect(fromMain.connect).toMatchObject({ ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } });
    expect(fromMain.main).toMatchObject({ ok: true });
  } finally {
    await app.close();
  }
});

test('the built app has no DevTools and no menu to open them', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    const shell = await app.evaluate(async ({ BrowserWindow, Menu }) => {
      const [window] = BrowserWindow.getAllWindows();
      if (!window) throw new Error('no window');
      window.webContents.openDevTools({ mode: 'detach' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const roles: string[] = [];
      const walk = (items: Electron.MenuItem[]) => {
        for (const item of items) {
          roles.push(item.role ?? '', item.label);
          if (item.submenu) walk(item.submenu.items);
        }
      };
      walk(Menu.getApplicationMenu()?.items ?? []);
      return { devToolsOpened: window.webContents.isDevToolsOpened(), menu: roles };
    });
    expect(shell.devToolsOpened).toBe(false);
    expect(shell.menu.filter((entry) => /devtools|developer|reload/i.test(entry))).toEqual([]);
    // Nor does the shortcut Electron's default menu gives them.
    await page.keyboard.press('Control+Shift+I');
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.isDevToolsOpened()))
      .toBe(false);
  } finally {
    await app.close();
  }
});

test('links leave for the browser only as https, at once for the sites Balancete knows, else if the user says yes', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    const { openedInBrowser, questions } = await recordBrowserAndQuestions(app, 'cancel');
    const open = (url: string) => page.evaluate((target) => window.open(target) === null, url);

    expect(await open('https://www.gov.br/receitafederal/pt-br')).toBe(true);
    await expect.poll(openedInBrowser).toEqual(['https://www.gov.br/receitafederal/pt-br']);
    expect(await open('https://unknown.example/')).toBe(true);
    await expect.poll(questions).toEqual(['Abrir unknown.example no navegador?']);
    expect(await open('http://pluggy.ai/')).toBe(true);
    expect(await open('file:///etc/passwd')).toBe(true);
    // A known site after them: once it is through, those before it had their turn. Declined, and
    // not https: none of them reached the browser, and nothing else was asked.
    expect(await open('https://pluggy.ai/')).toBe(true);
    await expect.poll(openedInBrowser).toEqual(['https://www.gov.br/receitafederal/pt-br', 'https://pluggy.ai/']);
    expect(await questions()).toEqual(['Abrir unknown.example no navegador?']);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
