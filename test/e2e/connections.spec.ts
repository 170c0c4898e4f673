import { expect, test } from './support/app.ts';

/** Links a sandbox bank through the bridge, as the Connect window does. */
async function connect(page: import('@playwright/test').Page, user: string, connectorId = 0) {
  return page.evaluate(
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
}

test('connections: how each bank is doing, fresh data on request, the MFA code, and plain errors', async ({
  app,
  page,
}) => {
  await app.open('/connections');
  await expect(page.getByText('Nenhum banco conectado ainda.')).toBeVisible();

  await connect(page, 'user-ok');
  await connect(page, 'user-locked');
  await connect(page, 'user-ok', 2);

  const rows = page.getByRole('main').getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const ok = rows.filter({ hasText: /^Pluggy Bank(?! MFA)/ }).filter({ hasText: 'Atualizada' });
  await expect(ok).toHaveCount(1, { timeout: 15_000 });
  await expect(ok).toContainText('última atualização em');
  await expect(rows.filter({ hasText: 'Sua conta está bloqueada no banco' })).toHaveCount(1, { timeout: 15_000 });

  const mfa = rows.filter({ hasText: 'Pluggy Bank MFA' });
  await expect(mfa).toContainText('Aguardando seu código', { timeout: 15_000 });
  await mfa.getByLabel('Token').fill('123456');
  await mfa.getByRole('button', { name: 'Enviar' }).click();
  await expect(mfa).toContainText('Atualizada', { timeout: 15_000 });

  await ok.getByRole('button', { name: 'Atualizar agora' }).click();
  await expect(ok.getByRole('button', { name: 'Atualizar agora' })).toBeEnabled({ timeout: 15_000 });
  await expect(ok).toContainText('Atualizada');
  await page.screenshot({ path: 'test-results/screenshots/connections.png', fullPage: true });
});

test('a connection the bank refused is logged in again from the Connections screen', async ({ app, page, context }) => {
  await app.open('/connections');
  await connect(page, 'user-wrong');
  const row = page.getByRole('main').getByRole('listitem');
  await expect(row).toContainText('Usuário ou senha incorretos', { timeout: 15_000 });

  const opened = context.waitForEvent('page');
  await row.getByRole('button', { name: 'Reconectar' }).click();
  const connectWindow = await opened;
  await expect(connectWindow.getByRole('heading', { name: 'Reconectar banco' })).toBeVisible();
  await connectWindow.getByLabel('User').fill('user-ok');
  await connectWindow.getByLabel('Password').fill('password-ok');
  await connectWindow.getByRole('button', { name: 'Conectar' }).click();
  await expect(connectWindow.getByRole('heading', { name: 'Pluggy Bank conectado!' })).toBeVisible({ timeout: 15_000 });

  await expect(row).toContainText('Atualizada', { timeout: 15_000 });
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1); // the same connection, not a new one
});
