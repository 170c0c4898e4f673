import type { Page } from '@playwright/test';
import type { Db } from '../../db/open.ts';
import { transactionUserData } from '../../db/schema.ts';
import { expect, test } from './support/app.ts';
import { type BookTransaction, insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { optionNames, pickCategory, pickerOptions } from './support/category-picker.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

const nbsp = '\u00a0';

/**
 * A small book with what the screen must tell apart: accents in descriptions and notes,
 * money in and out, a pending row, a reconciled one, a note, rows with and without a category.
 */
function seedBook(db: Db): void {
  const { checking, card } = seedAccountsAndCategories(db, [
    { id: 'cat-cafe', parentId: 'cat-food', source: 'user', namePt: 'Cafés e padarias', nameEn: 'Coffee shops' },
    { id: 'cat-services', source: 'user', namePt: 'Serviços prestados', nameEn: 'Services', reportGroup: 'income' },
    {
      id: 'cat-old',
      source: 'user',
      namePt: 'Transporte antigo',
      nameEn: 'Old transport',
      archivedAt: '2026-01-01T00:00:00.000Z',
    },
  ]);
  const rows: BookTransaction[] = [
    { id: 't1', accountId: checking, date: '2026-11-18', description: 'CAFÉ SÃO JOSÉ', amountCents: -1250 },
    {
      id: 't2',
      accountId: checking,
      date: '2026-11-17',
      description: 'PIX RECEBIDO - ACME LTDA',
      counterpartyName: 'ACME LTDA',
      amountCents: 500000,
    },
    {
      id: 't3',
      accountId: card,
      date: '2026-11-16',
      description: 'PAG*UBER DO BRASIL',
      amountCents: -2390,
      status: 'PENDING',
    },
    { id: 't4', accountId: card, date: '2026-11-10', description: 'IFOOD *RESTAURANTE', amountCents: -4590 },
    { id: 't5', accountId: checking, date: '2026-10-28', description: 'PADARIA PÃO DOURADO', amountCents: -890 },
    { id: 't6', accountId: checking, date: '2026-10-05', description: 'ENEL ENERGIA', amountCents: -23410 },
    { id: 't7', accountId: checking, date: '2025-12-20', description: 'DAS - SIMPLES NACIONAL', amountCents: -7600 },
  ];
  insertTransactions(db, rows);
  db.insert(transactionUserData)
    .values([
      { transactionId: 't2', categoryId: 'cat-services', categorySource: 'manual' },
      { transactionId: 't4', categoryId: 'cat-restaurants', categorySource: 'manual' },
      { transactionId: 't5', notes: 'café da manhã com cliente' },
      { transactionId: 't6', reconciledAt: '2026-10-31T12:00:00.000Z' },
    ])
    .run();
}

/** The descriptions of the rows shown, top to bottom. */
const descriptions = (page: Page) => transactionGrid(page).locator('.tx-description');

test('the list: amounts, flags, totals, and search that ignores accents', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await expect(descriptions(page)).toHaveCount(7);
  await expect(descriptions(page).first()).toHaveText('CAFÉ SÃO JOSÉ');

  await expect(transactionRow(page, 'ACME')).toContainText(`R$${nbsp}5.000,00`);
  await expect(transactionRow(page, 'ACME')).toContainText('17/11/2026');
  await expect(transactionRow(page, 'ACME')).toContainText('Serviços prestados');
  await expect(transactionRow(page, 'CAFÉ SÃO JOSÉ')).toContainText(`-R$${nbsp}12,50`);
  await expect(transactionRow(page, 'CAFÉ SÃO JOSÉ')).toContainText('Sem categoria');
  // A chip shows the category's own name; the path is on hover and in its name.
  const ifoodChip = transactionRow(page, 'IFOOD').locator('.category-chip');
  await expect(ifoodChip).toHaveText('Restaurantes');
  await expect(ifoodChip).toHaveAttribute('title', 'Refeições › Restaurantes');
  await expect(ifoodChip).toHaveAccessibleName('Refeições › Restaurantes');
  await expect(transactionRow(page, 'UBER')).toContainText('Pendente');
  await expect(transactionRow(page, 'ENEL').getByRole('img', { name: 'Conciliada' })).toBeVisible();
  await expect(transactionRow(page, 'PADARIA')).toContainText('café da manhã com cliente');

  const totals = page.getByRole('definition');
  await expect(totals.nth(0)).toHaveText('7');
  await expect(totals.nth(1)).toHaveText(`R$${nbsp}5.000,00`);
  await expect(totals.nth(2)).toHaveText(`-R$${nbsp}401,30`);
  await expect(totals.nth(3)).toHaveText(`R$${nbsp}4.598,70`);
  await page.screenshot({ path: 'test-results/screenshots/transactions-list.png' });

  // "/" jumps to the search box; no accents typed, accented rows found (description or note).
  await transactionGrid(page).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Buscar transações' })).toBeFocused();
  await page.keyboard.type('cafe');
  await expect(descriptions(page)).toHaveText(['CAFÉ SÃO JOSÉ', 'PADARIA PÃO DOURADO']);
  await expect(totals.nth(0)).toHaveText('2');
  await expect(page).toHaveURL(/q=cafe/);
  await page.screenshot({ path: 'test-results/screenshots/transactions-search.png' });

  await page.getByRole('searchbox').fill('SAO JOSE');
  await expect(descriptions(page)).toHaveText(['CAFÉ SÃO JOSÉ']);
  await page.getByRole('searchbox').fill('nada disso');
  await expect(page.getByText('Nenhuma transação com estes filtros.')).toBeVisible();
});

test('filters and sorting live in the URL: back and forward bring them back', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await expect(descriptions(page)).toHaveCount(7);

  await page.getByText('Todas as contas').click();
  await page.getByRole('checkbox', { name: 'Cartão Roxinho' }).click();
  await expect(descriptions(page)).toHaveText(['PAG*UBER DO BRASIL', 'IFOOD *RESTAURANTE']);
  // The rarer filters fold away behind "Mais filtros"; the fold stays open for the session.
  const moreFilters = page.getByRole('button', { name: /^Mais filtros/ });
  await expect(page.getByLabel('Entradas e saídas')).toBeHidden();
  await moreFilters.click();
  await expect(moreFilters).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Entradas e saídas').selectOption('Só entradas');
  await expect(moreFilters).toHaveText('Mais filtros (1)');
  await expect(page.getByText('Nenhuma transação com estes filtros.')).toBeVisible();

  await page.goBack();
  await expect(descriptions(page)).toHaveText(['PAG*UBER DO BRASIL', 'IFOOD *RESTAURANTE']);
  await expect(page.getByLabel('Entradas e saídas')).toHaveValue('');
  await page.goBack();
  await expect(descriptions(page)).toHaveCount(7);
  await page.goForward();
  await expect(descriptions(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Limpar filtros' }).click();

  // A custom period and an amount typed the Brazilian way.
  await page.getByLabel('Período').selectOption('Personalizado');
  await page.getByLabel('De', { exact: true }).fill('01/10/2026');
  await page.getByLabel('Até', { exact: true }).fill('31/10/2026');
  await expect(descriptions(page)).toHaveText(['PADARIA PÃO DOURADO', 'ENEL ENERGIA']);
  await page.getByLabel('Valor máximo').fill('100,00');
  await page.getByLabel('Valor máximo').press('Enter');
  await expect(descriptions(page)).toHaveText(['PADARIA PÃO DOURADO']);
  await expect(page).toHaveURL(/max=10000/);
  await page.getByRole('button', { name: 'Limpar filtros' }).click();

  await pickCategory(page, 'Categoria', 'sem', 'Sem categoria');
  await expect(descriptions(page)).toHaveText([
    'CAFÉ SÃO JOSÉ',
    'PAG*UBER DO BRASIL',
    'PADARIA PÃO DOURADO',
    'ENEL ENERGIA',
    'DAS - SIMPLES NACIONAL',
  ]);
  await page.getByLabel('Só pendentes').click();
  await expect(descriptions(page)).toHaveText(['PAG*UBER DO BRASIL']);
  await page.screenshot({ path: 'test-results/screenshots/transactions-filters.png' });
  // Folded away, the filters still apply and the button counts them.
  await moreFilters.click();
  await expect(page.getByLabel('Só pendentes')).toBeHidden();
  await expect(moreFilters).toHaveText('Mais filtros (1)');
  await expect(descriptions(page)).toHaveText(['PAG*UBER DO BRASIL']);
  await page.getByRole('button', { name: 'Limpar filtros' }).click();

  // Sorting: the amount column, largest first, then turned around; back restores the date order.
  const amountHeader = page.getByRole('columnheader', { name: 'Valor' });
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(descriptions(page).first()).toHaveText('PIX RECEBIDO - ACME LTDA');
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(descriptions(page).first()).toHaveText('ENEL ENERGIA');
  await page.goBack();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'Data' })).toHaveAttribute('aria-sort', 'descending');
  await expect(descriptions(page).first()).toHaveText('CAFÉ SÃO JOSÉ');
});

test('keyboard: categorize the focused row inline, then note it', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await expect(descriptions(page)).toHaveCount(7);
  await transactionGrid(page).focus();
  await page.keyboard.press('ArrowDown'); // second row: ACME
  await page.keyboard.press('ArrowDown'); // third: UBER
  await expect(transactionRow(page, 'UBER')).toHaveClass(/tx-focused/);
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Escolher categoria' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('transp');
  // The archived "Transporte antigo" is not offered.
  const options = pickerOptions(picker);
  await expect(options.first()).toHaveAccessibleName('Transporte');
  await expect(options.filter({ hasText: 'Transporte antigo' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/transactions-picker.png' });
  await page.keyboard.press('Enter');
  await expect(transactionRow(page, 'UBER').locator('.category-chip')).toHaveText('Transporte');
  await expect(transactionGrid(page)).toBeFocused();

  // Type-to-search without accents, down to the second match.
  await page.keyboard.press('ArrowDown'); // IFOOD
  await page.keyboard.press('Enter');
  await page.keyboard.type('refeicoes');
  await expect
    .poll(() => optionNames(picker))
    .toEqual(['Refeições', 'Refeições › Cafés e padarias', 'Refeições › Restaurantes']);
  // Each shows its own name first, its parent's after it.
  await expect(options.nth(1).locator('.category-picker-label')).toHaveText('Cafés e padarias');
  await expect(options.nth(1).locator('.category-picker-parent')).toHaveText('Refeições');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(transactionRow(page, 'IFOOD').locator('.category-chip')).toHaveText('Cafés e padarias');

  // A click on a chip then Enter, nothing typed: nothing is highlighted, so nothing is picked.
  const updates = () => app.ipc.filter((exchange) => exchange.channel === 'transactions:update').length;
  const updatesBefore = updates();
  await transactionRow(page, 'PADARIA').locator('.category-chip').click();
  await expect(picker).toBeFocused();
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  expect(updates()).toBe(updatesBefore);
  // ↓ makes the first option the explicit choice.
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(picker).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Escape');
  await expect(transactionRow(page, 'PADARIA')).toContainText('Sem categoria');
  expect(updates()).toBe(updatesBefore);
  await transactionRow(page, 'IFOOD').locator('.tx-description').click();

  // Esc closes the picker without changing anything.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Escolher categoria' })).toHaveCount(0);
  await expect(transactionRow(page, 'IFOOD').locator('.category-chip')).toHaveText('Cafés e padarias');

  // N edits the note in place.
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Nota' }).fill('jantar com cliente');
  await page.keyboard.press('Enter');
  await expect(transactionRow(page, 'IFOOD')).toContainText('jantar com cliente');
  // The line under the description is cut to the column: its title holds all of it.
  await expect(transactionRow(page, 'IFOOD').locator('.tx-sub')).toHaveAttribute('title', /✎ jantar com cliente$/);

  const stored = app.database.sqlite
    .prepare(
      'SELECT transaction_id AS id, category_id AS category, notes FROM transaction_user_data WHERE transaction_id IN (?, ?) ORDER BY 1',
    )
    .all('t3', 't4');
  expect(stored).toEqual([
    { id: 't3', category: 'cat-transport', notes: null },
    { id: 't4', category: 'cat-cafe', notes: 'jantar com cliente' },
  ]);
});

test('bulk: categorize a selection, then undo it', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await expect(descriptions(page)).toHaveCount(7);
  await transactionGrid(page).focus();
  await page.keyboard.press('ArrowDown'); // ACME
  await page.keyboard.press('ArrowDown'); // UBER
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown'); // + IFOOD
  await page.keyboard.press('Shift+ArrowDown'); // + PADARIA
  await expect(transactionGrid(page).getByRole('row', { selected: true })).toHaveCount(3);
  await page.getByRole('button', { name: 'Categorizar 3 transações' }).click();
  await page.keyboard.type('cafes');
  await page.screenshot({ path: 'test-results/screenshots/transactions-bulk.png' });
  await page.keyboard.press('Enter');

  const toast = page.getByRole('status').filter({ hasText: '3 transações categorizadas' });
  await expect(toast).toBeVisible();
  for (const text of ['UBER', 'IFOOD', 'PADARIA']) {
    await expect(transactionRow(page, text).locator('.category-chip')).toHaveAccessibleName(
      'Refeições › Cafés e padarias',
    );
  }
  await expect(transactionGrid(page).getByRole('row', { selected: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/transactions-bulk-done.png' });

  await toast.getByRole('button', { name: 'Desfazer' }).click();
  await expect(page.getByRole('status')).toHaveText('Alteração desfeita');
  await expect(transactionRow(page, 'UBER')).toContainText('Sem categoria');
  await expect(transactionRow(page, 'IFOOD').locator('.category-chip')).toHaveText('Restaurantes');
  await expect(transactionRow(page, 'PADARIA')).toContainText('Sem categoria');

  // Ctrl+A selects every loaded row; Esc drops the selection.
  await transactionGrid(page).focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByText('7 transações selecionadas')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(transactionGrid(page).getByRole('row', { selected: true })).toHaveCount(0);
});
