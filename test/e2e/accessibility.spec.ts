import type { Page } from '@playwright/test';
import type { AccountSummary, Language, Theme } from '../../electron/shared/models.ts';
import { expect, test } from './support/app.ts';
import { type AxeFindings, checkAccessibility } from './support/axe.ts';
import { localeText } from './support/locale-text.ts';
import { seedRealisticBook } from './support/realistic-book.ts';
import { useLanguage } from './support/screenshots.ts';

/**
 * Issue 20: every screen, with its panels and dialogs open, passes axe's WCAG 2.1 A/AA
 * rules with no serious or critical violation, in both themes and both languages, over a
 * realistic book: the synced demo bank, a manual account, a rule and a reconciliation in
 * progress, one per theme and language (four tests, run side by side); a failure lists
 * every violation found on the way (screen, rule, elements), not only the first.
 */

const languages: readonly Language[] = ['pt-BR', 'en'];

interface Screen {
  name: string;
  /** Brings the screen to the state checked, from wherever the previous one left it. */
  show(page: Page, text: (key: string, values?: Record<string, string | number>) => string): Promise<void>;
  /** Undoes what `show` opened, where the next screen starts from this one. */
  close?(page: Page): Promise<void>;
}

/** Moves the main window to a route as its links do, and waits for the screen's title. */
async function go(page: Page, route: string, title: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), route);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const screens = (checking: AccountSummary): Screen[] => [
  {
    name: 'Accounts',
    show: async (page, t) => {
      await go(page, '/accounts', t('nav.accounts'));
      await expect(page.getByRole('region', { name: 'Pluggy Bank' })).toBeVisible();
    },
  },
  {
    name: 'Account register',
    show: async (page) => {
      await go(page, `/accounts/${checking.id}`, checking.displayName);
      await expect(page.getByRole('grid').getByRole('row').nth(2)).toBeVisible();
    },
  },
  {
    name: 'Connections',
    show: async (page, t) => {
      await go(page, '/connections', t('nav.connections'));
      await expect(page.getByRole('region', { name: 'Pluggy Bank' })).toBeVisible();
    },
  },
  {
    name: 'Transactions',
    show: async (page, t) => {
      await go(page, '/transactions', t('nav.transactions'));
      await expect(page.getByRole('grid').getByRole('row').nth(2)).toBeVisible();
    },
  },
  {
    name: 'Transactions, export dialog',
    show: async (page, t) => {
      await page.getByRole('button', { name: t('exports.open') }).click();
      await expect(page.getByRole('dialog', { name: t('exports.title') })).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'Transactions, details panel',
    show: async (page, t) => {
      await page.getByRole('grid').focus();
      await page.keyboard.press('d');
      await expect(page.getByRole('dialog', { name: t('transactions.details.title') })).toBeFocused();
    },
  },
  {
    name: 'Transactions, split editor',
    show: async (page, t) => {
      await page.getByRole('button', { name: t('transactions.details.split.start') }).click();
      await expect(page.getByLabel(t('transactions.details.split.amount', { position: 1 }))).toBeVisible();
    },
  },
  {
    name: 'Rules',
    show: async (page, t) => {
      await go(page, '/rules', t('nav.rules'));
      await expect(page.getByText('Corridas de aplicativo')).toBeVisible();
    },
  },
  {
    name: 'Rules, rule editor',
    show: async (page, t) => {
      await page
        .getByRole('button', { name: t('rules.new') })
        .first()
        .click();
      await expect(page.getByRole('dialog', { name: t('rules.editor.newTitle') })).toBeVisible();
    },
  },
  {
    name: 'Categories',
    show: async (page, t) => {
      await go(page, '/categories', t('nav.categories'));
      await expect(page.getByRole('treeitem').first()).toBeVisible();
    },
  },
  {
    name: 'Classification review',
    show: async (page, t) => {
      await go(page, '/classification', t('classification.title'));
    },
  },
  {
    name: 'Reconciliation, draft in progress',
    show: async (page, t) => {
      await go(page, '/reconciliation', t('nav.reconciliation'));
      await page.getByLabel(t('reconciliation.account'), { exact: true }).selectOption(checking.id);
      await expect(page.getByRole('grid').getByRole('row').nth(2)).toBeVisible();
    },
  },
  ...(['dashboard', 'profit-and-loss', 'livro-caixa', 'cash-flow'] as const).map((tab): Screen => ({
    name: `Reports, ${tab}`,
    show: async (page, t) => {
      await go(page, '/reports', t('nav.reports'));
      await page.getByRole('tab', { name: t(`reports.tabs.${tab}`) }).click();
      await expect(page.getByRole('tab', { name: t(`reports.tabs.${tab}`) })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel')).toBeVisible();
    },
  })),
  {
    name: 'Settings',
    show: async (page, t) => {
      await go(page, '/settings', t('nav.settings'));
    },
  },
];

/** Chooses the theme in Settings, as the user does, and waits until the window wears it. */
async function useTheme(page: Page, theme: Exclude<Theme, 'system'>): Promise<void> {
  const result = await page.evaluate((chosen) => window.balancete?.invoke('settings:update', { theme: chosen }), theme);
  expect(result).toMatchObject({ ok: true });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** The Connect window, as opened from the main one: its bank list, then a bank's login form. */
async function checkConnectWindow(page: Page, language: Language, where: string): Promise<AxeFindings[]> {
  const text = (key: string) => localeText(language, key);
  const opened = page.context().waitForEvent('page');
  await page.evaluate(() => window.balancete?.invoke('connect-window:open', {}));
  const connect = await opened;
  try {
    await expect(connect.getByRole('heading', { name: text('connect.choose') })).toBeVisible();
    const list = await checkAccessibility(connect, `Connect window, bank list (${where})`);
    await connect.getByRole('button', { name: 'Pluggy Bank', exact: true }).click();
    await expect(connect.getByLabel('User')).toBeVisible();
    return [list, await checkAccessibility(connect, `Connect window, login form (${where})`)];
  } finally {
    await connect.close();
  }
}

for (const theme of ['light', 'dark'] as const) {
  for (const language of languages) {
    test(`every screen passes the axe check in the ${theme} theme, in ${language}`, async ({ app, page }) => {
      // About a minute on an idle machine; axe over ~20 screens needs far more on a loaded one.
      test.setTimeout(480_000);
      // Charts and panels that animate in are checked as they stand, not mid-way.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const checking = await seedRealisticBook(app, page);
      await useTheme(page, theme);
      await useLanguage(page, language);
      const where = `${theme}, ${language}`;
      const findings: AxeFindings[] = [];
      for (const screen of screens(checking)) {
        await screen.show(page, (key, values) => localeText(language, key, values));
        findings.push(await checkAccessibility(page, `${screen.name} (${where})`));
        await screen.close?.(page);
      }
      findings.push(...(await checkConnectWindow(page, language, where)));
      // Moderate and minor findings do not fail the check; they are kept in the report to look at.
      test.info().annotations.push({ type: 'axe moderate/minor', description: lesserSummary(findings) });
      const blocking = findings.flatMap((each) => each.blocking);
      expect(blocking, `serious or critical axe violations:\n\n${blocking.join('\n\n')}`).toEqual([]);
    });
  }
}

/** "rule: elements, …" over every screen's moderate and minor violations. */
function lesserSummary(findings: AxeFindings[]): string {
  const counts = new Map<string, number>();
  for (const { lesser } of findings) {
    for (const [rule, count] of lesser) counts.set(rule, (counts.get(rule) ?? 0) + count);
  }
  return [...counts].map(([rule, count]) => `${rule}: ${count}`).join(', ') || 'none';
}
