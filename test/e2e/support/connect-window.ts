import type { Page } from '@playwright/test';
import type { Channel } from '../../../electron/shared/contract.ts';
import type { IpcResult } from '../../../electron/shared/errors.ts';

/**
 * Calls a channel from a Connect window, opened from `page` as the app opens one and
 * closed after. Linking a bank is the Connect window's alone (electron/shared/window-scopes.ts),
 * so a test that skips the Connect window's screens still asks from that window.
 */
export async function invokeInConnectWindow(
  page: Page,
  channel: Channel,
  input?: unknown,
): Promise<IpcResult<unknown>> {
  const opened = page.context().waitForEvent('page');
  // Answered once the Connect window's page has loaded (the E2E bridge's openConnectWindow).
  await page.evaluate(() => window.balancete?.invoke('connect-window:open', {}));
  const connect = await opened;
  try {
    return await connect.evaluate(
      ([name, data]) => {
        const bridge = window.balancete;
        if (!bridge) throw new Error('no bridge');
        return bridge.invoke(name, data);
      },
      [channel, input] as const,
    );
  } finally {
    await connect.close();
  }
}
