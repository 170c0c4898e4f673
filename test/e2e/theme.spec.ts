import type { Locator, Page } from '@playwright/test';
import type { Settings } from '../../electron/shared/models.ts';
import { bookkeepingDate } from '../../electron/shared/format.ts';
import { reportPagePath } from '../../electron/shared/report-page.ts';
import { presetRange } from '../../renderer/src/features/reports/report-view.ts';
import { type AppFixture, appOrigin, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { invokeFromPage, screenshotsEverywhere } from './support/screenshots.ts';

/**
 * The theme (issue 20): light, dark or as the system is, chosen in Configurações, applied
 * to every screen and its charts, and kept across a restart.
 */

/** An "rgb(r, g, b)" colour's relative luminance, 0 (black) to 1 (white), as WCAG defines it. */
function luminance(colour: string): number {
  const channels = colour
    .match(/\d+(\.\d+)?/g)
    ?.slice(0, 3)
    .map(Number);
  if (channels?.length !== 3) throw new Error(`not an rgb colour: ${colour}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The page's background colour as drawn (the root's, which the canvas takes). */
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** A design token's colour as the page resolves it now, in rgb() form. */
const tokenColour = (page: Page, token: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, token);

const computed = (locator: Locator, property: 'fill' | 'stroke') =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

const theme = (page: Page) => page.locator('html');

/** Chooses a theme as Settings does, from the main window. */
async function chooseTheme(page: Page, choice: 'system' | 'light' | 'dark'): Promise<void> {
  await invokeFromPage(page, 'settings:update', { theme: choice });
}

test('Escuro, chosen with the keyboard in Configurações, darkens the app and survives a restart', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open('/settings');
  const appearance = page.getByRole('group', { name: 'Aparência' });
  const system = appearance.getByRole('radio', { name: 'Igual ao sistema' });
  await expect(system).toBeChecked();
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);

  // A radio group: the arrow keys move the choice, and it applies at once.
  await system.focus();
  await page.keyboard.press('ArrowDown');
  await expect(appearance.getByRole('radio', { name: 'Claro' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  const dark = appearance.getByRole('radio', { name: 'Escuro' });
  await expect(dark).toBeChecked();
  await expect(dark).toBeFocused();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await pageBackground(page))).toBeLessThan(0.02);
  // Native controls follow too (their popups, calendars and scrollbars).
  expect(await theme(page).evaluate((html) => getComputedStyle(html).colorScheme)).toBe('dark');

  await app.restart();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Escuro' })).toBeChecked();

  // And back to light with the mouse.
  await page.getByText('Claro', { exact: true }).click();
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
});

test("'Igual ao sistema' follows the system's appearance as it changes; a choice made elsewhere reaches this window", async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');

  // A theme chosen outright holds whatever the system does.
  await chooseTheme(page, 'light');
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');

  const settings = await invokeFromPage<Settings>(page, 'settings:get');
  await app.emit('settings:changed', { ...settings, theme: 'dark' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
});

/** Opens a screen by its shortcut and waits for its heading. */
async function show(page: Page, key: string, heading: RegExp): Promise<void> {
  await page.keyboard.press(`Control+${key}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function openReports(app: AppFixture, page: Page): Promise<void> {
  await linkSyncedSandboxBank(app, page);
  await show(page, '7', /Relatórios/);
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
}

test("the charts on Relatórios draw in the theme's colours", async ({ app, page }) => {
  await openReports(app, page);
  const monthly = page.getByRole('region', { name: 'Receitas e despesas por mês' });
  const grid = monthly.locator('.recharts-cartesian-grid-horizontal line').first();
  const incomeBar = monthly.locator('.recharts-bar-rectangle path').first();
  const axisText = monthly.locator('.recharts-cartesian-axis-tick-value').first();

  await chooseTheme(page, 'light');
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  const lightGrid = await computed(grid, 'stroke');
  expect(lightGrid).toBe(await tokenColour(page, '--chart-grid'));

  await chooseTheme(page, 'dark');
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  const darkGrid = await computed(grid, 'stroke');
  expect(darkGrid).toBe(await tokenColour(page, '--chart-grid'));
  expect(darkGrid).not.toBe(lightGrid);
  // Faint lines on the dark card, income in the dark theme's accent, axis labels light.
  expect(luminance(darkGrid)).toBeLessThan(0.05);
  expect(await computed(incomeBar, 'fill')).toBe(await tokenColour(page, '--chart-income'));
  expect(luminance(await computed(axisText, 'fill'))).toBeGreaterThan(0.3);
  const tooltipBox = page.locator('.recharts-default-tooltip').first();
  await incomeBar.hover();
  await expect(tooltipBox).toBeVisible();
  expect(luminance(await tooltipBox.evaluate((box) => getComputedStyle(box).backgroundColor))).toBeLessThan(0.02);
});

test('the PDF report stays on white paper in the dark theme, its charts in the light colours', async ({
  app,
  page,
}) => {
  await linkSyncedSandboxBank(app, page);
  await chooseTheme(page, 'dark');
  const darkGrid = await tokenColour(page, '--chart-grid');
  // The page the report printer prints, opened here to look at it.
  await page.goto(`${appOrigin}${reportPagePath(presetRange('last-12', bookkeepingDate(new Date())))}`);
  await expect(theme(page)).toHaveAttribute('data-report-state', 'ready');
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  const sheet = page.locator('.report-document');
  const colours = await sheet.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      paper: style.backgroundColor,
      text: style.color,
      page: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
  expect(luminance(colours.paper)).toBe(1);
  expect(luminance(colours.page)).toBe(1);
  expect(luminance(colours.text)).toBeLessThan(0.05);
  const grid = sheet.locator('.recharts-cartesian-grid-horizontal line').first();
  expect(luminance(await computed(grid, 'stroke'))).toBeGreaterThan(0.7);
  expect(await computed(grid, 'stroke')).not.toBe(darkGrid);
});

test('screenshots of the main screens in the dark theme', async ({ app, page }) => {
  test.setTimeout(240_000);
  await openReports(app, page);
  await chooseTheme(page, 'dark');
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  const screens: [key: string, heading: RegExp, name: string][] = [
    ['1', /Contas|Accounts/, 'contas'],
    ['3', /Transações|Transactions/, 'transacoes'],
    ['7', /Relatórios|Reports/, 'relatorios'],
    ['6', /Conciliação|Reconciliation/, 'conciliacao'],
    [',', /Configurações|Settings/, 'configuracoes'],
  ];
  for (const [key, heading, name] of screens) {
    await show(page, key, heading);
    await screenshotsEverywhere(page, `dark-${name}`);
  }
});
