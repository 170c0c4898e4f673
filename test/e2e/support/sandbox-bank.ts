import type { Page } from '@playwright/test';

/** Links a sandbox bank through the bridge, as the Connect window does; resolves to the new connection's id. */
export async function connectSandboxBank(page: Page, user: string, connectorId = 0): Promise<string> {
  const result = await page.evaluate(
    async ([login, connector]) => {
      const bridge = window.balancete;
      if (!bridge) throw new Error('no bridge');
      return bridge.invoke('connections:create', {
        connectorId: connector,
        parameters: { user: login, password: 'password-ok' },
      });
    },
    [user, connectorId] as const,
  );
  if (!result.ok) throw new Error(`connections:create: ${result.error.code}`);
  return (result.value as { id: string }).id;
}
