import { expect, type Page } from '@playwright/test';
import type { AccountSummary } from '../../../electron/shared/models.ts';
import type { AppFixture } from './app.ts';
import { linkSyncedSandboxBank } from './sandbox-bank.ts';
import { invokeFromPage } from './screenshots.ts';

/**
 * A book with something on every screen, for the suites that walk them all (layout,
 * accessibility): the sandbox bank's ~1,500 synced rows, a manual cash account, a rule, and
 * a reconciliation started on the checking account. Resolves with that account.
 */
export async function seedRealisticBook(app: AppFixture, page: Page): Promise<AccountSummary> {
  await linkSyncedSandboxBank(app, page);
  await invokeFromPage(page, 'accounts:create-manual', {
    institution: 'Carteira',
    name: 'Dinheiro do escritório',
    kind: 'CASH',
    openingBalanceCents: 25_000,
    openingBalanceDate: '2026-01-01',
  });
  await invokeFromPage(page, 'rules:save', {
    name: 'Corridas de aplicativo',
    conditions: [{ field: 'description', operator: 'contains', value: 'uber' }],
    actions: { usage: 'business', tags: ['transporte'] },
  });
  const accounts = await invokeFromPage<AccountSummary[]>(page, 'accounts:list');
  const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT' && account.mode !== 'manual');
  if (!checking) throw new Error(`no checking account in ${accounts.map((each) => each.displayName).join(', ')}`);
  // A reconciliation under way: Conciliação opens on its draft, lines and all.
  await page.evaluate((hash) => (window.location.hash = hash), `/reconciliation?account=${checking.id}`);
  await page.getByRole('button', { name: 'Começar conciliação' }).click();
  await expect(page.getByRole('grid', { name: /^Transações até/ })).toBeVisible();
  return checking;
}
