import { expect, type Page } from '@playwright/test';
import type { AppFixture } from './app.ts';
import { invokeInConnectWindow } from './connect-window.ts';

/** Links a sandbox bank through the bridge from a Connect window, as its form does; resolves to the new connection's id. */
export async function connectSandboxBank(page: Page, user: string, connectorId = 0): Promise<string> {
  const result = await invokeInConnectWindow(page, 'connections:create', {
    connectorId,
    parameters: { user, password: 'password-ok' },
  });
  if (!result.ok) throw new Error(`connections:create: ${result.error.code}`);
  return (result.value as { id: string }).id;
}

/** Links the sandbox bank from the Connections screen and waits for its first sync. */
export async function linkSyncedSandboxBank(app: AppFixture, page: Page): Promise<void> {
  await app.open('/connections');
  await connectSandboxBank(page, 'user-ok');
  await expect(page.getByRole('region', { name: 'Pluggy Bank' })).toContainText('Última sincronização', {
    timeout: 30_000,
  });
}
