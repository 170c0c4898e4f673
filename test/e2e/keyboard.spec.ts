import type { Locator, Page } from '@playwright/test';
import type { Db } from '../../db/open.ts';
import { transactionUserData } from '../../db/schema.ts';
import { expect, test } from './support/app.ts';
import { type BookTransaction, insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { useLanguage } from './support/screenshots.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/**
 * The main flows with the keyboard alone (issue 20): no click, no mouse. Each panel and dialog
 * opens with focus inside, Esc closes it (only it), and focus then lands on a sensible
 * element — never on the page's body, where Esc and the row keys stop working.
 */

/** A checking account with three rows (newest first: café, coworking, a client's PIX) and a card purchase. */
function seedBook(db: Db): void {
  const { checking, card } = seedAccountsAndCategories(db, [
    { id: 'cat-cafe', parentId: 'cat-food', source: 'user', namePt: 'Cafés e padarias', nameEn: 'Coffee shops' },
    { id: 'cat-software', source: 'user', namePt: 'Software', nameEn: 'Software' },
  ]);
  const rows: BookTransaction[] = [
    { id: 't1', accountId: checking, date: '2026-11-18', description: 'CAFÉ SÃO JOSÉ', amountCents: -1_250 },
    { id: 't2', accountId: checking, date: '2026-11-17', description: 'PIX ENVIADO - COWORKING', amountCents: -15_000 },
    {
      id: 't3',
      accountId: checking,
      date: '2026-11-12',
      description: 'PIX RECEBIDO - ACME LTDA',
      amountCents: 500_000,
    },
    { id: 't4', accountId: card, date: '2026-11-10', description: 'IFOOD *RESTAURANTE', amountCents: -4_590 },
  ];
  insertTransactions(db, rows);
  db.insert(transactionUserData)
    .values([{ transactionId: 't4', categoryId: 'cat-restaurants' }])
    .run();
}

/** Presses Tab until `target` has focus, as a keyboard user walks to a control. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  await expect(target).toBeVisible();
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()}`);
}

/** Whether focus is inside `container` (a panel whose own controls may hold it). */
const holdsFocus = (container: Locator) => container.evaluate((element) => element.contains(document.activeElement));

const details = (page: Page) => page.getByRole('dialog', { name: 'Detalhes da transação' });

/**
 * Where focus landed, pictured at the window sizes in both languages
 * (test-results/screenshots/<name>-<language>-<width>.png), checking it stays there; back in pt-BR.
 */
async function focusShots(page: Page, name: string, focused: Locator): Promise<void> {
  for (const language of ['pt-BR', 'en'] as const) {
    await useLanguage(page, language);
    for (const [width, height] of [
      [960, 640],
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(focused).toBeFocused();
      await page.screenshot({ path: `test-results/screenshots/${name}-${language}-${width}.png` });
    }
  }
  await useLanguage(page, 'pt-BR');
}

test('categorize, note and split a row with the keyboard alone, Esc closing each in turn', async ({ app, page }) => {
  test.slow(); // every step a key, on a machine the other tests share
  seedBook(app.database.db);
  await app.open('/transactions');
  const grid = transactionGrid(page);
  await expect(grid.locator('.tx-description')).toHaveCount(4);
  await tabTo(page, grid);

  // Categorize: Enter opens the picker on the row; Esc backs out of it to the grid, nothing changed.
  const picker = grid.getByRole('combobox');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(transactionRow(page, 'CAFÉ')).toContainText('Sem categoria');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.type('cafés');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(transactionRow(page, 'CAFÉ')).toContainText('Cafés e padarias');
  await expect(grid).toBeFocused();

  // A note: N opens the row's note box. The n, r, d and spaces typed there are the note's, not row keys.
  const note = grid.getByRole('textbox', { name: 'Nota' });
  await page.keyboard.press('n');
  await expect(note).toBeFocused();
  await page.keyboard.type('reunião de negócios');
  await expect(note).toHaveValue('reunião de negócios');
  await expect(page).toHaveURL(/#\/transactions/);
  await expect(details(page)).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(note).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(transactionRow(page, 'CAFÉ')).toContainText('reunião de negócios');
  // Esc leaves the note as it was.
  await page.keyboard.press('n');
  await expect(note).toBeFocused();
  await page.keyboard.type(' e mais');
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(transactionRow(page, 'CAFÉ')).not.toContainText('e mais');

  // A split: D opens the details with focus in them; the split editor is walked with Tab.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('d');
  const panel = details(page);
  await expect(panel).toBeFocused();
  await expect(panel).toContainText('PIX ENVIADO - COWORKING');
  await tabTo(page, panel.getByRole('button', { name: 'Dividir transação' }));
  await page.keyboard.press('Enter');
  expect(await holdsFocus(panel), 'focus stays in the panel as the editor opens').toBe(true);

  const split = panel.getByRole('region', { name: 'Dividir entre categorias' });
  await tabTo(page, split.getByRole('button', { name: /^Categoria da parte 1/ }));
  await page.keyboard.press('Enter');
  await expect(split.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('software');
  await page.keyboard.press('Enter');
  await expect(split.getByRole('button', { name: /^Categoria da parte 1: Software/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const firstAmount = split.getByRole('textbox', { name: 'Valor da parte 1' });
  await expect(firstAmount).toBeFocused();
  // Ctrl+A selects the field's text (not every row of the table under the panel).
  await page.keyboard.press('Control+A');
  await page.keyboard.type('100,00');
  await expect(firstAmount).toHaveValue('100,00');
  await expect(page.getByRole('region', { name: /selecionada/ })).toBeHidden();

  // Esc in the second part's picker closes the picker only: the panel stays, focus back on the part's chip.
  const secondCategory = split.getByRole('button', { name: /^Categoria da parte 2/ });
  await tabTo(page, secondCategory);
  await page.keyboard.press('Enter');
  await expect(split.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(split.getByRole('combobox')).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(secondCategory).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('transp');
  await page.keyboard.press('Enter');
  await expect(split.getByRole('button', { name: /^Categoria da parte 2: Transporte/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(split.getByRole('textbox', { name: 'Valor da parte 2' })).toBeFocused();
  await page.keyboard.type('50,00');
  await tabTo(page, split.getByRole('button', { name: 'Salvar divisão' }));
  await page.keyboard.press('Enter');
  await expect(split.getByRole('status')).toHaveText('Divisão salva.');
  expect(await holdsFocus(panel), 'focus stays in the panel after the split is saved').toBe(true);

  // Esc closes the panel, back on the grid, whose row now shows the split.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(transactionRow(page, 'COWORKING')).toContainText('Dividida (2)');
});

test('a rule from a row with the keyboard alone: Esc cancels, Ctrl+Enter saves', async ({ app, page }) => {
  test.slow(); // screenshots at three sizes in two languages
  seedBook(app.database.db);
  await app.open('/transactions');
  const grid = transactionGrid(page);
  await expect(grid.locator('.tx-description')).toHaveCount(4);
  await tabTo(page, grid);
  await page.keyboard.press('End'); // the iFood purchase, under Restaurantes

  const editor = page.getByRole('dialog', { name: 'Nova regra' });
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/#\/rules\?fromTransaction=t4$/);
  await expect(editor.getByLabel('Nome')).toBeFocused();
  await expect(editor.getByLabel('Nome')).toHaveValue('IFOOD *RESTAURANTE');
  // Esc cancels; the row it came from is on another screen, so focus lands on "Nova regra".
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(page).toHaveURL(/#\/rules$/);
  await expect(page.locator(':focus')).toHaveAccessibleName('Nova regra');

  await page.keyboard.press('Control+3');
  await tabTo(page, grid);
  await page.keyboard.press('End');
  await page.keyboard.press('r');
  await expect(editor.getByLabel('Nome')).toBeFocused();
  await expect(editor).toContainText('Restaurantes');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  // Saved: focus lands on applying the new rule, the next thing to do with it.
  const applyNow = page.getByRole('button', { name: 'Aplicar às transações existentes' });
  await expect(applyNow).toBeFocused();
  await expect(page.getByRole('list', { name: 'Regras, na ordem em que valem' }).getByRole('listitem')).toHaveCount(1);
  await focusShots(page, 'keyboard-rule-saved', page.locator('.rule-apply .primary'));
});

test('a reconciliation with the keyboard alone: start, tick, the helper and a dialog closed by Esc, finish', async ({
  app,
  page,
}) => {
  test.slow(); // screenshots at three sizes in two languages
  seedBook(app.database.db);
  await app.open('/reconciliation?account=acc-checking');
  await tabTo(page, page.getByRole('button', { name: 'Começar conciliação' }));
  await page.keyboard.press('Enter');

  // The form gives way to the draft: focus lands on its lines, which Space ticks.
  const lines = page.getByRole('grid', { name: /^Transações até/ });
  await expect(lines).toBeFocused();
  await expect(lines.getByRole('row')).toHaveCount(3);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(lines.getByRole('checkbox', { checked: true })).toHaveCount(2);
  const difference = page.locator('.recon-difference dd');
  await expect(difference).not.toHaveAttribute('data-cents', '0');

  // The helper: Esc from inside it closes it, back on the button that opened it.
  const helpButton = page.getByRole('button', { name: 'Ajuda para achar a diferença' });
  await tabTo(page, helpButton);
  await page.keyboard.press('Enter');
  const helper = page.getByRole('complementary', { name: 'Ajuda para achar a diferença' });
  await tabTo(page, helper.getByRole('button').first());
  await page.keyboard.press('Escape');
  await expect(helper).toBeHidden();
  await expect(helpButton).toBeFocused();

  // A dialog: Esc closes it, back on the button that opened it.
  const withAdjustment = page.getByRole('button', { name: 'Concluir com ajuste…' });
  await tabTo(page, withAdjustment);
  await page.keyboard.press('Enter');
  const adjust = page.getByRole('dialog', { name: 'Concluir com um ajuste?' });
  await expect(adjust).toBeVisible();
  expect(await holdsFocus(adjust), 'the dialog opens with focus inside').toBe(true);
  await page.keyboard.press('Escape');
  await expect(adjust).toBeHidden();
  await expect(withAdjustment).toBeFocused();

  // The last line ticked from the list (it kept its place), then Concluir.
  await tabTo(page, lines);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(difference).toHaveAttribute('data-cents', '0');
  await tabTo(page, page.getByRole('button', { name: 'Concluir', exact: true }));
  await page.keyboard.press('Enter');
  // The workspace is gone: focus lands on what was done.
  const done = page.getByRole('status').filter({ hasText: /Conciliação até \d{2}\/\d{2}\/\d{4} concluída/ });
  await expect(done).toBeFocused();
  await focusShots(page, 'keyboard-reconciliation-finished', page.locator('.notice-ok'));
});

test('keys typed in a text box stay there; screen shortcuts wait while a dialog is open', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  const grid = transactionGrid(page);
  await expect(grid.locator('.tx-description')).toHaveCount(4);

  // The search box takes n, r, d, space, "/" and Enter as text: no row action, no other screen.
  await page.keyboard.press('Control+F');
  const search = page.getByRole('searchbox', { name: 'Buscar transações' });
  await expect(search).toBeFocused();
  await page.keyboard.type('pix r/d n');
  await page.keyboard.press('Enter');
  await expect(search).toHaveValue('pix r/d n');
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/#\/transactions/);
  await expect(details(page)).toBeHidden();
  await expect(grid.getByRole('combobox')).toHaveCount(0);
  await expect(grid.getByRole('textbox')).toHaveCount(0);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('pix');
  await expect(search).toHaveValue('pix');
  await expect(grid.locator('.tx-description')).toHaveCount(2);

  // Outside a text box, "/" is the search's shortcut.
  await tabTo(page, grid);
  await page.keyboard.press('/');
  await expect(search).toBeFocused();

  // Ctrl+N opens a new entry; Ctrl+4 does not leave it for Regras; Esc closes it, back on the grid.
  await tabTo(page, grid);
  await page.keyboard.press('Control+N');
  const entry = page.getByRole('dialog', { name: 'Nova transação' });
  await expect(entry).toBeVisible();
  expect(await holdsFocus(entry), 'the dialog opens with focus inside').toBe(true);
  await page.keyboard.press('Control+4');
  await expect(page).toHaveURL(/#\/transactions/);
  await expect(entry).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(entry).toBeHidden();
  await expect(grid).toBeFocused();
  await page.keyboard.press('Control+4');
  await expect(page).toHaveURL(/#\/rules/);
});
