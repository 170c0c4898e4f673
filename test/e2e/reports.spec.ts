import type { Locator, Page } from '@playwright/test';
import type { ChannelOutput } from '../../electron/shared/contract.ts';
import { uncategorized } from '../../electron/shared/transactions.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { transactionGrid } from './support/transaction-grid.ts';

/**
 * Reports (issue 8) through the real screen, handlers and SQLite over the sandbox bank's
 * year of transactions: the dashboard's charts, the DRE tying out to its lines and to the
 * handler's figures, the click-through from spending to Transactions, and the business switch.
 */

const shots = 'test-results/screenshots';

/** Links the sandbox bank, waits for its first sync, and opens Reports (Ctrl+7). */
async function openWithSandboxBank(app: AppFixture, page: Page): Promise<void> {
  await linkSyncedSandboxBank(app, page);
  await page.keyboard.press('Control+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Relatórios' })).toBeVisible();
}

/** Waits until the shown report is the one asked for, not the last period's kept up while loading. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
}

/** A full-page screenshot for review, after checking that nothing runs off the window's side. */
async function shoot(page: Page, name: string): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    'no horizontal scrolling',
  ).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function cents(money: Locator): Promise<number> {
  return Number(await money.locator('.money').first().getAttribute('data-cents'));
}

/** The figure shown in one of the dashboard's period totals. */
const total = (page: Page, name: string) =>
  page.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1]', { hasText: name }) });

/** The last result the page got from a report channel through the bridge. */
function lastResult<C extends 'reports:dashboard' | 'reports:profit-and-loss'>(
  app: AppFixture,
  channel: C,
): ChannelOutput<C> {
  const exchange = app.ipc.findLast((each) => each.channel === channel);
  const result = exchange?.result as { ok: boolean; value: ChannelOutput<C> } | undefined;
  if (!result?.ok) throw new Error(`no successful ${channel} call`);
  return result.value;
}

test('the dashboard, the DRE tying out, the other reports and the click-through to transactions', async ({
  app,
  page,
}) => {
  await openWithSandboxBank(app, page);
  await settled(page);
  // The default period: the last 12 whole months, in the address for Back and the PDF printer.
  await expect(page.getByRole('combobox', { name: /^Período/ })).toHaveValue('last-12');
  expect(page.url()).toMatch(/#\/reports$/);

  const income = await cents(total(page, 'Receitas'));
  const expenses = await cents(total(page, 'Despesas'));
  const net = await cents(total(page, 'Resultado'));
  expect(income).toBeGreaterThan(0);
  expect(expenses).toBeLessThan(0);
  expect(net).toBe(income + expenses);

  const monthly = page.getByRole('region', { name: 'Receitas e despesas por mês' });
  await expect(monthly.locator('.report-chart')).toHaveAttribute(
    'aria-label',
    /^Receitas e despesas por mês, de .+\/\d{2} a .+\/\d{2}/,
  );
  await expect(monthly.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // Axis money is compact ("R$ 12 mil"); the months are short ("nov/26").
  await expect(monthly.locator('.recharts-yAxis-tick-labels text').filter({ hasText: 'mil' }).first()).toBeVisible();
  await expect(monthly.locator('.recharts-xAxis-tick-labels text').first()).toHaveText(/^[a-zç]{3}\/\d{2}$/);
  // The tooltip gives the month in full and the full amounts.
  await monthly.locator('.recharts-bar-rectangle').first().hover();
  const tooltip = monthly.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/[a-zç]+ de \d{4}/);
  await expect(tooltip).toContainText(/Receitas : R\$\u00a0[\d.]+,\d{2}/);
  const balances = page.getByRole('region', { name: 'Saldo ao longo do tempo' });
  await expect(balances.locator('.recharts-line').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quem mais pagou você' }).getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'A quem você mais pagou' }).getByRole('row').first()).toBeVisible();
  const dashboard = lastResult(app, 'reports:dashboard');
  expect(dashboard.months.reduce((sum, month) => sum + month.incomeCents, 0)).toBe(income);
  await shoot(page, 'reports-dashboard');

  // DRE, reached with the keyboard: Tab from the switch lands on the chosen tab, arrows move
  // between the tabs (WAI-ARIA tabs), and Tab goes on into the report.
  await page.getByRole('switch', { name: 'Só empresa' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Painel' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'DRE' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'DRE' })).toHaveAttribute('aria-selected', 'true');
  expect(page.url()).toContain('tab=profit-and-loss');
  await settled(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'DRE' })).toBeFocused();
  const pnl = page.getByRole('table', { name: 'DRE' });
  const sections = pnl.locator('tbody[data-section]');
  expect(await sections.count()).toBeGreaterThan(1);
  const subtotals: Record<string, number> = {};
  for (const section of await sections.all()) {
    const lines = await section
      .locator('.report-line .money')
      .evaluateAll((moneys) => moneys.map((money) => Number(money.getAttribute('data-cents'))));
    const subtotal = await cents(section.locator('.report-subtotal'));
    expect(
      lines.reduce((sum, each) => sum + each, 0),
      'a section total is the sum of its lines',
    ).toBe(subtotal);
    subtotals[(await section.getAttribute('data-section')) ?? ''] = subtotal;
  }
  const sum = (names: string[]) => names.reduce((acc, name) => acc + (subtotals[name] ?? 0), 0);
  const pnlIncome = await cents(pnl.locator('tr[data-total="income"]'));
  const pnlExpenses = await cents(pnl.locator('tr[data-total="expense"]'));
  const pnlNet = await cents(pnl.locator('tr[data-total="net"]'));
  expect(pnlIncome).toBe(sum(['income', 'unclassified_income']));
  expect(pnlExpenses).toBe(sum(['deductible_expense', 'nondeductible_expense', 'tax', 'unclassified_expense']));
  expect(pnlNet).toBe(pnlIncome + pnlExpenses);
  // The same figures as the handler's, and as the dashboard's months.
  const report = lastResult(app, 'reports:profit-and-loss');
  expect([pnlIncome, pnlExpenses, pnlNet]).toEqual([report.incomeCents, report.expenseCents, report.netCents]);
  expect([pnlIncome, pnlExpenses, pnlNet]).toEqual([income, expenses, net]);
  await shoot(page, 'reports-dre');

  await page.getByRole('tab', { name: 'Livro-caixa' }).click();
  await settled(page);
  const livro = page.getByRole('table', { name: 'Livro-caixa' });
  await expect(livro.locator('tbody tr')).toHaveCount(12);
  await expect(livro.locator('tbody tr').first().getByRole('rowheader')).toHaveText(/^[a-zç]{3}\/\d{2}$/);
  const monthlyIncome = await livro
    .locator('tbody td[data-column="incomeCents"] .money')
    .evaluateAll((moneys) => moneys.map((money) => Number(money.getAttribute('data-cents'))));
  expect(await cents(livro.locator('tfoot td[data-column="incomeCents"]'))).toBe(
    monthlyIncome.reduce((acc, each) => acc + each, 0),
  );
  await shoot(page, 'reports-livro-caixa');

  await page.getByRole('tab', { name: 'Fluxo de caixa' }).click();
  await settled(page);
  const flow = page.getByRole('table', { name: 'Fluxo de caixa' });
  await expect(flow.locator('tbody tr').first()).toBeVisible();
  for (const row of await flow.locator('tbody tr, tfoot tr').all()) {
    const [opening, net, closing] = await Promise.all(
      ['openingBalanceCents', 'netCents', 'closingBalanceCents'].map((column) =>
        cents(row.locator(`td[data-column="${column}"]`)),
      ),
    );
    expect(closing, 'opening + net = closing').toBe((opening ?? 0) + (net ?? 0));
  }
  await shoot(page, 'reports-cash-flow');

  // Back walks the tabs; then a spending bar opens the transactions behind it.
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Livro-caixa' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Painel' }).click();
  await settled(page);
  const spending = page.getByRole('region', { name: 'Gastos por categoria' });
  const top = dashboard.spending[0];
  if (!top) throw new Error('the sandbox spent nothing');
  await spending.locator('.recharts-bar-rectangle').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  const url = new URL(page.url().replace('#', ''));
  expect(url.searchParams.get('period')).toBe('custom');
  expect(url.searchParams.get('from')).toBe(dashboard.query.from);
  expect(url.searchParams.get('to')).toBe(dashboard.query.to);
  expect(url.searchParams.get('category')).toBe(top.categoryId ?? uncategorized);
  await expect(page.getByRole('combobox', { name: /^Período/ })).toHaveValue('custom');
  // The filter's chip shows the category's own name.
  await expect(page.getByRole('button', { name: /^Categoria: / })).toContainText(
    top.categoryId === null ? 'Sem categoria' : top.namePt,
  );
  const rows = transactionGrid(page).locator('.tx-body .tx-row');
  await expect(rows.first()).toBeVisible();
  const shownCategories = new Set(await rows.locator('.cell-category').allTextContents());
  expect(
    [...shownCategories].every((name) => name.includes(top.namePt)),
    [...shownCategories].join(' | '),
  ).toBe(true);
  // What the filter selects adds up to the slice's spending.
  await expect(page.locator(`.tx-totals .money[data-cents="${top.cents}"]`).first()).toBeVisible();
  await shoot(page, 'reports-click-through');
});

test('business only: empty until rows are marked, then just their figures; an empty period says so', async ({
  app,
  page,
}) => {
  await openWithSandboxBank(app, page);
  await settled(page);
  const all = lastResult(app, 'reports:dashboard');
  const switchControl = page.getByRole('switch', { name: 'Só empresa' });
  // Clicked rather than check(): the switch follows the address, which the router updates a moment later.
  await switchControl.click();
  await expect(switchControl).toBeChecked();
  expect(page.url()).toContain('business=1');
  await expect(page.getByRole('heading', { name: 'Nenhuma movimentação neste período' })).toBeVisible();
  await expect(page.getByText('Nenhuma transação marcada como empresa')).toBeVisible();

  // Mark every movement of the biggest spending category as business, through the real handlers.
  const top = all.spending[0];
  if (!top) throw new Error('the sandbox spent nothing');
  const marked = await page.evaluate(
    async (filters) => {
      const bridge = window.balancete;
      if (!bridge) throw new Error('no bridge');
      const list = await bridge.invoke('transactions:list', {
        filters,
        limit: 500,
      });
      if (!list.ok) throw new Error(list.error.code);
      const ids = (list.value as { rows: { id: string }[] }).rows.map((row) => row.id);
      for (const id of ids) {
        const result = await bridge.invoke('transactions:update', { id, patch: { usage: 'business' } });
        if (!result.ok) throw new Error(result.error.code);
      }
      return ids.length;
    },
    // The filters the spending line's click-through uses: money without a category counts where it went out.
    {
      categoryIds: [top.categoryId ?? uncategorized],
      from: all.query.from,
      to: all.query.to,
      ...(top.categoryId === null ? { direction: 'out' as const } : {}),
    },
  );
  expect(marked).toBeGreaterThan(0);
  await switchControl.click();
  await expect(switchControl).not.toBeChecked();
  await settled(page);
  await switchControl.click();
  await expect(switchControl).toBeChecked();
  await settled(page);
  await expect(total(page, 'Despesas').locator('.money')).toHaveAttribute('data-cents', String(top.cents));
  await expect(total(page, 'Receitas').locator('.money')).toHaveAttribute('data-cents', '0');
  const spending = page.getByRole('region', { name: 'Gastos por categoria' });
  await expect(spending.getByRole('row')).toHaveCount(2);
  await shoot(page, 'reports-business');

  // A period without transactions, opened from an address.
  await app.open('/reports?from=2001-01-01&to=2001-12-31');
  await expect(page.getByRole('heading', { name: 'Nenhuma movimentação neste período' })).toBeVisible();
  await expect(page.getByText('Não há receitas nem despesas entre 01/01/2001 e 31/12/2001')).toBeVisible();
  await shoot(page, 'reports-empty');
  // A reversed range is not applied: it says why and the report stays on the last good one.
  const reversed = page.getByText('A data inicial precisa ser igual ou anterior à final.');
  await page.getByLabel('De', { exact: true }).fill('01/01/2002');
  await expect(reversed).toBeVisible();
  expect(page.url()).toContain('from=2001-01-01');
  await page.getByLabel('Até', { exact: true }).fill('30/06/2002');
  await expect(reversed).toBeHidden();
  await expect(page.getByText('Não há receitas nem despesas entre 01/01/2002 e 30/06/2002')).toBeVisible();
  expect(page.url()).toContain('from=2002-01-01&to=2002-06-30');
  // A day typed key by key passes through 01/01/2, 01/01/20, 01/01/200: none of them is asked for.
  const asked = app.ipc.length;
  await page.getByLabel('De', { exact: true }).fill('');
  await expect(page.getByText('Escolha uma data.')).toBeVisible();
  await page.getByLabel('De', { exact: true }).pressSequentially('0101200');
  await expect(page.getByLabel('De', { exact: true })).toHaveValue('01/01/200');
  await page.getByLabel('De', { exact: true }).press('2');
  await expect(page.getByText('Escolha uma data.')).toBeHidden();
  await expect(page.getByText('Não há receitas nem despesas entre 01/01/2002 e 30/06/2002')).toBeVisible();
  const refused = app.ipc.slice(asked).filter((each) => !(each.result as { ok: boolean }).ok);
  expect(refused).toEqual([]);
  await page.getByRole('button', { name: 'Ver os últimos 12 meses' }).click();
  await expect(page.getByRole('combobox', { name: /^Período/ })).toHaveValue('last-12');
  await settled(page);
  expect(await cents(total(page, 'Receitas'))).toBeGreaterThan(0);
});

test('in English: the dashboard with English labels and axis money', async ({ app, page }) => {
  await openWithSandboxBank(app, page);
  await page.keyboard.press('Control+Comma');
  await page.getByLabel('Idioma').selectOption('en');
  await page.keyboard.press('Control+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await settled(page);
  expect(await cents(total(page, 'Income'))).toBeGreaterThan(0);
  const monthly = page.getByRole('region', { name: 'Income and expenses by month' });
  await expect(monthly.locator('.report-chart')).toHaveAttribute('aria-label', /^Income and expenses by month, /);
  await expect(
    monthly
      .locator('.recharts-yAxis-tick-labels text')
      .filter({ hasText: /^-?R\$\d/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Profit and loss' })).toBeVisible();
  await shoot(page, 'reports-dashboard-en');
});
