import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { pluggyConnectOrigin } from '../../../electron/shared/csp.ts';
import { type AppFixture, expect } from './app.ts';

/**
 * Pluggy's Connect widget, played here: this machine has no internet, so a stand-in page
 * served for the widget's origin runs zoid's child side (the same zoid build Pluggy's SDK
 * renders the widget with), and the real SDK on the Connect page talks to it as it would to
 * Pluggy's. Tests drive it through `window.xprops`, as the real widget reports.
 */

/** What the widget frame sees of the props the SDK sent it (zoid's `window.xprops`). */
interface WidgetProps {
  connectToken: string;
  updateItem?: string;
  language?: string;
  countries?: string[];
  onSuccessProp: (data: { item: { id: string } }) => Promise<void>;
  onErrorProp: (error: { message: string; data?: { item: { id: string } } }) => Promise<void>;
  close: () => Promise<void>;
}
declare global {
  interface Window {
    xprops?: WidgetProps;
  }
}

const zoidBundle = readFileSync(resolve('node_modules/zoid/dist/zoid.frameworks.frame.js'));
const standIn = `<!doctype html>
<title>Pluggy Connect (stand-in)</title>
<script src="/__stand-in/zoid.js"></script>
<script>zoid.create({ tag: 'pluggy-connect-widget', url: '${pluggyConnectOrigin}' });</script>
<p>Pluggy Connect stand-in</p>`;

/** Serves the stand-in for Pluggy's widget origin; returns the URLs the browser asked it for. */
export async function standInForPluggyWidget(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  // Registered after the fixture's catch-all, so it is asked first.
  await context.route(
    (url) => url.origin === pluggyConnectOrigin,
    async (route) => {
      const url = new URL(route.request().url());
      requested.push(url.toString());
      if (url.pathname === '/__stand-in/zoid.js') {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: zoidBundle });
      } else {
        await route.fulfill({ status: 200, contentType: 'text/html', body: standIn });
      }
    },
  );
  return requested;
}

/** Own mode: the sandbox's keys saved as the user's own Pluggy application, through the page's bridge. */
export async function useOwnApplication(app: AppFixture, page: Page): Promise<void> {
  await app.open();
  const saved = await page.evaluate(
    (credentials) => window.balancete?.invoke('pluggy-account:save', credentials),
    app.sandbox.sandbox.credentials,
  );
  expect(saved).toMatchObject({ ok: true, value: { mode: 'own' } });
}

/** The widget's frame once the SDK has handed it its props. */
export async function widgetFrame(connect: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = connect.frames().find((each) => each.url().startsWith(pluggyConnectOrigin))), {
      timeout: 10_000,
    })
    .toBeDefined();
  const found = frame as Frame;
  await found.waitForFunction(() => window.xprops !== undefined);
  return found;
}

/** The user closes the widget (zoid's own `close`, which removes the frame: not waited for from inside it). */
export async function closeWidget(widget: Frame): Promise<void> {
  await widget.evaluate(() => {
    void window.xprops?.close();
  });
}
