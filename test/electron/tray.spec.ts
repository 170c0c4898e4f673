import { expect, test } from '@playwright/test';
import { electronBinary, electronSkipReason, launchBalancete, seededDataFolder } from './support/electron-app.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

const temp = seededDataFolder('balancete-electron-tray-');

test('closing the window keeps Balancete in the tray, unless the setting says quit', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
    await page.close();
    // Still running, windowless, a while later: syncing goes on from the tray.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.process().exitCode).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
  } finally {
    await app.close();
  }

  const again = await launchBalancete(temp.path);
  try {
    const reopened = await again.firstWindow();
    await reopened.evaluate(() => window.balancete?.invoke('settings:update', { closeToTray: false }));
    const exited = new Promise<number | null>((resolve) => again.process().once('exit', resolve));
    await reopened.close();
    expect(await exited).toBe(0);
  } finally {
    if (again.process().exitCode === null) await again.close();
  }
});

test('the Connect window is a window of its own, in a session of its own', async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
    const opened = app.waitForEvent('window');
    await page.evaluate(() => window.balancete?.invoke('connect-window:open'));
    const connect = await opened;
    expect(connect.url()).toMatch(/^app:\/\/balancete\/connect\.html/);
    await expect(connect.getByRole('heading', { level: 1 })).toBeVisible();
    const separate = await app.evaluate(({ BrowserWindow }) => {
      const [first, second] = BrowserWindow.getAllWindows();
      return first && second ? first.webContents.session !== second.webContents.session : null;
    });
    expect(separate).toBe(true);
  } finally {
    await app.close();
  }
});
