import { expect, test } from './support/app.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';

/**
 * First run (issue 20): no account yet, demo mode, no Pluggy keys. The empty Contas card
 * says what demo mode is and how to use real accounts, and links a bank from right there.
 */
test('the empty Contas card explains demo mode and links a bank from there', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/accounts');
  const card = page.locator('.empty-state');
  await expect(card.getByRole('heading', { name: 'Nenhuma conta por aqui ainda' })).toBeVisible();
  await expect(card).toContainText('Você está no modo de demonstração');
  await expect(card).toContainText('fictícios');
  await expect(card).toContainText('adicione suas credenciais da Pluggy em Configurações');
  // One "Conectar banco" on the screen: the card's.
  const connect = page.getByRole('button', { name: 'Conectar banco' });
  await expect(connect).toHaveCount(1);
  await expect(card.getByRole('button', { name: 'Conectar banco' })).toBeVisible();
  await screenshotsEverywhere(page, 'accounts-first-run', async (language) => {
    await expect(card).toContainText(language === 'en' ? 'You are in demo mode' : 'Você está no modo de demonstração');
  });

  // The same flow as anywhere else: the Connect window opens on the sandbox's banks.
  const [connectWindow] = await Promise.all([page.context().waitForEvent('page'), connect.click()]);
  await expect(connectWindow.getByRole('heading', { name: 'Escolha o seu banco' })).toBeVisible();
  await connectWindow.close();

  // The way to real accounts: Configurações, at the Pluggy account.
  await card.getByRole('link', { name: 'Adicionar credenciais da Pluggy' }).click();
  await expect(page.getByRole('region', { name: 'Conta Pluggy' })).toBeVisible();
});

test("with the user's own Pluggy credentials the card says so, without the demo explanation", async ({ app, page }) => {
  const { clientId, clientSecret } = app.sandbox.sandbox.credentials;
  await app.open('/settings');
  const section = page.getByRole('region', { name: 'Conta Pluggy' });
  await section.getByLabel('Minha aplicação Pluggy').check();
  await section.getByLabel('Client ID').fill(clientId);
  await section.getByLabel('Client secret').fill(clientSecret);
  await section.getByRole('button', { name: 'Verificar e salvar' }).click();
  await expect(section.getByText(/Configurada — Client ID terminando em/)).toBeVisible();

  await app.open('/accounts');
  const card = page.locator('.empty-state');
  await expect(card).toContainText('Você está usando suas próprias credenciais da Pluggy');
  await expect(card).not.toContainText('modo de demonstração');
  await expect(card.getByRole('link', { name: 'Adicionar credenciais da Pluggy' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Conectar banco' })).toBeVisible();
});
