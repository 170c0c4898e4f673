import type { Locator, Page } from '@playwright/test';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';

/**
 * Reconciliation (issue 7) through the real screen, handlers and SQLite, against the
 * sandbox bank's own figures: the balance it reported (checking) and its last closed
 * bill (card) must tie out with the transactions it served.
 */

const shots = 'test-results/screenshots';

/** Links the sandbox bank, waits for its first sync, and opens Reconciliation (Ctrl+6). */
async function openWithSandboxBank(app: AppFixture, page: Page): Promise<void> {
  await linkSyncedSandboxBank(app, page);
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Conciliação' })).toBeVisible();
}

/** Picks the account whose label (bank · name · number) matches. */
async function chooseAccount(page: Page, name: RegExp): Promise<void> {
  const picker = page.getByLabel('Conta', { exact: true });
  // The accounts come from the books worker: wait for the one asked for before reading them all.
  await expect(picker.locator('option').filter({ hasText: name }).first()).toBeAttached();
  const labels = await picker.locator('option').allTextContents();
  const label = labels.find((text) => name.test(text));
  if (!label) throw new Error(`no account like ${String(name)} in ${labels.join(' | ')}`);
  await picker.selectOption({ label });
}

const summary = (page: Page) => page.getByRole('definition').filter({ has: page.locator('.recon-difference-amount') });
const lines = (page: Page) => page.getByRole('grid', { name: /^Transações até/ });

/** The draft's figures as the screen shows them, for a failure message that says what did not tie out. */
async function figures(page: Page): Promise<string> {
  return (await page.getByRole('definition').allTextContents()).join(' | ');
}

/** Starts from the prefilled statement, ticks every line and expects the difference to close. */
async function startAndTickAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Começar conciliação' }).click();
  await expect(page.getByRole('heading', { name: 'Conciliação em andamento' })).toBeVisible();
  await page.getByRole('button', { name: 'Marcar todas', exact: true }).click();
  await expect(lines(page).getByRole('checkbox').first()).toBeChecked();
  await expect(summary(page), `figures: ${await figures(page)}`).toHaveAttribute('data-cents', '0');
  await expect(summary(page)).toContainText('Conciliado — pode concluir');
}

async function finish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Concluir', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/Conciliação até \d{2}\/\d{2}\/\d{4} concluída/);
  await expect(page.getByRole('heading', { name: 'Nova conciliação' })).toBeVisible();
}

const history = (page: Page): Locator => page.getByRole('region', { name: 'Histórico' });

test('a checking account reconciled to the balance the bank reported, locked in the books', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  const form = page.getByRole('form', { name: 'Nova conciliação' });
  await expect(form).toContainText(/Sugerido a partir do saldo informado pelo banco em \d{2}\/\d{2}\/\d{4}/);
  await expect(form.getByLabel('Data do extrato')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(form.getByLabel('Saldo do extrato')).toHaveValue(/^-?\d{1,3}(\.\d{3})*,\d{2}$/);
  await page.screenshot({ path: `${shots}/reconciliation-new.png`, fullPage: true });
  const statementDate = await form.getByLabel('Data do extrato').inputValue();

  await startAndTickAll(page);
  await finish(page);
  const row = history(page).getByRole('row', { name: new RegExp(statementDate) });
  await expect(row).toContainText('Em dia');
  await expect(row.getByRole('button', { name: 'Desfazer' })).toBeVisible();
  await page.screenshot({ path: `${shots}/reconciliation-history.png`, fullPage: true });

  // The transactions screen shows the lock on the rows now reconciled.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('grid').getByRole('img', { name: 'Conciliada' }).first()).toBeVisible();
});

test('a credit card reconciled to its last closed bill', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Mastercard/);
  const form = page.getByRole('form', { name: 'Nova conciliação' });
  await expect(form).toContainText(/Sugerido a partir da fatura fechada em \d{2}\/\d{2}\/\d{4}/);
  // What is owed on a card is negative in the books.
  await expect(form.getByLabel('Saldo do extrato')).toHaveValue(/^-\d{1,3}(\.\d{3})*,\d{2}$/);
  await startAndTickAll(page);
  await finish(page);
  await expect(history(page).getByRole('row')).toHaveCount(2); // header + this one
});

test('the helper finds the transaction missing from the difference', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  await startAndTickAll(page);

  // Leave one line out: the difference is its amount.
  const missing = lines(page).getByRole('row').nth(2);
  const amount = await missing.locator('.money').getAttribute('data-cents');
  await missing.click();
  await expect(missing.getByRole('checkbox')).not.toBeChecked();
  await expect(summary(page)).toHaveAttribute('data-cents', String(amount));
  await expect(page.getByRole('button', { name: 'Concluir', exact: true })).toBeDisabled();

  // An adjustment is only offered behind a confirmation that says what it records; backing out records nothing.
  await page.getByRole('button', { name: 'Concluir com ajuste…' }).click();
  const adjust = page.getByRole('dialog', { name: 'Concluir com um ajuste?' });
  await expect(adjust).toContainText(await summary(page).locator('.recon-difference-amount').innerText());
  await expect(adjust).toContainText('transação de ajuste, marcada claramente como ajuste');
  await page.keyboard.press('Escape');
  await expect(adjust).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Conciliação em andamento' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajuda para achar a diferença' }).click();
  const helper = page.getByRole('complementary', { name: 'Ajuda para achar a diferença' });
  const explaining = helper.getByRole('region', { name: 'Transações que somam a diferença' });
  await expect(explaining.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/reconciliation-helper.png`, fullPage: true });
  await explaining
    .getByRole('button', { name: /^Marcar est/ })
    .first()
    .click();

  await expect(missing.getByRole('checkbox')).toBeChecked();
  await expect(summary(page)).toHaveAttribute('data-cents', '0');
  await expect(helper).toContainText('A diferença é zero');
  await finish(page);
});

test('a draft survives closing the app: its ticks and its statement are kept', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  await page.getByRole('button', { name: 'Começar conciliação' }).click();
  const grid = lines(page);
  await expect(grid).toBeVisible();

  // Ticked from the keyboard: Space on the first line, arrow down, Space on the second.
  await grid.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(grid.getByRole('checkbox').nth(0)).toBeChecked();
  await expect(grid.getByRole('checkbox').nth(1)).toBeChecked();
  await expect(grid.getByRole('checkbox').nth(2)).not.toBeChecked();
  const balance = page.getByLabel('Saldo do extrato');
  await balance.fill('1234,56');
  await balance.press('Enter');
  await expect(page.getByRole('definition').filter({ hasText: /1\.234,56/ })).toHaveCount(1);

  await app.restart();
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { name: 'Conciliação em andamento' })).toBeVisible();
  await expect(page.getByLabel('Saldo do extrato')).toHaveValue('1.234,56');
  await expect(lines(page).getByRole('checkbox').nth(0)).toBeChecked();
  await expect(lines(page).getByRole('checkbox').nth(1)).toBeChecked();
  await expect(lines(page).getByRole('checkbox').nth(2)).not.toBeChecked();

  // Discarding asks first, then the account is back to a new reconciliation.
  await page.getByRole('button', { name: 'Descartar rascunho' }).click();
  await page
    .getByRole('dialog', { name: 'Descartar este rascunho?' })
    .getByRole('button', { name: 'Descartar' })
    .click();
  await expect(page.getByRole('heading', { name: 'Nova conciliação' })).toBeVisible();
});

test('the last reconciliation is undone from the history, back to its draft', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  await startAndTickAll(page);
  const ticked = await lines(page).getByRole('checkbox').count();
  await finish(page);

  await history(page).getByRole('button', { name: 'Desfazer' }).click();
  const dialog = page.getByRole('dialog', { name: /^Desfazer a conciliação de/ });
  await expect(dialog).toContainText('volta a ser um rascunho');
  await dialog.getByRole('button', { name: 'Desfazer conciliação' }).click();

  await expect(page.getByRole('heading', { name: 'Conciliação em andamento' })).toBeVisible();
  await expect(summary(page)).toHaveAttribute('data-cents', '0');
  await expect(lines(page).getByRole('checkbox')).toHaveCount(ticked);
  for (const box of await lines(page).getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expect(history(page)).toContainText('Nenhuma conciliação concluída nesta conta ainda.');
});

test('in English: the draft with the helper open', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await page.keyboard.press('Control+,');
  await page.getByLabel('Idioma').selectOption('en');
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Reconciliation' })).toBeVisible();
  await page.getByRole('button', { name: 'Start reconciling' }).click();
  await page.getByRole('button', { name: 'Tick all', exact: true }).click();
  await page
    .getByRole('grid', { name: /^Transactions up to/ })
    .getByRole('row')
    .nth(1)
    .click();
  await page.getByRole('button', { name: 'Help finding the difference' }).click();
  const helper = page.getByRole('complementary', { name: 'Help finding the difference' });
  await expect(helper.getByRole('button', { name: 'Tick this one' })).toBeVisible();
  await expect(summary(page)).toContainText('Tick the transactions that are on the statement');
  await page.screenshot({ path: `${shots}/reconciliation-helper-en.png`, fullPage: true });
});

test('a difference recorded as an adjustment only once confirmed, marked as such in the books', async ({
  app,
  page,
}) => {
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  await startAndTickAll(page);
  const missing = lines(page).getByRole('row').nth(1);
  const cents = Number(await missing.locator('.money').getAttribute('data-cents'));
  await missing.click();
  await expect(summary(page)).toHaveAttribute('data-cents', String(cents));

  await page.getByRole('button', { name: 'Concluir com ajuste…' }).click();
  const adjust = page.getByRole('dialog', { name: 'Concluir com um ajuste?' });
  await adjust
    .getByRole('button', { name: /ajuste/i })
    .last()
    .click();
  await expect(page.getByRole('heading', { name: 'Nova conciliação' })).toBeVisible();
  await expect(history(page).getByRole('row').nth(1)).toContainText('Em dia');

  // The books hold one adjustment for the difference, reconciled and marked.
  const stored = app.database.sqlite
    .prepare("SELECT amount_cents AS cents, description FROM transactions WHERE origin = 'adjustment'")
    .all();
  expect(stored).toEqual([{ cents, description: 'Ajuste de conciliação (Balancete)' }]);
  await page.keyboard.press('Control+3');
  await page.getByRole('searchbox').fill('Ajuste de conciliação');
  const row = page.getByRole('row', { name: /Ajuste de conciliação/ });
  await expect(row.locator('.badge-adjustment')).toHaveText('Ajuste');
  await expect(row.getByRole('img', { name: 'Conciliada' })).toBeVisible();
});

test('a bank change to a reconciled transaction waits for review, and the reconciliation shows as broken', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000); // a bank linked, a reconciliation, a restart
  await openWithSandboxBank(app, page);
  await chooseAccount(page, /Conta Corrente/);
  await startAndTickAll(page);
  await finish(page);

  // What a later sync writes for two of its transactions: a new amount, and a removal.
  const sqlite = () => app.database.sqlite; // opened anew by the restart below
  const [changed, removed] = sqlite()
    .prepare(
      `SELECT t.id, t.description, t.amount_cents AS cents FROM reconciliation_items i
         JOIN transactions t ON t.id = i.transaction_id ORDER BY t.date DESC LIMIT 2`,
    )
    .all() as { id: string; description: string; cents: number }[];
  if (!changed || !removed) throw new Error('nothing reconciled');
  sqlite()
    .prepare('UPDATE transactions SET amount_cents = ?, updated_at = ? WHERE id = ?')
    .run(changed.cents - 1000, new Date().toISOString(), changed.id);
  sqlite().prepare('UPDATE transactions SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), removed.id);
  // Nothing changed in the books.
  expect(sqlite().prepare('SELECT amount_cents FROM transactions WHERE id = ?').pluck().get(changed.id)).toBe(
    changed.cents,
  );
  expect(sqlite().prepare('SELECT removed_at FROM transactions WHERE id = ?').pluck().get(removed.id)).toBeNull();

  await app.restart();
  await expect(page.getByRole('link', { name: /Conciliação/ })).toContainText('2');
  await page.keyboard.press('Control+6');
  await chooseAccount(page, /Conta Corrente/);
  const conflicts = page.getByRole('region', { name: /alteraç(ão|ões) do banco/ });
  await expect(conflicts.getByRole('heading', { level: 2 })).toHaveText(
    '2 alterações do banco em transações conciliadas',
  );
  await expect(history(page).getByRole('row').nth(1)).toContainText('Quebrada');
  await page.screenshot({ path: `${shots}/reconciliation-conflicts.png`, fullPage: true });

  // Keep the reconciled version of the removed one; accept the bank's new amount (asked first).
  await conflicts
    .getByRole('listitem', { name: `O banco removeu “${removed.description}”` })
    .getByRole('button', { name: 'Manter a conciliada' })
    .click();
  await conflicts
    .getByRole('listitem', { name: `O banco alterou “${changed.description}”` })
    .getByRole('button', { name: 'Aceitar a do banco…' })
    .click();
  await page
    .getByRole('dialog', { name: 'Aceitar a versão do banco?' })
    .getByRole('button', { name: 'Aceitar' })
    .click();
  await expect(conflicts).toBeHidden();
  await expect(page.getByRole('link', { name: /Conciliação/ })).not.toContainText('2');
  expect(sqlite().prepare('SELECT amount_cents FROM transactions WHERE id = ?').pluck().get(changed.id)).toBe(
    changed.cents - 1000,
  );
  expect(sqlite().prepare('SELECT removed_at FROM transactions WHERE id = ?').pluck().get(removed.id)).toBeNull();
  // The accepted amount moved the reconciled total: still broken, by that much.
  await expect(history(page).getByRole('row').nth(1)).toContainText('Quebrada');
  await page.screenshot({ path: `${shots}/reconciliation-drift.png`, fullPage: true });
});
