import type { Locator, Page } from '@playwright/test';
import type { Db } from '../../db/open.ts';
import { expect, test } from './support/app.ts';
import { checkAccessibility } from './support/axe.ts';
import { type BookTransaction, insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { pickCategory, pickerOptions, typeCategory } from './support/category-picker.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/**
 * The one category picker (issue 20 item 3): the user's categories before Pluggy's, names
 * alike told apart, chips that show a category's own name with its path on hover, and the
 * same picker in the split editor, with focus kept in the panel after "Salvar divisão".
 */

/**
 * The shared meals and transport, beside Balancete's starting categories and Pluggy's
 * taxonomy, which repeat names: "Impostos" and "Transporte" at the top in both, and here a
 * "Delivery de alimentos" under the user's "Refeições" as under Pluggy's "Alimentos e bebidas".
 */
function seedBook(db: Db): void {
  const { checking, card } = seedAccountsAndCategories(db, [
    {
      id: 'cat-delivery',
      parentId: 'cat-food',
      source: 'user',
      namePt: 'Delivery de alimentos',
      nameEn: 'Food delivery',
    },
  ]);
  const rows: BookTransaction[] = [
    { id: 't1', accountId: checking, date: '2026-11-18', description: 'DAS - SIMPLES NACIONAL', amountCents: -35_000 },
    { id: 't2', accountId: card, date: '2026-11-16', description: 'IFOOD *RESTAURANTE', amountCents: -4_590 },
    { id: 't3', accountId: checking, date: '2026-11-10', description: 'PIX ENVIADO - COWORKING', amountCents: -15_000 },
  ];
  insertTransactions(db, rows);
}

const chip = (page: Page, description: string) => transactionRow(page, description).locator('.category-chip');
const groups = (combobox: Locator) => combobox.page().getByRole('listbox').getByRole('group');
const labels = (combobox: Locator) => pickerOptions(combobox).locator('.category-picker-label');

test("Transações: the user's categories first, names alike told apart, chosen with the keys", async ({ app, page }) => {
  // Screenshots at three widths in two languages: more than the default 30 s on a busy machine.
  test.slow();
  seedBook(app.database.db);
  await app.open('/transactions');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(3);
  await transactionGrid(page).focus();
  await page.keyboard.press('Enter'); // the first row: DAS
  const picker = page.getByRole('combobox', { name: 'Escolher categoria' });
  await expect(picker).toBeFocused();

  // Two headed groups, the user's first; nothing highlighted before the user types or moves.
  await expect(groups(picker)).toHaveCount(2);
  await expect(groups(picker).nth(0)).toHaveAccessibleName('Suas categorias');
  await expect(groups(picker).nth(1)).toHaveAccessibleName('Categorias do Pluggy');
  await expect(groups(picker).nth(0).getByRole('option', { name: 'Impostos', exact: true })).toHaveCount(1);
  await expect(groups(picker).nth(1).getByRole('option', { name: 'Impostos (Pluggy)', exact: true })).toHaveCount(1);
  await expect(picker).not.toHaveAttribute('aria-activedescendant', /.+/);

  // Accents and case ignored; the two "Impostos" read apart, the user's first.
  await picker.fill('IMPOST');
  const shown = await labels(picker).allTextContents();
  expect(shown[0]).toBe('Impostos');
  expect(shown).toContain('Impostos (Pluggy)');
  await picker.fill('');
  await typeCategory(picker, 'IMPOST', 'Impostos (Pluggy)');
  await expect(chip(page, 'DAS')).toHaveText('Impostos (Pluggy)');
  await expect(transactionGrid(page)).toBeFocused();

  // A name two parents share shows each parent.
  await page.keyboard.press('ArrowDown'); // IFOOD
  await page.keyboard.press('Enter');
  await picker.fill('delivery');
  await expect(labels(picker)).toHaveText([
    'Delivery de alimentos (Refeições)',
    'Delivery de alimentos (Alimentos e bebidas)',
  ]);
  expect((await checkAccessibility(page, 'the open picker')).blocking).toEqual([]);
  await picker.fill('zzz');
  await expect(page.getByText('Nenhuma categoria encontrada')).toBeVisible();
  expect((await checkAccessibility(page, 'the picker with no match')).blocking).toEqual([]);
  await picker.fill('delivery');
  await screenshotsEverywhere(page, 'category-picker-transactions', async (language) => {
    const name = language === 'en' ? 'Choose a category' : 'Escolher categoria';
    await expect(page.getByRole('combobox', { name })).toBeFocused();
  });
  await picker.fill('');
  // "bebidas" finds Pluggy's by its parent: the path is searched too.
  await typeCategory(picker, 'bebidas deliv', 'Alimentos e bebidas › Delivery de alimentos');
  // The chip shows the name first; its path is on hover and in its name.
  await expect(chip(page, 'IFOOD')).toHaveText('Delivery de alimentos (Alimentos e bebidas)');
  await expect(chip(page, 'IFOOD')).toHaveAttribute('title', 'Alimentos e bebidas › Delivery de alimentos');
  await expect(chip(page, 'IFOOD')).toHaveAccessibleName('Alimentos e bebidas › Delivery de alimentos');

  // Esc closes without a change, focus back on the table.
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(transactionGrid(page)).toBeFocused();
  await expect(chip(page, 'IFOOD')).toHaveText('Delivery de alimentos (Alimentos e bebidas)');

  // The filter uses the same picker, with its own choices first.
  await pickCategory(page, 'Categoria', 'impostos', 'Impostos (Pluggy)');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveText(['DAS - SIMPLES NACIONAL']);
  await pickCategory(page, 'Categoria', 'todas', 'Todas as categorias');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(3);

  const stored = app.database.sqlite
    .prepare('SELECT transaction_id AS id, category_id AS category FROM transaction_user_data ORDER BY 1')
    .all();
  expect(stored).toEqual([
    { id: 't1', category: '15000000' },
    { id: 't2', category: '11020000' },
  ]);
});

test('split editor: each part picks with the same picker, and after "Salvar divisão" Esc still closes the panel', async ({
  app,
  page,
}) => {
  test.slow();
  seedBook(app.database.db);
  await app.open('/transactions');
  await transactionGrid(page).focus();
  await page.keyboard.press('End'); // the coworking PIX
  await page.keyboard.press('d');
  const details = page.getByRole('dialog', { name: 'Detalhes da transação' });
  await expect(details).toBeFocused();
  await details.getByRole('button', { name: 'Dividir transação' }).click();

  await pickCategory(details, 'Categoria da parte 1', 'transp', 'Transporte');
  await details.getByLabel('Valor da parte 1').fill('100,00');
  // Part 2 by keyboard alone: Enter on its chip opens the picker, typing narrows, ↓ and Enter choose.
  const second = details.getByRole('button', { name: 'Categoria da parte 2: ' });
  await second.focus();
  await page.keyboard.press('Enter');
  const picker = details.getByRole('combobox', { name: 'Categoria da parte 2', exact: true });
  await expect(picker).toBeFocused();
  // Nothing typed: every category offered, the user's under the first heading.
  await expect(groups(picker).nth(0)).toHaveAccessibleName('Suas categorias');
  expect((await checkAccessibility(page, 'the split editor with a picker open')).blocking).toEqual([]);
  await screenshotsEverywhere(page, 'category-picker-split', async (language) => {
    await expect(
      details.page().getByRole('combobox', { name: language === 'en' ? 'Category of part 2' : 'Categoria da parte 2' }),
    ).toBeFocused();
  });
  await typeCategory(picker, 'impostos', 'Impostos (Pluggy)');
  await expect(second).toHaveText('Impostos (Pluggy)');
  await expect(second).toHaveAttribute('title', 'Impostos (Pluggy)');
  await expect(second).toBeFocused();
  // Esc in the picker closes the picker only, not the panel.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(second).toBeFocused();
  await expect(details).toBeVisible();

  await details.getByLabel('Valor da parte 2').fill('50,00');
  await details.getByRole('button', { name: 'Salvar divisão' }).click();
  await expect(details.locator('.split-status')).toHaveText('Divisão salva.');
  // Focus stays in the panel (the save button, now disabled, cannot hold it), so Esc closes it.
  await expect(details.locator('.split-editor')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(transactionGrid(page)).toBeFocused();
  await expect(transactionRow(page, 'COWORKING').locator('.cell-category')).toHaveText('Dividida (2)');
  const saved = app.ipc.findLast((exchange) => exchange.channel === 'transactions:split');
  expect(saved?.input).toEqual({
    id: 't3',
    parts: [
      { categoryId: 'cat-transport', amountCents: -10_000 },
      { categoryId: '15000000', amountCents: -5_000 },
    ],
  });
});
