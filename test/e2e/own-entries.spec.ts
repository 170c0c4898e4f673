import type { Locator, Page } from '@playwright/test';
import type { AccountSummary } from '../../electron/shared/models.ts';
import { expect, test } from './support/app.ts';
import { invokeFromPage, screenshotsAtEveryWidth, screenshotsEverywhere } from './support/screenshots.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/**
 * Issue 19: the user's own entries. A manual account (cash, a bank Pluggy does not reach)
 * made on Contas, transactions entered by hand (Ctrl+N on Transações), a transfer between
 * two of the user's accounts entered once, and the user's own rows edited, deleted and the
 * deletion undone.
 */

const nbsp = '\u00a0';
const reais = (text: string) => `R$${nbsp}${text}`;

const accountRow = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
const dialog = (page: Page) => page.getByRole('dialog');

/** Fills the manual account dialog (open) and creates the account. */
async function createManualAccount(
  page: Page,
  fields: { institution: string; name: string; kind: string; opening: string; date: string },
): Promise<void> {
  const form = dialog(page);
  await form.getByLabel('Instituição').fill(fields.institution);
  await form.getByLabel('Nome da conta').fill(fields.name);
  await form.getByLabel('Tipo').selectOption({ label: fields.kind });
  await form.getByLabel('Saldo inicial').fill(fields.opening);
  await form.getByLabel('Data de abertura').fill(fields.date);
  await form.getByRole('button', { name: 'Criar conta' }).click();
  await expect(form).toBeHidden();
}

const balanceOf = (row: Locator) => row.locator('.account-balance .money');

test('a manual cash account, an entry with Ctrl+N, a transfer, an edit, and a delete undone', async ({ app, page }) => {
  test.slow();
  await app.open();

  // Contas: "Nova conta manual" opens the dialog on its first field.
  await page.getByRole('button', { name: 'Nova conta manual' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Nova conta manual' })).toBeVisible();
  await expect(dialog(page).getByLabel('Instituição')).toBeFocused();
  // Nothing typed: each required field says so beside it, and nothing is created.
  await dialog(page).getByRole('button', { name: 'Criar conta' }).click();
  await expect(dialog(page).getByText('Preencha este campo.')).toHaveCount(2);
  await expect(dialog(page).getByLabel('Instituição')).toBeFocused();
  // A money box reads pt-BR thousands, and says so in plain words when it cannot.
  await dialog(page).getByLabel('Saldo inicial').fill('12x');
  await expect(dialog(page).getByText('Escreva o valor como 1.234,56.')).toBeVisible();
  await dialog(page).getByLabel('Data de abertura').fill('31/02/2026');
  await expect(dialog(page).getByText('Essa data não existe no calendário.')).toBeVisible();
  await dialog(page).getByLabel('Instituição').fill('Carteira');
  await dialog(page).getByLabel('Nome da conta').fill('Dinheiro do escritório');
  await dialog(page).getByLabel('Tipo').selectOption({ label: 'Dinheiro' });
  await dialog(page).getByLabel('Saldo inicial').fill('1234,5');
  await dialog(page).getByLabel('Data de abertura').fill('1/11/2026');
  await dialog(page).getByLabel('Data de abertura').blur();
  // Written back tidy on leaving the box.
  await expect(dialog(page).getByLabel('Data de abertura')).toHaveValue('01/11/2026');
  await dialog(page).getByLabel('Saldo inicial').focus();
  await dialog(page).getByLabel('Saldo inicial').blur();
  await expect(dialog(page).getByLabel('Saldo inicial')).toHaveValue('1.234,50');
  await screenshotsEverywhere(page, 'own-entries-account-dialog', async (language) => {
    await expect(
      dialog(page).getByRole('heading', { name: language === 'en' ? 'New manual account' : 'Nova conta manual' }),
    ).toBeVisible();
  });
  await dialog(page).getByRole('button', { name: 'Criar conta' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Carteira · Dinheiro do escritório foi criada.');

  const wallet = accountRow(page, 'Carteira · Dinheiro do escritório');
  await expect(wallet).toContainText('Dinheiro');
  await expect(wallet.locator('.badge-manual')).toHaveText('Manual');
  await expect(balanceOf(wallet)).toHaveText(reais('1.234,50'));
  await expect(wallet).toContainText('em 01/11/2026');
  // Counted in the totals, as a bank account.
  await expect(page.getByRole('definition').nth(0)).toHaveText(reais('1.234,50'));

  await page.getByRole('button', { name: 'Nova conta manual' }).click();
  await createManualAccount(page, {
    institution: 'Banco Regional',
    name: 'Poupança',
    kind: 'Poupança',
    opening: '0,00',
    date: '01/11/2026',
  });
  const savings = accountRow(page, 'Banco Regional · Poupança');
  await expect(balanceOf(savings)).toHaveText(reais('0,00'));
  await screenshotsEverywhere(page, 'own-entries-accounts', async (language) => {
    await expect(
      page.getByRole('heading', { level: 1, name: language === 'en' ? 'Accounts' : 'Contas' }),
    ).toBeVisible();
  });

  // Editing a manual account: the same dialog, filled in.
  await page.getByRole('button', { name: 'Editar Banco Regional · Poupança' }).click();
  await expect(dialog(page).getByLabel('Nome da conta')).toHaveValue('Poupança');
  await expect(dialog(page).getByLabel('Moeda')).toBeDisabled();
  await dialog(page).getByLabel('Saldo inicial').fill('10,00');
  await dialog(page).getByRole('button', { name: 'Salvar' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(balanceOf(savings)).toHaveText(reais('10,00'));

  // Transações: Ctrl+N, not while typing in the search box.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await page.getByRole('searchbox').first().focus();
  await page.keyboard.press('Control+n');
  await expect(dialog(page)).toHaveCount(0);
  await transactionGrid(page).focus();
  await page.keyboard.press('Control+n');
  const entry = dialog(page);
  await expect(entry.getByRole('heading', { name: 'Nova transação' })).toBeVisible();
  await expect(entry.getByRole('tab', { name: 'Transação' })).toHaveAttribute('aria-selected', 'true');
  await expect(entry.getByLabel('Conta', { exact: true })).toBeFocused();
  await entry.getByLabel('Conta', { exact: true }).selectOption({ label: 'Carteira · Dinheiro do escritório' });
  await entry.getByLabel('Data').fill('05/11/2026');
  await entry.getByLabel('Descrição').fill('Almoço com cliente');
  await entry.getByLabel('Valor').fill('45,90');
  await expect(entry.getByRole('radio', { name: 'Saída' })).toBeChecked();
  await entry.getByLabel('Contraparte (opcional)').fill('Restaurante Sabor');
  await entry.getByRole('button', { name: /Categoria/ }).click();
  await entry.getByRole('combobox', { name: 'Categoria', exact: true }).fill('software');
  await entry.getByRole('combobox', { name: 'Categoria', exact: true }).press('Enter');
  await expect(entry.getByRole('button', { name: /Software e assinaturas/ })).toBeFocused();
  await entry.getByLabel('Notas (opcional)').fill('Reunião do projeto');
  await screenshotsEverywhere(page, 'own-entries-transaction-dialog', async (language) => {
    await expect(
      entry.getByRole('heading', { name: language === 'en' ? 'New transaction' : 'Nova transação' }),
    ).toBeVisible();
  });
  await entry.getByRole('button', { name: 'Salvar transação' }).click();
  await expect(entry).toBeHidden();
  // Focus is back where Ctrl+N was pressed.
  await expect(transactionGrid(page)).toBeFocused();
  const lunch = transactionRow(page, 'Almoço com cliente');
  await expect(lunch).toContainText(`-${reais('45,90')}`);
  await expect(lunch).toContainText('05/11/2026');
  await expect(lunch).toContainText('Software e assinaturas');
  await expect(lunch.locator('.badge-own')).toHaveText('Manual');
  await expect(lunch.locator('.badge-own')).toHaveAttribute('title', 'Lançada por você');

  // A transfer between the two manual accounts; "valor recebido" only across currencies.
  await invokeFromPage<AccountSummary>(page, 'accounts:create-manual', {
    institution: 'Wise',
    name: 'Dólares',
    kind: 'CHECKING_ACCOUNT',
    currencyCode: 'USD',
    openingBalanceDate: '2026-11-01',
  });
  await page.getByRole('button', { name: 'Nova transação' }).click();
  await entry.getByRole('tab', { name: 'Transferência' }).click();
  await entry.getByLabel('De (sai da conta)').selectOption({ label: 'Carteira · Dinheiro do escritório' });
  await entry.getByLabel('Para (entra na conta)').selectOption({ label: 'Wise · Dólares (USD)' });
  await expect(entry.getByLabel('Valor recebido em USD')).toBeVisible();
  await entry.getByLabel('Para (entra na conta)').selectOption({ label: 'Banco Regional · Poupança' });
  await expect(entry.getByLabel('Valor recebido em USD')).toHaveCount(0);
  await entry.getByLabel('Data').fill('06/11/2026');
  await entry.getByLabel('Valor').fill('200');
  await expect(entry.getByLabel('Descrição')).toHaveValue('Transferência entre contas');
  await entry.getByLabel('Descrição').fill('Depósito na poupança');
  await screenshotsEverywhere(page, 'own-entries-transfer-dialog', async (language) => {
    await expect(entry.getByRole('tab', { name: language === 'en' ? 'Transfer' : 'Transferência' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
  await entry.getByRole('button', { name: 'Salvar transferência' }).click();
  await expect(entry).toBeHidden();
  const deposits = transactionRow(page, 'Depósito na poupança');
  await expect(deposits).toHaveCount(2);
  await expect(deposits.filter({ hasText: `-${reais('200,00')}` })).toHaveCount(1);
  // Both sides are marked as the transfer they are.
  await expect(deposits.locator('.badge-own')).toHaveText(['Transferência', 'Transferência']);
  await screenshotsEverywhere(page, 'own-entries-transactions', async (language) => {
    // The grid's name changes with the language: the rows are found by their marks here.
    await expect(page.locator('.tx-row .badge-own')).toHaveCount(3);
    await expect(
      page.getByRole('button', { name: language === 'en' ? 'New transaction' : 'Nova transação' }),
    ).toBeVisible();
  });

  // Editing the lunch from its details: amount and description.
  await lunch.getByRole('button', { name: 'Abrir detalhes' }).click();
  const details = page.getByRole('dialog', { name: 'Detalhes da transação' });
  await expect(details).toContainText('Lançada por você');
  await details.getByRole('button', { name: 'Editar…' }).click();
  const edit = page.getByRole('dialog', { name: 'Editar transação' });
  await expect(edit.getByLabel('Data')).toBeFocused();
  await expect(edit.getByLabel('Valor')).toHaveValue('45,90');
  await expect(edit.getByLabel('Contraparte (opcional)')).toHaveValue('Restaurante Sabor');
  await edit.getByLabel('Valor').fill('50');
  await edit.getByLabel('Descrição').fill('Almoço com cliente (Studio Ipê)');
  await edit.getByRole('button', { name: 'Salvar' }).click();
  await expect(edit).toBeHidden();
  const edited = transactionRow(page, 'Almoço com cliente (Studio Ipê)');
  await expect(edited).toContainText(`-${reais('50,00')}`);
  await expect(details).toContainText('Almoço com cliente (Studio Ipê)');

  // Deleting it: gone, with Desfazer in the notice; undone, back.
  await details.getByRole('button', { name: 'Excluir' }).click();
  await expect(details).toBeHidden();
  await expect(edited).toHaveCount(0);
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Transação excluída');
  await toast.getByRole('button', { name: 'Desfazer' }).click();
  await expect(toast).toContainText('Alteração desfeita');
  await expect(edited).toContainText(`-${reais('50,00')}`);

  // The balances on Contas: 1.234,50 − 50,00 − 200,00 and 10,00 + 200,00.
  await page.keyboard.press('Control+1');
  await expect(balanceOf(wallet)).toHaveText(reais('984,50'));
  await expect(balanceOf(savings)).toHaveText(reais('210,00'));

  // Deleting a transfer's side takes both.
  await page.keyboard.press('Control+3');
  await deposits.first().getByRole('button', { name: 'Abrir detalhes' }).click();
  await details.getByRole('button', { name: 'Excluir' }).click();
  await expect(toast).toContainText('2 transações excluídas');
  await expect(deposits).toHaveCount(0);
});

test("an account's register offers a new transaction on that account; Esc closes without saving", async ({
  app,
  page,
}) => {
  await app.open();
  const cash = await invokeFromPage<AccountSummary>(page, 'accounts:create-manual', {
    institution: 'Carteira',
    name: 'Dinheiro',
    kind: 'CASH',
    openingBalanceCents: 10_000,
    openingBalanceDate: '2026-11-01',
  });
  await invokeFromPage(page, 'accounts:create-manual', {
    institution: 'Banco Regional',
    name: 'Conta',
    kind: 'CHECKING_ACCOUNT',
    openingBalanceDate: '2026-11-01',
  });
  await page.reload();
  await page.getByRole('link', { name: cash.displayName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: cash.displayName })).toBeVisible();

  await page.getByRole('button', { name: 'Nova transação' }).click();
  const entry = dialog(page);
  await expect(entry.getByLabel('Conta', { exact: true })).toHaveValue(cash.id);
  await page.keyboard.press('Escape');
  await expect(entry).toBeHidden();
  await expect(page.getByRole('button', { name: 'Nova transação' })).toBeFocused();

  await page.getByRole('button', { name: 'Nova transação' }).click();
  await entry.getByLabel('Descrição').fill('Venda de equipamento usado');
  await entry.getByLabel('Valor').fill('1.500,00');
  await entry.getByRole('radio', { name: 'Entrada' }).check();
  await entry.getByRole('button', { name: 'Salvar transação' }).click();
  await expect(entry).toBeHidden();
  const sale = transactionRow(page, 'Venda de equipamento usado', 'Lista de transações');
  await expect(sale).toContainText(reais('1.500,00'));
  // The register's balance column and the page's subtitle follow.
  await expect(sale.locator('.cell-balance')).toHaveText(reais('1.600,00'));
  await expect(page.locator('.page-subtitle')).toContainText(`Saldo de ${reais('1.600,00')}`);
  await screenshotsAtEveryWidth(page, 'own-entries-register-pt-BR');

  // Editing and deleting the account itself from its register.
  await page.getByRole('button', { name: 'Editar', exact: true }).click();
  await expect(dialog(page).getByLabel('Instituição')).toHaveValue('Carteira');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Excluir conta…' }).click();
  await expect(dialog(page)).toContainText('A conta e a sua única transação saem dos seus livros');
  await dialog(page).getByRole('button', { name: 'Excluir conta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await expect(page.getByRole('link', { name: cash.displayName, exact: true })).toHaveCount(0);
});
