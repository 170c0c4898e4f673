import { institutionLogos } from '../../db/schema.ts';
import { expect, test } from './support/app.ts';
import { invokeInConnectWindow } from './support/connect-window.ts';
import { connectSandboxBank as connect, linkSyncedSandboxBank } from './support/sandbox-bank.ts';

test('connections: how each bank is doing, fresh data on request, the MFA code, and plain errors', async ({
  app,
  page,
}) => {
  await app.open('/connections');
  await expect(page.getByText('Nenhum banco conectado ainda.')).toBeVisible();

  await connect(page, 'user-ok');
  // A first login the bank refuses leaves no connection behind (new-links.spec.ts).
  await connect(page, 'user-locked');
  await connect(page, 'user-ok', 2);

  const cards = page.getByRole('region', { name: /^Pluggy Bank/ });
  await expect(cards).toHaveCount(2, { timeout: 15_000 });
  const ok = page.getByRole('region', { name: 'Pluggy Bank', exact: true }).filter({ hasText: 'Última sincronização' });
  await expect(ok).toHaveCount(1, { timeout: 15_000 });
  await expect(ok).toHaveAccessibleName('Pluggy Bank');

  const mfa = page.getByRole('region', { name: 'Pluggy Bank MFA' });
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
  await linkSyncedSandboxBank(app, page);
  // Its password changed at the bank: the next login is refused, and its data stays.
  const itemId = app.database.sqlite.prepare('SELECT id FROM connections').pluck().get() as string;
  const refused = await invokeInConnectWindow(page, 'connections:reconnect', {
    itemId,
    parameters: { user: 'user-wrong', password: 'password-ok' },
  });
  expect(refused).toMatchObject({ ok: true });
  const row = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(row).toContainText('Usuário ou senha incorretos', { timeout: 15_000 });
  await expect(row.locator('.connection-badge')).toHaveText('Precisa reconectar');
  await expect(row.getByRole('listitem')).toHaveCount(3);

  const opened = context.waitForEvent('page');
  await row.getByRole('button', { name: 'Reconectar' }).click();
  const connectWindow = await opened;
  await expect(connectWindow.getByRole('heading', { name: 'Reconectar banco' })).toBeVisible();
  await connectWindow.getByLabel('User').fill('user-ok');
  await connectWindow.getByLabel('Password').fill('password-ok');
  await connectWindow.getByRole('button', { name: 'Conectar' }).click();
  await expect(connectWindow.getByRole('heading', { name: 'Pluggy Bank conectado!' })).toBeVisible({ timeout: 15_000 });

  await expect(row).toContainText('Atualizada', { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Pluggy Bank' })).toHaveCount(1); // the same connection, not a new one
});

test('a connection shows its accounts and sync history, and is removed keeping or deleting its data', async ({
  app,
  page,
}) => {
  await app.open('/connections');
  const first = await connect(page, 'user-ok');
  const card = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(card).toContainText('Última sincronização', { timeout: 15_000 });
  await expect(card.getByRole('listitem')).toHaveCount(3);
  await expect(card.getByRole('listitem').filter({ hasText: 'Conta corrente' })).toContainText('R$');

  // Offline, Pluggy's logo cannot be fetched: the institution's initial on its colour.
  await expect(card.locator('.institution-logo')).toHaveText('P');
  // Once a logo is kept, it is shown from the database (a data: URI, allowed by the CSP).
  const logo = `data:image/svg+xml;base64,${Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#ef294b"/></svg>',
  ).toString('base64')}`;
  app.database.db
    .insert(institutionLogos)
    .values({
      connectorId: 0,
      imageUrl: 'https://cdn.pluggy.ai/x.svg',
      dataUri: logo,
      fetchedAt: '2026-11-21T00:00:00Z',
    })
    .run();
  await page.reload();
  await expect(card.locator('img.institution-logo')).toHaveAttribute('src', logo);
  expect(
    await card.locator('img.institution-logo').evaluate((image: HTMLImageElement) => image.naturalWidth),
  ).toBeGreaterThan(0);

  await card.getByRole('button', { name: 'Histórico' }).click();
  await expect(card.getByRole('button', { name: 'Histórico' })).toHaveAttribute('aria-expanded', 'true');
  const history = card.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(2); // header + the first sync
  await expect(history.getByRole('row').nth(1)).toContainText(/Conexão\s*\d\.\d{3} novas, 0 alteradas, 0 removidas/);
  await page.screenshot({ path: 'test-results/screenshots/connection-history.png', fullPage: true });

  // Escape backs out of the confirmation without removing anything.
  await card.getByRole('button', { name: 'Remover' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remover a conexão com Pluggy Bank?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Manter contas e transações/ })).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/connection-remove.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(card).toBeVisible();

  // Keep the data: the connection goes, its accounts stay in the books, marked disconnected.
  await card.getByRole('button', { name: 'Remover' }).click();
  await dialog.getByRole('button', { name: 'Remover conexão' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText('Nenhum banco conectado ainda.')).toBeVisible();

  // Link it again, and this time delete the data: only the first link's accounts remain.
  const second = await connect(page, 'user-ok');
  expect(second).not.toBe(first);
  await expect(card).toContainText('Última sincronização', { timeout: 15_000 });
  await card.getByRole('button', { name: 'Remover' }).click();
  await dialog.getByRole('radio', { name: /Apagar contas e transações/ }).check();
  await dialog.getByRole('button', { name: 'Remover conexão' }).click();
  await expect(card).toHaveCount(0);

  await page.getByRole('link', { name: 'Contas' }).click();
  const accounts = page.getByRole('main').getByRole('listitem');
  await expect(accounts).toHaveCount(3);
  for (const account of await accounts.all()) await expect(account).toContainText('Desconectada');
});
