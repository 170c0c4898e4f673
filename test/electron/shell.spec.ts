import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary, electronSkipReason, launchBalancete, seededDataFolder } from './support/electron-app.ts';
import { recordBrowserAndQuestions } from './support/browser-links.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

const temp = seededDataFolder();

test('opens the accounts overview from the data folder, with secure defaults', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
    await expect(page.getByText('Conta Corrente')).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/balancete\/index.html/);

    // No Node in the page, and nothing from the preload but the bridge's two functions.
    const nodeGlobals = await page.evaluate(() =>
      ['require', 'process', 'module', 'Buffer', 'ipcRenderer'].filter((name) => name in globalThis),
    );
    expect(nodeGlobals).toEqual([]);
    expect(await page.evaluate(() => Object.keys(window.balancete ?? {}).sort())).toEqual(['invoke', 'on']);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(temp.path);
    await page.screenshot({ path: test.info().outputPath('electron-accounts.png') });
  } finally {
    await app.close();
  }
});

test('denies pop-ups, navigation away and permission requests', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    const { openedInBrowser, questions } = await recordBrowserAndQuestions(app, 'open');

    // A site Balancete does not know opens in the browser once the user says yes to it, by name.
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await expect.poll(openedInBrowser).toEqual(['https://example.com/']);
    expect(await questions()).toEqual(['Abrir example.com no navegador?']);
    expect(app.windows()).toHaveLength(1);

    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await expect.poll(openedInBrowser).toContain('https://example.org/');
    expect(page.url()).toMatch(/^app:\/\/balancete\//);

    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe(
      'denied',
    );
  } finally {
    await app.close();
  }
});

test('the settings screen reaches the OS keychain through main (or says it cannot)', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await page.keyboard.press('Control+Comma');
    const section = page.getByRole('region', { name: 'Conta Pluggy' });
    await expect(section.getByLabel('Demonstração (banco de testes embutido)')).toBeChecked();
    await section.getByLabel('Minha aplicação Pluggy').check();
    // With a keychain the form asks for the keys; without one, the screen explains why it cannot.
    await expect(section.getByLabel('Client secret').or(section.getByRole('alert'))).toBeVisible();
  } finally {
    await app.close();
  }
});

test('a second instance hands over to the first and exits', async () => {
  const app = await launchBalancete(temp.path);
  try {
    await app.firstWindow();
    const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
    const exitCode = await new Promise<number | null>((done) => {
      const second = spawn(electronBinary as string, [resolve('.')], {
        env: { ...env, BALANCETE_DATA_DIR: temp.path },
        stdio: 'ignore',
      });
      second.on('exit', (code) => done(code));
    });
    expect(exitCode).toBe(0);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
