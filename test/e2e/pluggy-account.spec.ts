import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/app.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';

test('own Pluggy application: wrong keys are refused, right ones kept, shown by their ending only, removed', async ({
  app,
  page,
}) => {
  const { clientId, clientSecret } = app.sandbox.sandbox.credentials;
  await app.open('/settings');
  const section = page.getByRole('region', { name: 'Conta Pluggy' });
  await expect(section.getByLabel('Demonstração (banco de testes embutido)')).toBeChecked();

  await section.getByLabel('Minha aplicação Pluggy').check();
  await section.getByLabel('Client ID').fill(clientId);
  await section.getByLabel('Client secret').fill('definitely-not-the-secret');
  await section.getByRole('button', { name: 'Verificar e salvar' }).click();
  await expect(section.getByRole('alert')).toHaveText(/O Pluggy não aceitou este client ID e client secret/);

  await section.getByLabel('Client secret').fill(clientSecret);
  await section.getByRole('button', { name: 'Verificar e salvar' }).click();
  await expect(section.getByText(`Configurada — Client ID terminando em …${clientId.slice(-4)}`)).toBeVisible();
  await expect(section.getByRole('status')).toHaveText(/guardadas no chaveiro do sistema/);
  await page.screenshot({ path: 'test-results/screenshots/settings-pluggy-configured.png', fullPage: true });

  // After a restart (main's database, keychain and handlers made anew) they are still there.
  await app.restart();
  await expect(section.getByLabel('Minha aplicação Pluggy')).toBeChecked();
  await expect(section.getByText(`Client ID terminando em …${clientId.slice(-4)}`)).toBeVisible();

  await section.getByRole('button', { name: 'Remover credenciais' }).click();
  await expect(section.getByRole('status')).toHaveText(/voltou ao modo demonstração/);
  await expect(section.getByLabel('Demonstração (banco de testes embutido)')).toBeChecked();

  // Nothing that crossed to the page carried the secret or an API key.
  const everything = JSON.stringify(app.ipc.map((exchange) => exchange.result));
  expect(app.ipc.length).toBeGreaterThan(3);
  expect(everything).not.toContain(clientSecret);
  expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  // …and nothing of it reached the database file either.
  app.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = readFileSync(join(app.dataDirectory, 'balancete.sqlite'));
  expect(file.includes(clientSecret)).toBe(false);
});

test.describe('without an OS keychain', () => {
  test.use({ keychain: 'missing' });

  test('says so, and how to fix it, instead of asking for keys it could not keep', async ({ app, page }) => {
    await app.open('/settings');
    const section = page.getByRole('region', { name: 'Conta Pluggy' });
    await section.getByLabel('Minha aplicação Pluggy').check();
    await expect(section.getByRole('alert')).toHaveText(/chaveiro do sistema.*GNOME Keyring/);
    await expect(section.getByLabel('Client secret')).toHaveCount(0);
  });
});

test.describe('with the OS keychain locked', () => {
  test.use({ keychain: 'locked' });

  test('says it is locked and to unlock it, never that no keys are kept, nor asks for them again', async ({
    app,
    page,
  }) => {
    await app.open('/settings');
    const section = page.getByRole('region', { name: 'Conta Pluggy' });
    const locked = section.getByRole('alert');
    await expect(locked).toContainText('O chaveiro do sistema está bloqueado');
    await section.getByLabel('Minha aplicação Pluggy').check();
    await expect(section.getByLabel('Client secret')).toHaveCount(0);
    await expect(section.getByText(/Configurada/)).toHaveCount(0);

    // "Tentar de novo" reads the keychain again (on a desktop, the system's unlock prompt shows then).
    const reads = () => app.ipc.filter((exchange) => exchange.channel === 'pluggy-account:get').length;
    const before = reads();
    await locked.getByRole('button', { name: 'Tentar de novo' }).click();
    await expect.poll(reads).toBeGreaterThan(before);
    await expect(locked).toContainText('Desbloqueie-o');

    await screenshotsEverywhere(page, 'settings-keychain-locked', async (language) => {
      // The section's own name changes with the language: the alert is the page's only one.
      await expect(page.getByRole('alert')).toContainText(
        language === 'en' ? 'The system keychain is locked' : 'está bloqueado',
      );
    });
  });
});
