import { seedTwoAccounts } from '../fixtures/seed.ts';
import { expect, test } from './support/app.ts';

const nbsp = '\u00a0';

test('a new user sees a helpful empty state', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nenhuma conta por aqui ainda' })).toBeVisible();
  await expect(page.getByText('funciona sem internet')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/accounts-empty-pt-BR.png' });
});

test('accounts and balances from SQLite, in pt-BR, then in English', async ({ app, page }) => {
  seedTwoAccounts(app.database.db);
  await app.open();

  const checking = page.getByRole('listitem').filter({ hasText: 'Conta Corrente' });
  const card = page.getByRole('listitem').filter({ hasText: 'Cartão Roxinho' });
  await expect(checking).toContainText(`R$${nbsp}12.345,67`);
  await expect(checking).toContainText('em 20/11/2026');
  await expect(checking).toContainText('Conta corrente · 0001/12345-0');
  await expect(card).toContainText(`-R$${nbsp}987,65`);
  await expect(card).toContainText(`Limite de R$${nbsp}15.000,00`);
  await expect(page.getByRole('region', { name: 'Nubank' })).toContainText('2 contas');

  const totals = page.getByRole('definition');
  await expect(totals.nth(0)).toHaveText(`R$${nbsp}11.358,02`); // 12.345,67 − 987,65
  await expect(totals.nth(1)).toHaveText(`R$${nbsp}12.345,67`);
  await expect(totals.nth(2)).toHaveText(`-R$${nbsp}987,65`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await page.screenshot({ path: 'test-results/screenshots/accounts-pt-BR.png', fullPage: true });

  await page.getByRole('link', { name: 'Configurações' }).click();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.screenshot({ path: 'test-results/screenshots/settings-en.png' });

  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(checking).toContainText('R$12,345.67');
  await expect(checking).toContainText('on 20/11/2026'); // still dd/mm/yyyy
  await expect(card).toContainText('-R$987.65');
  await expect(page.getByRole('region', { name: 'Nubank' })).toContainText('2 accounts');
  await page.screenshot({ path: 'test-results/screenshots/accounts-en.png', fullPage: true });

  // The choice is stored: a reload (a restart, for the renderer) comes back in English.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
});

test('keyboard: navigation links and the language switch work without a mouse', async ({ app, page }) => {
  await app.open();
  // Contas, Conexões, Transações, Regras, Categorias, Conciliação, Relatórios, Configurações.
  for (let press = 0; press < 8; press += 1) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Configurações' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
  await page.getByLabel('Idioma').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('keyboard: Ctrl+, opens settings and Ctrl+1 goes back to accounts', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
});

test('a screen that cannot render shows an error and leaves the rest of the app usable', async ({ app, page }) => {
  const { checking } = seedTwoAccounts(app.database.db);
  app.database.sqlite.prepare("UPDATE accounts SET balance_date = 'not a date' WHERE id = ?").run(checking);
  await app.open();
  await expect(page.getByRole('alert')).toContainText('Não foi possível carregar esta tela.');
  await page.getByRole('link', { name: 'Configurações' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
});

test('a language change made elsewhere reaches this window', async ({ app, page }) => {
  await app.open();
  await app.emit('settings:changed', {
    language: 'en',
    theme: 'system',
    pluggyMode: 'demo',
    closeToTray: true,
    syncIntervalMinutes: 15,
    reportOwnerName: null,
    reportOwnerDocument: null,
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
});

test('settings changed elsewhere show in an open Settings screen, not only its language', async ({ app, page }) => {
  await app.open('/settings');
  await expect(page.getByLabel('Idioma')).toHaveValue('pt-BR');
  await expect(page.getByRole('checkbox', { name: /continuar na bandeja/ })).toBeChecked();
  await app.emit('settings:changed', {
    language: 'en',
    theme: 'system',
    pluggyMode: 'demo',
    closeToTray: false,
    syncIntervalMinutes: 15,
    reportOwnerName: null,
    reportOwnerDocument: null,
  });
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expect(page.getByRole('checkbox', { name: /keep running in the system tray/i })).not.toBeChecked();
});

test('closing the window to the tray is a setting that survives a restart', async ({ app, page }) => {
  await app.open('/settings');
  const keepInTray = page.getByRole('checkbox', { name: 'Ao fechar a janela, continuar na bandeja do sistema' });
  await expect(keepInTray).toBeChecked();
  await keepInTray.press('Space');
  await expect(keepInTray).not.toBeChecked();
  // The last settings change sent (other screens' reads may come after it on a busy machine).
  const updates = app.ipc.filter((call) => call.channel === 'settings:update');
  expect(updates.at(-1)).toMatchObject({ input: { closeToTray: false } });
  await app.restart();
  await app.open('/settings');
  await expect(keepInTray).not.toBeChecked();
});

test('how often connections are looked at is a setting, applied by main', async ({ app, page }) => {
  await app.open('/settings');
  const interval = page.getByLabel('Atualização automática');
  await expect(interval).toHaveValue('15');
  await expect(interval.locator('option')).toHaveText([
    'A cada 5 minutos',
    'A cada 15 minutos',
    'A cada 30 minutos',
    'A cada hora',
    'A cada 4 horas',
  ]);
  await interval.selectOption({ label: 'A cada hora' });
  await expect
    .poll(() => app.ipc.findLast((each) => each.channel === 'settings:update'))
    .toMatchObject({
      channel: 'settings:update',
      input: { syncIntervalMinutes: 60 },
      result: { ok: true },
    });
  await app.restart();
  await app.open('/settings');
  await expect(interval).toHaveValue('60');
});
