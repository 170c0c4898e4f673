import type { Page } from '@playwright/test';
import type { Language } from '../../electron/shared/models.ts';
import { expect, test } from './support/app.ts';
import { emptyOnTheRight, fullyVisibleRows, layoutProblems } from './support/layout.ts';
import { seedRealisticBook } from './support/realistic-book.ts';
import { useLanguage } from './support/screenshots.ts';

/**
 * Issue 20: every screen fits every window the app allows, from 960×640 up. A realistic
 * book (the sandbox bank's ~1,500 synced rows, a manual account, a reconciliation started)
 * is shown at 960×640, 1280×800, 1920×1080 and 2560×1440 in both languages; at each, nothing runs off
 * the window or is cut, no two labels or controls overlap, every column keeps a usable
 * width, and Transações shows at least 14 whole rows at 1280×800. Screenshots are saved
 * (test-results/screenshots/layout-<screen>-<language>-<width>.png) to be looked at.
 */

const sizes = [
  { width: 960, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;
const languages: readonly Language[] = ['pt-BR', 'en'];
const rules = {
  minColumnWidth: 48,
  // The description is what a row is read by: it keeps room for a few words at 960.
  columnMinimums: { '.cell-description': 180 },
  // A report's table wider than the window scrolls in its own box, on purpose.
  sidewaysScrollers: ['.report-table-scroll'],
};
/** The content's own padding, and no more, between a screen and the window's right edge. */
const maxMargin = 48;
const transactionsGrid = '.transactions-page [role=grid]';

interface Screen {
  name: string;
  /** Brings the screen to the state to look at, from anywhere. */
  show(page: Page): Promise<void>;
}

/** Waits until layout has followed the last change (a new window size, a loaded page). */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`https://balancete.test/index.html#${path}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Opens Transações (or a register) with its first rows loaded. */
async function openList(page: Page, path: string): Promise<void> {
  await open(page, path);
  await expect(page.locator('.tx-body .tx-description').first()).toBeVisible();
}

/** Opens Transações in a density (a preference kept across visits: chosen each time). */
async function openListAt(page: Page, path: string, density: 'compact' | 'comfortable'): Promise<void> {
  await openList(page, path);
  const choice = page.locator('.density-switch button').nth(density === 'compact' ? 0 : 1);
  await choice.click();
  await expect(choice).toHaveAttribute('aria-pressed', 'true');
}

/** Opens Relatórios on one of its tabs (by position: the names change with the language) once it has drawn. */
function reportTab(index: number) {
  return async (page: Page) => {
    await open(page, '/reports');
    await page.getByRole('tab').nth(index).click();
    await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  };
}

/** The screens, `accountId` being the checking account: its register, its reconciliation under way. */
function screens(accountId: string): Screen[] {
  return [
    { name: 'accounts', show: (page) => open(page, '/accounts') },
    { name: 'register', show: (page) => openListAt(page, `/accounts/${accountId}`, 'compact') },
    { name: 'connections', show: (page) => open(page, '/connections') },
    { name: 'transactions', show: (page) => openListAt(page, '/transactions', 'compact') },
    {
      name: 'transaction-details',
      async show(page) {
        await openList(page, '/transactions');
        await page.locator(transactionsGrid).focus();
        await page.keyboard.press('d');
        await expect(page.locator('.tx-details')).toBeVisible();
      },
    },
    { name: 'rules', show: (page) => open(page, '/rules') },
    { name: 'categories', show: (page) => open(page, '/categories') },
    { name: 'classification', show: (page) => open(page, '/classification') },
    {
      name: 'reconciliation',
      async show(page) {
        await open(page, `/reconciliation?account=${accountId}`);
        await expect(page.locator('.recon-workspace-header')).toBeVisible();
      },
    },
    { name: 'reports-dashboard', show: reportTab(0) },
    { name: 'reports-dre', show: reportTab(1) },
    { name: 'reports-livro-caixa', show: reportTab(2) },
    { name: 'reports-cash-flow', show: reportTab(3) },
    { name: 'settings', show: (page) => open(page, '/settings') },
    { name: 'transactions-comfortable', show: (page) => openListAt(page, '/transactions', 'comfortable') },
  ];
}

test('every screen fits 960×640, 1280×800, 1920×1080 and 2560×1440 in both languages', async ({ app, page }) => {
  test.setTimeout(240_000);
  const checking = await seedRealisticBook(app, page);

  const problems: string[] = [];
  for (const language of languages) {
    await useLanguage(page, language);
    for (const screen of screens(checking.id)) {
      await page.setViewportSize(sizes[1]);
      await screen.show(page);
      for (const size of sizes) {
        await page.setViewportSize(size);
        await settle(page);
        const where = `${screen.name} at ${size.width}×${size.height} in ${language}`;
        problems.push(...(await layoutProblems(page, rules)).map((problem) => `${where}: ${problem}`));
        // The screen uses the window's width: no cap leaving a wide window half empty.
        const empty = await emptyOnTheRight(page, 'section.page');
        if (empty > maxMargin) problems.push(`${where}: ${Math.round(empty)} px left empty on the right`);
        if (screen.name === 'transactions' && size.width === 1280) {
          const rows = await fullyVisibleRows(page, transactionsGrid);
          if (rows < 14) problems.push(`${where}: only ${rows} whole rows (at least 14 wanted)`);
        }
        await page.screenshot({
          path: `test-results/screenshots/layout-${screen.name}-${language}-${size.width}.png`,
          fullPage: true,
        });
      }
    }
  }
  expect(problems).toEqual([]);
});
