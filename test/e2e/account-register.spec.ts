import type { Page } from '@playwright/test';
import type { AccountSummary } from '../../electron/shared/models.ts';
import { reconcile } from '../support/reconciled-fixture.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { invokeFromPage, screenshotsEverywhere } from './support/screenshots.ts';
import { transactionGrid } from './support/transaction-grid.ts';

/**
 * Issue 16: the Accounts screen's accounts open their registers (the account's
 * transactions with the balance after each, the Transações workspace fixed on it), and can
 * be renamed, hidden and, once their bank is disconnected, deleted.
 */

const accountsOf = (page: Page) => invokeFromPage<AccountSummary[]>(page, 'accounts:list');

/** The sandbox bank's checking account and card, once it has synced. */
async function sandboxAccounts(app: AppFixture, page: Page) {
  await linkSyncedSandboxBank(app, page);
  const accounts = await accountsOf(page);
  const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT');
  const card = accounts.find((account) => account.type === 'CREDIT');
  if (!checking || !card) throw new Error('the sandbox bank has a checking account and a card');
  return { accounts, checking, card };
}

/**
 * The balance after each of the account's newest transactions, folded here from the raw
 * rows (newest first: date, then the order the books got them) from the bank's balance.
 */
function foldedBalances(app: AppFixture, account: AccountSummary, count: number): number[] {
  const amounts = app.database.sqlite
    .prepare(
      `SELECT coalesce(amount_in_account_currency_cents, amount_cents) FROM transactions
       WHERE account_id = ? AND removed_at IS NULL ORDER BY date DESC, rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(account.id, count) as number[];
  let after = account.balanceCents;
  return amounts.map((amount) => {
    const balance = after;
    after -= amount;
    return balance;
  });
}

const registerTitle = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const accountRow = (page: Page, account: AccountSummary) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: account.displayName, exact: true }) });

test('an account opens its register by click or keyboard: newest first, the balance after each row, and categorizing there', async ({
  app,
  page,
}) => {
  test.slow();
  const { checking, card } = await sandboxAccounts(app, page);
  await page.keyboard.press('Control+1');

  // A click anywhere on the row opens it.
  await accountRow(page, checking).locator('.account-balance').click();
  await expect(page).toHaveURL(new RegExp(`#/accounts/${checking.id}`));
  await expect(registerTitle(page, checking.displayName)).toBeVisible();
  const grid = transactionGrid(page);
  await expect(grid.getByRole('columnheader', { name: 'Saldo' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Conta' })).toHaveCount(0);
  // The balances, as folded here: the newest row leaves the account at the bank's balance.
  const expected = foldedBalances(app, checking, 8);
  const balances = grid.locator('.tx-body .cell-balance .money');
  await expect(balances.first()).toBeVisible();
  const shown = await balances.evaluateAll((cells) =>
    cells.slice(0, 8).map((cell) => Number(cell.getAttribute('data-cents'))),
  );
  expect(shown).toEqual(expected);
  // Its count comes beside the first page: every live row of the account.
  const held = app.database.sqlite
    .prepare('SELECT count(*) FROM transactions WHERE account_id = ? AND removed_at IS NULL')
    .pluck()
    .get(checking.id) as number;
  await expect(page.locator('.tx-totals')).toContainText(held.toLocaleString('pt-BR'));

  // Categorizing works as on Transações: the keyboard, the picker, the row's new category.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  const focused = grid.locator('.tx-focused');
  const description = (await focused.locator('.tx-description').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await page.keyboard.type('software');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(focused).toContainText('Software e assinaturas');
  await expect(grid).toBeFocused();
  const stored = app.database.sqlite
    .prepare(
      `SELECT c.name_pt FROM transaction_user_data u JOIN transactions t ON t.id = u.transaction_id
       JOIN categories c ON c.id = u.category_id WHERE t.account_id = ? AND t.description = ?`,
    )
    .pluck()
    .all(checking.id, description);
  expect(stored).toContain('Software e assinaturas');

  await screenshotsEverywhere(page, 'account-register', async (language) => {
    await expect(page.getByRole('columnheader', { name: language === 'en' ? 'Balance' : 'Saldo' })).toBeVisible();
  });

  // Back to Contas, then the card's register by keyboard alone.
  await page.getByRole('link', { name: 'Contas', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await page.getByRole('link', { name: card.displayName, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(registerTitle(page, card.displayName)).toBeVisible();
  // The card's rows arrive from the books worker after the title: polled until shown.
  await expect
    .poll(() =>
      grid
        .locator('.tx-body .cell-balance .money')
        .evaluateAll((cells) => cells.slice(0, 5).map((cell) => Number(cell.getAttribute('data-cents')))),
    )
    .toEqual(foldedBalances(app, card, 5));
  // Back returns to Contas.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
});

test('rename, hide and show an account: every screen follows, the totals leave a hidden one out', async ({
  app,
  page,
}) => {
  test.slow();
  const { accounts, card } = await sandboxAccounts(app, page);
  await app.open(`/accounts/${card.id}`);
  await expect(registerTitle(page, card.displayName)).toBeVisible();

  // F2 renames; Esc leaves it as it was.
  await page.keyboard.press('F2');
  const nickname = page.getByRole('textbox', { name: 'Apelido da conta' });
  await expect(nickname).toBeFocused();
  await nickname.fill('Cartão da empresa');
  await page.keyboard.press('Escape');
  await expect(nickname).toHaveCount(0);
  await expect(registerTitle(page, card.displayName)).toBeVisible();
  // Too long is said at once, and not sent.
  await page.getByRole('button', { name: 'Renomear' }).click();
  await nickname.fill('x'.repeat(61));
  await expect(page.getByText('Use no máximo 60 caracteres.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Salvar' })).toBeDisabled();
  await nickname.fill('  Cartão da empresa  ');
  await screenshotsEverywhere(page, 'account-rename', async (language) => {
    await expect(
      page.getByRole('textbox', { name: language === 'en' ? 'Account nickname' : 'Apelido da conta' }),
    ).toBeVisible();
  });
  await nickname.press('Enter');
  await expect(registerTitle(page, 'Cartão da empresa')).toBeVisible();
  expect((await accountsOf(page)).find((account) => account.id === card.id)?.nickname).toBe('Cartão da empresa');

  // Hidden: said on its register, gone from Contas and its totals, back with the switch.
  await page.getByRole('button', { name: 'Ocultar conta' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Esta conta está oculta' })).toBeVisible();
  await page.keyboard.press('Control+1');
  const renamed = { ...card, displayName: 'Cartão da empresa' };
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await expect(accountRow(page, renamed)).toHaveCount(0);
  const shownBalances = accounts.filter((account) => account.id !== card.id);
  const total = shownBalances.reduce((sum, account) => sum + account.balanceCents, 0);
  await expect(page.getByRole('definition').first().locator('.money')).toHaveAttribute('data-cents', String(total));
  await expect(page.getByText('Fora do saldo total: 1 conta oculta.')).toBeVisible();
  const showHidden = page.getByRole('checkbox', { name: 'Mostrar contas ocultas (1)' });
  // The switches live in the address: clicked, they show checked once the router moved.
  await showHidden.click();
  await expect(showHidden).toBeChecked();
  await expect(accountRow(page, renamed)).toContainText('Oculta');
  await screenshotsEverywhere(page, 'accounts-hidden-shown', async (language) => {
    await expect(
      page.getByRole('checkbox', { name: language === 'en' ? /Show hidden accounts/ : /Mostrar contas ocultas/ }),
    ).toBeChecked();
  });
  // Transações leaves its rows out unless asked.
  const cardRows = app.database.sqlite
    .prepare('SELECT count(*) FROM transactions WHERE account_id = ? AND removed_at IS NULL')
    .pluck()
    .get(card.id) as number;
  const allRows = app.database.sqlite
    .prepare('SELECT count(*) FROM transactions WHERE removed_at IS NULL')
    .pluck()
    .get() as number;
  await page.keyboard.press('Control+3');
  const totals = page.locator('.tx-totals');
  await expect(totals).toContainText((allRows - cardRows).toLocaleString('pt-BR'));
  const showHiddenRows = page.getByRole('checkbox', { name: 'Mostrar contas ocultas' });
  // A rarer filter: behind "Mais filtros".
  await page.getByRole('button', { name: 'Mais filtros' }).click();
  await showHiddenRows.click();
  await expect(showHiddenRows).toBeChecked();
  await expect(totals).toContainText(allRows.toLocaleString('pt-BR'));
  // Its rows are marked as a hidden account's.
  await expect(
    transactionGrid(page).locator('.cell-account').filter({ hasText: 'Cartão da empresa' }).first(),
  ).toContainText('Oculta');
  await screenshotsEverywhere(page, 'transactions-hidden-shown', async (language) => {
    await expect(
      page.getByRole('checkbox', { name: language === 'en' ? 'Show hidden accounts' : 'Mostrar contas ocultas' }),
    ).toBeChecked();
  });

  // Shown again from its row on Contas.
  await page.keyboard.press('Control+1');
  await showHidden.click();
  await expect(showHidden).toBeChecked();
  await accountRow(page, renamed).getByRole('button', { name: 'Mostrar Cartão da empresa' }).click();
  await expect(page.getByRole('checkbox', { name: /Mostrar contas ocultas/ })).toHaveCount(0);
  await expect(accountRow(page, renamed)).not.toContainText('Oculta');
  expect((await accountsOf(page)).find((account) => account.id === card.id)?.hidden).toBe(false);
});

test('a disconnected account is deleted with its transactions, its reconciled ones named and confirmed first', async ({
  app,
  page,
}) => {
  test.slow();
  const { accounts, card, checking } = await sandboxAccounts(app, page);
  const { sqlite } = app.database;
  // The two newest rows with different descriptions, so that the question names each apart
  // (two IFOOD orders on the newest day would be one name twice).
  const newest = sqlite
    .prepare('SELECT id, description FROM transactions WHERE account_id = ? ORDER BY date DESC, rowid DESC LIMIT 50')
    .all(card.id) as { id: string; description: string }[];
  const reconciled = newest
    .filter((row, index) => newest.findIndex((other) => other.description === row.description) === index)
    .slice(0, 2);
  reconcile(
    sqlite,
    card.id,
    reconciled.map((row) => row.id),
  );
  await invokeFromPage(page, 'connections:remove', { itemId: card.connectionId, keepData: true });
  await page.keyboard.press('Control+1');

  // Disconnected accounts say so, are out of the total, and offer to be hidden or deleted.
  await expect(accountRow(page, checking)).toContainText('Não é mais atualizada e não entra no saldo total.');
  await expect(page.getByRole('definition').first().locator('.money')).toHaveAttribute('data-cents', '0');
  await expect(page.getByText(`Fora do saldo total: ${accounts.length} contas desconectadas.`)).toBeVisible();
  await screenshotsEverywhere(page, 'accounts-disconnected', async (language) => {
    await expect(
      accountRow(page, checking).getByRole('button', { name: language === 'en' ? /^Delete/ : /^Excluir/ }),
    ).toBeVisible();
  });

  // The card, from its register: the question counts its rows and names the reconciled ones.
  await accountRow(page, card).getByRole('link').click();
  await expect(page.getByRole('note').filter({ hasText: 'A conexão desta conta foi removida' })).toBeVisible();
  await page.getByRole('button', { name: 'Excluir conta…' }).click();
  const dialog = page.getByRole('dialog', { name: `Excluir ${card.displayName}?` });
  const count = sqlite
    .prepare('SELECT count(*) FROM transactions WHERE account_id = ? AND removed_at IS NULL')
    .pluck()
    .get(card.id) as number;
  await expect(dialog).toContainText(
    `A conta e as suas ${count.toLocaleString('pt-BR')} transações saem dos seus livros`,
  );
  await expect(dialog).toContainText('2 transações estão conciliadas e também serão excluídas:');
  for (const row of reconciled)
    await expect(dialog.getByRole('listitem').filter({ hasText: row.description })).toHaveCount(1);
  const confirm = dialog.getByRole('button', { name: 'Excluir conta', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Entendo: excluir também as 2 transações conciliadas' }).check();
  await screenshotsEverywhere(page, 'account-delete-dialog', async (language) => {
    await expect(
      page.getByRole('button', { name: language === 'en' ? 'Delete account' : 'Excluir conta', exact: true }),
    ).toBeEnabled();
  });
  await confirm.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`${card.displayName} foi excluída, com suas transações.`);
  await expect(accountRow(page, card)).toHaveCount(0);
  expect(sqlite.prepare('SELECT count(*) FROM transactions WHERE account_id = ?').pluck().get(card.id)).toBe(0);
  expect(sqlite.prepare('SELECT count(*) FROM reconciliations WHERE account_id = ?').pluck().get(card.id)).toBe(0);

  // Another, from its row, with nothing reconciled: asked once, no box to tick.
  await accountRow(page, checking)
    .getByRole('button', { name: `Excluir ${checking.displayName}` })
    .click();
  const second = page.getByRole('dialog', { name: `Excluir ${checking.displayName}?` });
  await expect(second.getByRole('checkbox')).toHaveCount(0);
  await second.getByRole('button', { name: 'Excluir conta' }).click();
  await expect(accountRow(page, checking)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(`${checking.displayName} foi excluída`);
  expect(sqlite.prepare('SELECT count(*) FROM transactions WHERE account_id = ?').pluck().get(checking.id)).toBe(0);
});
