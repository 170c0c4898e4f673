import { contentSecurityPolicy } from '../../electron/shared/csp.ts';
import { appOrigin, expect, test } from './support/app.ts';

test('the built page carries the app CSP and runs no inline script', async ({ app, page }) => {
  await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toBe(contentSecurityPolicy());
  const blocked = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return !(window as { __inlineRan?: boolean }).__inlineRan;
  });
  expect(blocked).toBe(true);
});

test('bad input through the bridge comes back as a typed error', async ({ app, page }) => {
  await app.open();
  const results = await page.evaluate(async () => {
    const bridge = window.balancete;
    if (!bridge) throw new Error('no bridge');
    return Promise.all([
      bridge.invoke('settings:update', { language: 'fr' }),
      bridge.invoke('no:such-channel' as never),
      bridge.invoke('accounts:list'),
    ]);
  });
  expect(results[0]).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(results[1]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(results[2]).toEqual({ ok: true, value: [] });
});

test('a page of another origin is refused by the sender check', async ({ app, page }) => {
  await app.open();
  await page.goto('https://elsewhere.test/');
  const result = await page.evaluate(() => window.balancete?.invoke('accounts:list'));
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  expect(new URL(page.url()).origin).not.toBe(appOrigin);
});

test('each window is answered on its own channels only: the Connect window is refused the books', async ({
  app,
  page,
  context,
}) => {
  await app.open();
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  await expect(connect.getByRole('heading', { name: 'Escolha o seu banco' })).toBeVisible();

  // The Connect window runs Pluggy's widget: its page may link a bank, and read or change nothing else.
  const fromConnect = await connect.evaluate(async () => {
    const bridge = window.balancete;
    if (!bridge) throw new Error('no bridge');
    return {
      transactions: await bridge.invoke('transactions:list', {}),
      settingsChange: await bridge.invoke('settings:update', { language: 'en' }),
      export: await bridge.invoke('exports:csv', { filters: {} }),
      settings: await bridge.invoke('settings:get'),
    };
  });
  expect(fromConnect.transactions).toMatchObject({ ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } });
  expect(fromConnect.settingsChange).toMatchObject({ ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } });
  expect(fromConnect.export).toMatchObject({ ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } });
  expect(fromConnect.settings).toMatchObject({ ok: true, value: { language: 'pt-BR' } });

  // The main window does not take connections in nor make connect tokens: the Connect window's steps.
  const fromMain = await page.evaluate(async () => {
    const bridge = window.balancete;
    if (!bridge) throw new Error('no bridge');
    return Promise.all([
      bridge.invoke('connect-token:create', {}),
      bridge.invoke('connections:adopt', { itemId: '5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f' }),
    ]);
  });
  expect(fromMain).toMatchObject([
    { ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } },
    { ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } },
  ]);
  // Nothing refused got through: the language is as it was, and no connection was kept.
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });
});
