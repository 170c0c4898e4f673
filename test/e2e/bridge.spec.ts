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
