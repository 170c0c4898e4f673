import type { Page } from '@playwright/test';
import type { Db } from '../../db/open.ts';
import { expect, test } from './support/app.ts';
import { type BookTransaction, insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { pickCategory } from './support/category-picker.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/** A few transactions and categories: an expense to tag and split, income, a pending card purchase. */
function seedBook(db: Db): void {
  const { checking, card } = seedAccountsAndCategories(db, [
    { id: 'cat-software', source: 'user', namePt: 'Software', nameEn: 'Software' },
  ]);
  const rows: BookTransaction[] = [
    {
      id: 't1',
      accountId: checking,
      date: '2026-11-18',
      description: 'PIX ENVIADO - COWORKING',
      counterpartyName: 'ESPACO COWORK LTDA',
      counterpartyDocument: '12.345.678/0001-90',
      paymentMethod: 'PIX',
      amountCents: -15_000,
    },
    {
      id: 't2',
      accountId: checking,
      date: '2026-11-17',
      description: 'PIX RECEBIDO - ACME LTDA',
      amountCents: 500_000,
    },
    {
      id: 't3',
      accountId: card,
      date: '2026-11-16',
      description: 'PAG*UBER DO BRASIL',
      amountCents: -2_390,
      status: 'PENDING',
    },
    { id: 't4', accountId: card, date: '2026-11-10', description: 'IFOOD *RESTAURANTE', amountCents: -4_590 },
  ];
  insertTransactions(db, rows);
}

const panel = (page: Page) => page.getByRole('dialog', { name: 'Detalhes da transação' });

test('details by keyboard: tags, business and deductible are kept across closing, and shown on the row', async ({
  app,
  page,
}) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(4);
  await transactionGrid(page).focus();
  await page.keyboard.press('d'); // the first row: the coworking PIX
  const details = panel(page);
  await expect(details).toBeFocused();
  for (const fact of [
    '18/11/2026',
    'PIX ENVIADO - COWORKING',
    'ESPACO COWORK LTDA',
    '12.345.678/0001-90',
    'Conta Corrente',
    'Saída',
    '-R$\u00a0150,00',
    'Efetivada',
    'Pix',
  ]) {
    await expect(details.locator('.tx-details-facts')).toContainText(fact);
  }

  const tagBox = details.getByLabel('Nova etiqueta');
  await tagBox.focus();
  await page.keyboard.type('cliente-x');
  await page.keyboard.press('Enter');
  await page.keyboard.type('coworking,');
  await page.keyboard.type('rascunho');
  await page.keyboard.press('Enter');
  // Backspace in the empty box takes the last tag back.
  await page.keyboard.press('Backspace');
  const tags = details.getByRole('list', { name: 'Etiquetas' }).getByRole('listitem');
  await expect(tags).toHaveText(['cliente-x×', 'coworking×']);
  await details.getByRole('radio', { name: 'Empresa' }).check();
  await details.getByRole('checkbox', { name: 'Despesa dedutível' }).check();
  await details.getByLabel('Nome da contraparte').fill('Cowork Centro');
  const notes = details.getByLabel('Nota');
  await notes.fill('mensalidade de novembro');
  await page.screenshot({ path: 'test-results/screenshots/transaction-details.png' });
  // Esc straight from the note box: the note typed is saved as the panel closes.
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(transactionGrid(page)).toBeFocused();

  const coworking = transactionRow(page, 'COWORKING');
  await expect(coworking.locator('.cell-flags')).toContainText('Empresa');
  await expect(coworking.locator('.cell-flags')).toContainText('Dedutível');
  await expect(coworking.locator('.cell-flags')).toContainText('#cliente-x');
  await expect(coworking.locator('.tx-sub')).toContainText('Cowork Centro');
  await expect(coworking.locator('.tx-sub')).toContainText('mensalidade de novembro');
  await page.screenshot({ path: 'test-results/screenshots/transaction-row-marks.png' });

  await page.keyboard.press('d');
  await expect(details).toBeVisible();
  await expect(tags).toHaveText(['cliente-x×', 'coworking×']);
  await expect(details.getByRole('radio', { name: 'Empresa' })).toBeChecked();
  await expect(details.getByRole('checkbox', { name: 'Despesa dedutível' })).toBeChecked();
  await expect(details.getByLabel('Nome da contraparte')).toHaveValue('Cowork Centro');
  await expect(notes).toHaveValue('mensalidade de novembro');
  // Tags other rows use are offered while typing one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('d');
  await expect(details.locator('.tx-details-facts')).toContainText('PIX RECEBIDO - ACME LTDA');
  await expect(details.locator('datalist option')).toHaveCount(2);
  await expect(details.getByRole('link', { name: 'Criar regra a partir desta transação' })).toHaveAttribute(
    'href',
    '#/rules?fromTransaction=t2',
  );

  // Back in the grid with the panel still open: Esc closes the panel first, on the same row,
  // and only a second Esc clears the selection.
  const acme = transactionRow(page, 'ACME LTDA');
  await acme.locator('.tx-description').click();
  await page.keyboard.press('Space');
  await expect(acme).toHaveAttribute('aria-selected', 'true');
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(transactionGrid(page)).toBeFocused();
  await expect(transactionGrid(page)).toHaveAttribute('aria-activedescendant', (await acme.getAttribute('id')) ?? '');
  await expect(acme).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(acme).toHaveAttribute('aria-selected', 'false');
});

test('split: refused until the parts add up, then marked on the row, then removed', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await transactionRow(page, 'COWORKING').getByRole('button', { name: 'Abrir detalhes' }).click();
  const details = panel(page);
  await details.getByRole('button', { name: 'Dividir transação' }).click();
  // The first part starts with the whole amount.
  await expect(details.getByLabel('Valor da parte 1')).toHaveValue('150,00');
  // A part added and taken away again: focus goes to the amount of the part before, not the page.
  await details.getByRole('button', { name: 'Adicionar parte' }).click();
  await details.getByRole('button', { name: 'Remover parte 3' }).press('Enter');
  await expect(details.getByLabel('Valor da parte 3')).toHaveCount(0);
  await expect(details.getByLabel('Valor da parte 2')).toBeFocused();
  // The first of three taken away: the parts left cannot go, so focus goes to adding one.
  await details.getByRole('button', { name: 'Adicionar parte' }).click();
  await details.getByRole('button', { name: 'Remover parte 1' }).press('Enter');
  await expect(details.getByLabel('Valor da parte 3')).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Adicionar parte' })).toBeFocused();
  await pickCategory(details, 'Categoria da parte 1', 'softw', 'Software');
  await details.getByLabel('Valor da parte 1').fill('100,00');
  await pickCategory(details, 'Categoria da parte 2', 'restau', 'Refeições › Restaurantes');
  await details.getByLabel('Valor da parte 2').fill('40,00');
  const save = details.getByRole('button', { name: 'Salvar divisão' });
  await expect(details.locator('.split-status')).toHaveText('Faltam R$\u00a010,00');
  await expect(save).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/transaction-split.png' });

  await details.getByLabel('Valor da parte 2').fill('60');
  await expect(details.locator('.split-status')).toHaveText('Passou do valor em R$\u00a010,00');
  await expect(save).toBeDisabled();
  await details.getByLabel('Valor da parte 2').fill('50,00');
  await expect(details.locator('.split-status')).toHaveText('As partes somam o valor da transação.');
  await save.click();
  await expect(details.locator('.split-status')).toHaveText('Divisão salva.');
  await expect(transactionRow(page, 'COWORKING').locator('.cell-category')).toHaveText('Dividida (2)');
  const saved = app.ipc.findLast((exchange) => exchange.channel === 'transactions:split');
  expect(saved?.input).toEqual({
    id: 't1',
    parts: [
      { categoryId: 'cat-software', amountCents: -10_000 },
      { categoryId: 'cat-restaurants', amountCents: -5_000 },
    ],
  });
  await page.screenshot({ path: 'test-results/screenshots/transaction-split-saved.png' });
  // The save button, now disabled, gives focus to the editor around it: still in the panel, so Esc closes it.
  await expect(details.locator('.split-editor')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(transactionGrid(page)).toBeFocused();

  await transactionRow(page, 'COWORKING').getByRole('button', { name: 'Abrir detalhes' }).click();
  await details.getByRole('button', { name: 'Desfazer divisão' }).click();
  await expect(details.getByRole('button', { name: 'Dividir transação' })).toBeFocused();
  await expect(transactionRow(page, 'COWORKING').locator('.cell-category')).toHaveText('Sem categoria');
});

test('in English, the undo toast after a bulk categorize is in English', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/settings');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+3');
  const list = 'Transaction list';
  await expect(transactionGrid(page, list).locator('.tx-description')).toHaveCount(4);
  await transactionGrid(page, list).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.getByRole('button', { name: 'Categorize 2 transactions' }).click();
  await page.keyboard.type('transport');
  await page.keyboard.press('Enter');
  const toast = page.getByRole('status').filter({ hasText: '2 transactions categorized' });
  await expect(toast).toBeVisible();
  await expect(transactionRow(page, 'ACME', list)).toContainText('Transport');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Change undone' })).toBeVisible();
  await expect(transactionRow(page, 'ACME', list)).toContainText('Uncategorized');
});
