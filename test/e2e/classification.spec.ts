import type { Page } from '@playwright/test';
import type { ChannelOutput } from '../../electron/shared/contract.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { insertTransactions } from './support/book.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';
import { invokeFromPage } from './support/screenshots.ts';

/**
 * Classification (issue 15) through the real screens over the sandbox bank's year: the
 * review that follows the first sync, Categorias' group change said before it is saved and
 * undone, and the DRE's money without a category leading to Transações.
 */

const shots = 'test-results/screenshots';
const internet = '07010001';

/** The last twelve whole months up to today: the livro-caixa keeps whole months, so both reports cover the same days. */
const year = () => {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
};

/** The internet category's transactions and net, straight from the books (split parts aside: the sandbox has none). */
function internetInBooks(app: AppFixture): { count: number; cents: number } {
  return app.database.sqlite
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(coalesce(amount_in_account_currency_cents, amount_cents)), 0) AS cents
       FROM transactions WHERE removed_at IS NULL AND coalesce(user_category_id, pluggy_category_id) = ?`,
    )
    .get(internet) as { count: number; cents: number };
}

/** A screenshot at a window width, after checking nothing runs off the window's side. */
async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}`).toBeLessThanOrEqual(
    width,
  );
  await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
}

test('after the first sync, Contas leads to the review, where one click files a category and Desfazer puts it back', async ({
  app,
  page,
}) => {
  test.slow();
  await linkSyncedSandboxBank(app, page);
  await page.keyboard.press('Control+1');
  const banner = page.getByRole('complementary', { name: 'Revisar classificação' });
  await expect(banner).toContainText('esperam você decidir');
  for (const width of [960, 1280, 1920]) await shoot(page, 'classification-banner', width);
  await banner.getByRole('link', { name: 'Revisar classificação' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revisar classificação' })).toBeVisible();

  const review = await invokeFromPage<ChannelOutput<'classification:review'>>(page, 'classification:review');
  expect(review.items.length).toBeGreaterThan(0);
  // The most money first, every card with its reason and up to three examples.
  const cards = page.getByRole('list', { name: 'Categorias esperando uma decisão' }).locator(':scope > li');
  await expect(cards).toHaveCount(review.items.length);
  const card = cards.filter({ hasText: 'Internet' });
  await expect(card).toContainText('Provavelmente dedutível');
  await expect(card.getByRole('list', { name: /Transações recentes/ }).getByRole('listitem')).toHaveCount(
    Math.min(3, review.items.find((item) => item.categoryId === internet)?.count ?? 0),
  );
  for (const width of [960, 1280, 1920]) await shoot(page, 'classification-review', width);

  const deductibleBefore = (
    await invokeFromPage<ChannelOutput<'reports:livro-caixa'>>(page, 'reports:livro-caixa', year())
  ).totals.deductibleCents;
  const buttons = card.getByRole('group', { name: /Grupo de/ });
  await expect(buttons.getByRole('button', { name: 'Manter “Não dedutível”' })).toHaveAttribute('aria-pressed', 'true');
  await buttons.getByRole('button', { name: /^Dedutível\s*sugerido$/ }).click();
  const toast = page.getByRole('status').filter({ hasText: 'agora entra como Despesa dedutível' });
  await expect(toast).toBeVisible();
  await expect(cards.filter({ hasText: 'Internet' })).toHaveCount(0);
  // Focus stays in the list, on the card that took its place (or on the title when none is left).
  await expect(page.locator(':focus')).toHaveClass(/group-button|page/);
  const yearOfInternet = await invokeFromPage<ChannelOutput<'reports:profit-and-loss'>>(
    page,
    'reports:profit-and-loss',
    year(),
  );
  const internetLine = yearOfInternet.sections
    .find((section) => section.section === 'deductible_expense')
    ?.lines.find((line) => line.categoryId === internet);
  expect(internetLine?.cents).toBeLessThan(0);
  const deductibleAfter = (
    await invokeFromPage<ChannelOutput<'reports:livro-caixa'>>(page, 'reports:livro-caixa', year())
  ).totals.deductibleCents;
  expect(deductibleAfter - deductibleBefore).toBe(-(internetLine?.cents ?? 0));
  await page.screenshot({ path: `${shots}/classification-decided.png` });

  await toast.getByRole('button', { name: 'Desfazer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'o grupo de antes voltou' })).toBeVisible();
  await expect(cards.filter({ hasText: 'Internet' })).toHaveCount(1);
  expect(
    (await invokeFromPage<ChannelOutput<'reports:livro-caixa'>>(page, 'reports:livro-caixa', year())).totals
      .deductibleCents,
  ).toBe(deductibleBefore);

  // Relatórios asks too, while anything waits.
  await page.keyboard.press('Control+7');
  await expect(page.getByRole('complementary', { name: 'Revisar classificação' })).toBeVisible();

  // In English.
  await invokeFromPage(page, 'settings:update', { language: 'en' });
  await page.goto(`${page.url().split('#')[0]}#/classification`);
  await expect(page.getByRole('heading', { level: 1, name: 'Review classification' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Categories waiting for a decision' }).locator(':scope > li').first(),
  ).toContainText('Probably deductible');
  for (const width of [960, 1280, 1920]) await shoot(page, 'classification-review-en', width);
});

test('Categorias says what a group change moves before saving it, and undoes it', async ({ app, page }) => {
  test.slow();
  await linkSyncedSandboxBank(app, page);
  await page.keyboard.press('Control+5');
  await page.getByRole('searchbox', { name: 'Procurar categoria' }).fill('internet');
  await page.getByRole('tree', { name: 'Categorias' }).getByRole('treeitem', { name: 'Internet', exact: true }).click();
  const details = page.locator('.category-details');
  await expect(details).toContainText('Despesa não dedutível');
  await expect(details).toContainText('Provavelmente dedutível');
  await details.getByRole('button', { name: 'Decidir grupo…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Onde “Internet” entra nos relatórios' });
  await dialog.getByRole('radio', { name: /Despesa dedutível \(livro-caixa\)/ }).check();
  const { count, cents } = internetInBooks(app);
  expect(count).toBeGreaterThan(0);
  const amount = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(Math.abs(cents) / 100);
  await expect(dialog.getByRole('status')).toHaveText(
    `${count} transações, ${amount}, passam para Despesa dedutível (livro-caixa).`,
  );
  for (const width of [960, 1280, 1920]) await shoot(page, 'classification-category-dialog', width);
  await dialog.getByRole('button', { name: 'Mudar para Dedutível' }).click();
  await expect(dialog).toBeHidden();
  await expect(details).toContainText('Despesa dedutível (livro-caixa)');
  await expect(details).not.toContainText('Provavelmente dedutível');
  const toast = page.getByRole('status').filter({ hasText: '“Internet” agora entra como Despesa dedutível' });
  await toast.getByRole('button', { name: 'Desfazer' }).click();
  await expect(details).toContainText('Despesa não dedutível');
  await expect(details).toContainText('Provavelmente dedutível');

  // A transaction follows its category's group until the user chooses on it, and can go back to following.
  await invokeFromPage(page, 'categories:set-group', { id: internet, reportGroup: 'deductible_expense' });
  await page.goto(`${page.url().split('#')[0]}#/transactions?category=${internet}`);
  await transactionGrid(page).locator('.tx-description').first().click();
  await page.keyboard.press('d');
  const panel = page.getByRole('dialog', { name: 'Detalhes da transação' });
  const deductible = panel.getByRole('checkbox', { name: 'Despesa dedutível' });
  await expect(deductible).toBeChecked();
  await expect(panel).toContainText('Pelo grupo da categoria.');
  await deductible.uncheck();
  await expect(panel).toContainText('Escolhido nesta transação.');
  await panel.getByRole('button', { name: 'Seguir a categoria' }).click();
  await expect(deductible).toBeChecked();
  await expect(panel).toContainText('Pelo grupo da categoria.');
  // Back to following: no choice of its own is left on any transaction.
  await expect
    .poll(() =>
      app.database.sqlite
        .prepare('SELECT count(*) FROM transaction_user_data WHERE deductible IS NOT NULL')
        .pluck()
        .get(),
    )
    .toBe(0);
});

test('the DRE lists money without a category as such, and leads to it on Transações', async ({ app, page }) => {
  await linkSyncedSandboxBank(app, page);
  const accountId = app.database.sqlite
    .prepare("SELECT id FROM accounts WHERE type = 'BANK' LIMIT 1")
    .pluck()
    .get() as string;
  const today = new Date().toISOString().slice(0, 10);
  insertTransactions(app.database.db, [
    { id: 'loose-1', accountId, date: today, description: 'SAQUE SEM CATEGORIA', amountCents: -12_000 },
    { id: 'loose-2', accountId, date: today, description: 'DEPOSITO SEM CATEGORIA', amountCents: 30_000 },
  ]);
  await page.keyboard.press('Control+7');
  await page.getByRole('tab', { name: 'DRE' }).click();
  const out = page.locator('tbody[data-section="unclassified_expense"]');
  await expect(out.getByRole('rowheader').first()).toHaveText('Sem categoria');
  await expect(out).toContainText('Saídas sem categoria');
  for (const width of [960, 1280, 1920]) await shoot(page, 'classification-dre', width);
  await out.getByRole('link', { name: 'Sem categoria' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await expect(transactionGrid(page).locator('.tx-description')).toHaveText(['SAQUE SEM CATEGORIA']);

  // Income never offers "dedutível"; an expense does, following its category until chosen.
  await page.goto(`${page.url().split('#')[0]}#/transactions?q=sem%20categoria`);
  await transactionRow(page, 'SAQUE SEM CATEGORIA').locator('.tx-description').click();
  await page.keyboard.press('d');
  const panel = page.getByRole('dialog', { name: 'Detalhes da transação' });
  await expect(panel.getByRole('checkbox', { name: 'Despesa dedutível' })).not.toBeChecked();
  await page.screenshot({ path: `${shots}/classification-details-deductible.png` });
  await page.keyboard.press('Escape');
  await transactionRow(page, 'DEPOSITO SEM CATEGORIA').locator('.tx-description').click();
  await page.keyboard.press('d');
  await expect(panel.getByRole('radio', { name: 'Empresa' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Despesa dedutível' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const incomeRow = await invokeFromPage<ChannelOutput<'transactions:list'>>(page, 'transactions:list', {
    filters: { categoryIds: ['01030000'] },
    limit: 1,
  });
  const income = incomeRow.rows[0];
  expect(income).toBeDefined();
  await page.goto(`${page.url().split('#')[0]}#/transactions?category=01030000`);
  await transactionRow(page, income?.description ?? '')
    .first()
    .locator('.tx-description')
    .click();
  await page.keyboard.press('d');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Empresa' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Despesa dedutível' })).toHaveCount(0);
});
