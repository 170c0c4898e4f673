import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../electron/shared/models.ts';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { useLanguage } from './support/screenshots.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

// The computer says en-US (mm/dd/yyyy): the app's date fields must not follow it.
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

/** October and November 2026, a CNPJ and a CPF as the bank sends them (digits only). */
function seedBook(page: { db: Parameters<typeof seedAccountsAndCategories>[0] }): void {
  const { checking } = seedAccountsAndCategories(page.db, []);
  insertTransactions(page.db, [
    {
      id: 'oct-1',
      accountId: checking,
      date: '2026-10-05',
      description: 'PADARIA PÃO DOURADO',
      counterpartyName: 'PADARIA PAO DOURADO LTDA',
      counterpartyDocument: '11222333000181',
      amountCents: -349_957,
    },
    {
      id: 'oct-2',
      accountId: checking,
      date: '2026-10-30',
      description: 'PIX RECEBIDO - MARIA',
      counterpartyName: 'MARIA DA SILVA',
      counterpartyDocument: '76109277673',
      amountCents: 120_000,
    },
    { id: 'nov-1', accountId: checking, date: '2026-11-10', description: 'IFOOD *RESTAURANTE', amountCents: -4_590 },
  ]);
}

const descriptions = (page: Page) => transactionGrid(page).locator('.tx-description');
/** The open calendar (one at a time), and the button that opens the one of a field by its label. */
const openCalendar = (page: Page, name = 'Calendário') => page.getByRole('dialog', { name, exact: true });
const calendarButton = (page: Page, label: string) =>
  page
    .locator('.date-field')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .getByRole('button');

const windowSizes = [
  { width: 960, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** The calendar open under `field` at each window size, in both languages (test-results/screenshots/). */
async function calendarShots(page: Page, name: string, field: (language: Language) => Locator): Promise<void> {
  for (const language of ['pt-BR', 'en'] as const) {
    await useLanguage(page, language);
    for (const size of windowSizes) {
      await page.setViewportSize(size);
      const button = field(language);
      await button.click();
      await expect(page.locator('.date-field-calendar:popover-open')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/${name}-${language}-${size.width}.png` });
      await page.keyboard.press('Escape');
      await expect(page.locator('.date-field-calendar:popover-open')).toHaveCount(0);
    }
  }
  await useLanguage(page, 'pt-BR');
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a custom period is typed as dd/mm/aaaa and picked from a calendar, whatever the computer locale', async ({
  app,
  page,
}) => {
  // Six screenshots in each language besides the walk.
  test.setTimeout(120_000);
  seedBook(app.database);
  await app.open('/transactions');
  await expect(descriptions(page)).toHaveCount(3);
  await page.getByLabel('Período').selectOption('Personalizado');

  // Digits only: the slashes come by themselves, and the field reads dd/mm, not the browser's mm/dd.
  const from = page.getByLabel('De', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  await from.pressSequentially('01102026');
  await expect(from).toHaveValue('01/10/2026');
  // Pasted the ISO way: read, and shown back as the app writes dates.
  const to = page.getByLabel('Até', { exact: true });
  await to.fill('2026-10-31');
  await to.blur();
  await expect(to).toHaveValue('31/10/2026');
  await expect(descriptions(page)).toHaveText(['PIX RECEBIDO - MARIA', 'PADARIA PÃO DOURADO']);
  await expect(page).toHaveURL(/from=2026-10-01/);
  await expect(page).toHaveURL(/to=2026-10-31/);

  // A day that does not exist is said in plain words, and the list keeps the last good period.
  await to.fill('31/02/2026');
  await expect(page.getByText('Essa data não existe no calendário.')).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/to=2026-10-31/);
  // A two-digit year is not guessed: it says so once the user leaves the box.
  await to.fill('29/10/26');
  await expect(page.getByText('Escreva o ano com quatro dígitos, por exemplo 2026.')).toBeHidden();
  await to.blur();
  await expect(page.getByText('Escreva o ano com quatro dígitos, por exemplo 2026.')).toBeVisible();
  await to.fill('31/10/2026');

  // The calendar by keyboard alone: it opens on the chosen day, in Portuguese.
  // Named "Abrir calendário", described by its field's label, as a screen reader says it.
  await expect(calendarButton(page, 'Até')).toHaveAccessibleName('Abrir calendário');
  await expect(calendarButton(page, 'Até')).toHaveAccessibleDescription('Até');
  await calendarButton(page, 'Até').focus();
  await page.keyboard.press('Enter');
  const calendar = openCalendar(page);
  await expect(calendar).toBeVisible();
  await expect(calendar).toContainText('outubro 2026');
  // Arrows move by day, PageUp by month; Enter picks, closes, and gives the field its focus back.
  await page.keyboard.press('ArrowLeft'); // 30/10
  await page.keyboard.press('ArrowUp'); // 23/10
  await page.keyboard.press('PageDown'); // 23/11
  await expect(calendar.getByRole('grid')).toHaveAccessibleName(/novembro/i);
  await page.keyboard.press('PageUp'); // 23/10
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(to).toBeFocused();
  await expect(to).toHaveValue('23/10/2026');
  await expect(page).toHaveURL(/to=2026-10-23/);
  await expect(descriptions(page)).toHaveText(['PADARIA PÃO DOURADO']);
  // Alt+↓ from the box opens it too; Esc closes it only, back in the box, nothing picked.
  await to.press('Alt+ArrowDown');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(to).toBeFocused();
  await expect(to).toHaveValue('23/10/2026');

  // English keeps dd/mm/yyyy, as every English screen writes dates; the calendar speaks English.
  await useLanguage(page, 'en');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('01/10/2026');
  await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await calendarButton(page, 'From').click();
  await expect(openCalendar(page, 'Calendar').getByRole('grid')).toHaveAccessibleName(/October 2026/);
  await page.keyboard.press('Escape');
  await useLanguage(page, 'pt-BR');

  await calendarShots(page, 'date-field-transactions', (language) =>
    calendarButton(page, language === 'en' ? 'From' : 'De'),
  );
});

test('reports: a custom period typed as dd/mm/aaaa with an en-US computer', async ({ app, page }) => {
  test.setTimeout(120_000);
  seedBook(app.database);
  await app.open('/reports');
  await page.getByRole('combobox', { name: /^Período/ }).selectOption('custom');
  const from = page.getByLabel('De', { exact: true });
  const to = page.getByLabel('Até', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  await from.fill('');
  await from.pressSequentially('01102026');
  await to.fill('');
  await to.pressSequentially('31102026');
  await expect(from).toHaveValue('01/10/2026');
  await expect(to).toHaveValue('31/10/2026');
  await expect(page).toHaveURL(/from=2026-10-01&to=2026-10-31/);
  await expect(page.getByText('A data inicial precisa ser igual ou anterior à final.')).toBeHidden();

  await calendarShots(page, 'date-field-reports', (language) => calendarButton(page, language === 'en' ? 'To' : 'Até'));
});

test('CPF and CNPJ are punctuated in the details; amounts are prefilled with thousands separators', async ({
  app,
  page,
}) => {
  seedBook(app.database);
  await app.open('/transactions');
  const details = page.getByRole('dialog', { name: 'Detalhes da transação' });
  await transactionRow(page, 'MARIA').getByRole('button', { name: 'Abrir detalhes' }).click();
  await expect(details.locator('.tx-details-facts')).toContainText('761.092.776-73');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  await transactionRow(page, 'PADARIA').getByRole('button', { name: 'Abrir detalhes' }).click();
  await expect(details.locator('.tx-details-facts')).toContainText('11.222.333/0001-81');
  // The split editor starts with the whole amount, as the money boxes write it.
  await details.getByRole('button', { name: 'Dividir transação' }).click();
  await expect(details.getByLabel('Valor da parte 1')).toHaveValue('3.499,57');
  // Typed without separators, it is tidied on leaving the box.
  await details.getByLabel('Valor da parte 2').fill('1234,5');
  await details.getByLabel('Valor da parte 2').blur();
  await expect(details.getByLabel('Valor da parte 2')).toHaveValue('1.234,50');

  // In English, the English separators.
  await useLanguage(page, 'en');
  await page.reload();
  await transactionRow(page, 'PADARIA', 'Transaction list').getByRole('button', { name: 'Open details' }).click();
  const english = page.getByRole('dialog', { name: 'Transaction details' });
  await english.getByRole('button', { name: 'Split transaction' }).click();
  await expect(english.getByLabel('Amount of part 1')).toHaveValue('3,499.57');
});

test('reconciliation: the statement date has the calendar, the balances their thousands separators', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await linkSyncedSandboxBank(app, page);
  await page.keyboard.press('Control+6');
  const form = page.getByRole('form', { name: 'Nova conciliação' });
  await expect(form.getByLabel('Saldo do extrato')).toHaveValue(/^-?\d{1,3}(\.\d{3})*,\d{2}$/);
  const date = form.getByLabel('Data do extrato');
  const suggested = await date.inputValue();
  // One day earlier, by the calendar and the keyboard.
  await calendarButton(page, 'Data do extrato').click();
  await expect(openCalendar(page)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(date).toBeFocused();
  const [day = 0, month = 0, year = 0] = suggested.split('/').map(Number);
  const before = new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
  await expect(date).toHaveValue(before.split('-').reverse().join('/'));

  await calendarShots(page, 'date-field-reconciliation', (language) =>
    calendarButton(page, language === 'en' ? 'Statement date' : 'Data do extrato'),
  );
});
