import { expect, test } from './support/app.ts';

test('demo mode: link the sandbox bank through MFA, then see its accounts', async ({ app, page, context }) => {
  await app.open();
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  await expect(connect.getByRole('heading', { name: 'Escolha o seu banco' })).toBeVisible();

  // Only the sandbox banks in demo mode (two of them over Open Finance), searchable.
  await expect(connect.getByRole('button', { name: /^Pluggy Bank/ })).toHaveCount(5);
  await connect.getByLabel('Buscar banco').fill('MFA');
  await expect(connect.getByRole('button', { name: /^Pluggy Bank/ })).toHaveCount(2);
  await connect.getByRole('button', { name: 'Pluggy Bank MFA', exact: true }).click();

  // The form comes from the connector; its rules are checked before anything is sent.
  await connect.getByLabel('User').fill('someone');
  await connect.getByLabel('Password').fill('password-ok');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  await expect(connect.getByLabel('User')).toHaveAttribute('aria-invalid', 'true');
  await connect.getByLabel('User').fill('user-ok');
  await connect.screenshot({ path: 'test-results/screenshots/connect-login.png' });
  await connect.getByRole('button', { name: 'Conectar' }).click();

  await expect(connect.getByRole('heading', { name: 'O banco pediu uma confirmação' })).toBeVisible();
  await connect.getByLabel('Token').fill('123456');
  await connect.screenshot({ path: 'test-results/screenshots/connect-mfa.png' });
  await connect.getByRole('button', { name: 'Enviar' }).click();
  await expect(connect.getByRole('heading', { name: 'Pluggy Bank MFA conectado!' })).toBeVisible({ timeout: 15_000 });
  await connect.screenshot({ path: 'test-results/screenshots/connect-done.png' });

  // The main window shows the new accounts without being reloaded.
  await expect(page.getByRole('region', { name: 'Pluggy Bank MFA' })).toContainText('3 contas');
  await expect(page.getByText(/^Pluggy Bank MFA · Conta Corrente ·· \d{4}-\d$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/accounts-after-connect.png', fullPage: true });
});

test('demo mode: a refused login says why, in plain words, and lets the user try again', async ({
  app,
  page,
  context,
}) => {
  await app.open();
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  await connect.getByRole('button', { name: 'Pluggy Bank', exact: true }).click();
  await connect.getByLabel('User').fill('user-locked');
  await connect.getByLabel('Password').fill('password-ok');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  await expect(connect.getByRole('alert')).toContainText('Sua conta está bloqueada no banco');
  await connect.getByRole('button', { name: 'Tentar de novo' }).click();
  await expect(connect.getByLabel('User')).toBeVisible();
});
