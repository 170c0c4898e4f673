import type { Db } from '../../db/open.ts';
import { transactionUserData } from '../../db/schema.ts';
import { reconcile, reconciliationEventRows } from '../support/reconciled-fixture.ts';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/** Two checking-account rows, ENEL reconciled with its category, the coffee one not. */
function seedBook(db: Db): void {
  const { checking } = seedAccountsAndCategories(db, []);
  insertTransactions(db, [
    { id: 't1', accountId: checking, date: '2026-11-18', description: 'CAFÉ SÃO JOSÉ', amountCents: -1250 },
    { id: 't2', accountId: checking, date: '2026-10-05', description: 'ENEL ENERGIA', amountCents: -23410 },
  ]);
  db.insert(transactionUserData)
    .values({ transactionId: 't2', categoryId: 'cat-food', categorySource: 'manual' })
    .run();
}

test('categorizing a reconciled row asks first: cancelled it keeps its category, confirmed it changes and is recorded', async ({
  app,
  page,
}) => {
  seedBook(app.database.db);
  const reconciliationId = reconcile(app.database.sqlite, 'acc-checking', ['t2'], '2026-10-31T12:00:00.000Z');
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/transactions');
  const enel = transactionRow(page, 'ENEL');
  await expect(enel).toContainText('Refeições');

  const pickTransport = async () => {
    await enel.locator('.category-chip').click();
    await page.keyboard.type('transp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  };

  await pickTransport();
  const dialog = page.getByRole('dialog', { name: 'Transação conciliada' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    'Esta transação já foi conciliada. Alterar mesmo assim? A alteração fica registrada na conciliação.',
  );
  // The edit was deliberate: Enter answers "change anyway", Esc backs out.
  await expect(dialog.getByRole('button', { name: 'Alterar mesmo assim' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/reconciled-edit-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(enel).toContainText('Refeições');
  await expect(enel).not.toContainText('Transporte');
  expect(reconciliationEventRows(app.database.sqlite)).toEqual([]);

  // Again, and the Cancelar button this time.
  await pickTransport();
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(enel).toContainText('Refeições');

  // Again, and Enter confirms.
  await pickTransport();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(enel).toContainText('Transporte');
  // Still shown as reconciled.
  await expect(enel.getByRole('img', { name: 'Conciliada' })).toBeVisible();
  await expect(transactionGrid(page)).toBeFocused();
  const chosen = app.database.sqlite
    .prepare("SELECT category_id FROM transaction_user_data WHERE transaction_id = 't2'")
    .pluck()
    .get();
  expect(chosen).not.toBe('cat-food');
  expect(reconciliationEventRows(app.database.sqlite)).toMatchObject([
    { reconciliationId, transactionId: 't2', kind: 'edited', detail: { categoryId: chosen } },
  ]);

  // A row not reconciled is categorized without a question.
  await transactionRow(page, 'CAFÉ').locator('.category-chip').click();
  await page.keyboard.type('transp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(transactionRow(page, 'CAFÉ')).toContainText('Transporte');
  await expect(dialog).toHaveCount(0);
});

test('bulk categorize with reconciled rows in the selection names how many, and changes nothing when cancelled', async ({
  app,
  page,
}) => {
  seedBook(app.database.db);
  reconcile(app.database.sqlite, 'acc-checking', ['t2'], '2026-10-31T12:00:00.000Z');
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/transactions');
  // Ctrl+A selects the rows loaded: wait for both.
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(2);
  await transactionGrid(page).focus();
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Categorizar 2 transações' }).click();
  await page.keyboard.type('transp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // One of the two is reconciled: the question is about that one.
  const dialog = page.getByRole('dialog', { name: 'Transação conciliada' });
  await expect(dialog).toContainText('1 transação selecionada já foi conciliada. Alterar mesmo assim?');
  await page.screenshot({ path: 'test-results/screenshots/reconciled-bulk-dialog.png' });
  // Enter presses the focused button: "change anyway" at first; here the user moves to Cancelar.
  await expect(dialog.getByRole('button', { name: 'Alterar mesmo assim' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(transactionRow(page, 'ENEL')).toContainText('Refeições');
  await expect(transactionRow(page, 'CAFÉ')).toContainText('Sem categoria');
});

test('in the details panel, a declined change to a reconciled row goes back to what is saved', async ({
  app,
  page,
}) => {
  seedBook(app.database.db);
  reconcile(app.database.sqlite, 'acc-checking', ['t2'], '2026-10-31T12:00:00.000Z');
  await app.open('/transactions');
  await transactionRow(page, 'ENEL').locator('.tx-description').click();
  await page.keyboard.press('d');
  const details = page.getByRole('dialog', { name: 'Detalhes da transação' });
  const deductible = details.getByRole('checkbox', { name: 'Despesa dedutível' });
  await deductible.check();

  const dialog = page.getByRole('dialog', { name: 'Transação conciliada' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deductible).not.toBeChecked();
  // The panel is still open: Esc answered the question, not closed the panel.
  await expect(details).toBeVisible();
  expect(
    app.database.sqlite
      .prepare("SELECT deductible FROM transaction_user_data WHERE transaction_id = 't2'")
      .pluck()
      .get(),
  ).toBeNull();

  await deductible.check();
  await dialog.getByRole('button', { name: 'Alterar mesmo assim' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(deductible).toBeChecked();
  await expect(transactionRow(page, 'ENEL').locator('.cell-flags')).toContainText('Dedutível');
  expect(reconciliationEventRows(app.database.sqlite)).toMatchObject([
    { transactionId: 't2', kind: 'edited', detail: { deductible: true } },
  ]);
});
