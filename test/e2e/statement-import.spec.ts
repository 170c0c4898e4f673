import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AccountSummary } from '../../electron/shared/models.ts';
import type { TransactionPage } from '../../electron/shared/transactions.ts';
import { expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { invokeFromPage, screenshotsAtEveryWidth, screenshotsEverywhere } from './support/screenshots.ts';
import { transactionRow } from './support/transaction-grid.ts';

/**
 * Issue 19, part 3: importing a statement file. An OFX into a manual account (its closing
 * balance taken as the account's), the same file again (nothing new), a CSV whose columns
 * the user maps, a row that looks like the bank's shown side by side and kept, an import
 * undone, a broken file's line named, and a file dropped on the window.
 */

const fixtures = join(import.meta.dirname, '../fixtures/statements');
const fixture = (name: string) => join(fixtures, name);
const nbsp = '\u00a0';
const reais = (text: string) => `R$${nbsp}${text}`;

const importDialog = (page: Page) => page.getByRole('dialog');
const fileInput = (dialog: Locator) => dialog.locator('input[type="file"]');
const counts = (dialog: Locator) => dialog.getByRole('list', { name: 'O que o arquivo traz' });

async function manualAccount(page: Page, fields: Record<string, unknown> = {}): Promise<AccountSummary> {
  return invokeFromPage<AccountSummary>(page, 'accounts:create-manual', {
    institution: 'Itaú',
    name: 'Conta PJ',
    kind: 'CHECKING_ACCOUNT',
    openingBalanceCents: 0,
    openingBalanceDate: '2026-11-01',
    ...fields,
  });
}

async function openRegister(page: Page, account: AccountSummary): Promise<void> {
  await page.reload();
  await page.getByRole('link', { name: account.displayName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: account.displayName })).toBeVisible();
}

const headingIn = (dialog: Locator, pt: string, en: string) => async (language: string) => {
  await expect(dialog.getByRole('heading', { level: 2, name: language === 'en' ? en : pt })).toBeVisible();
};

test('an Itaú OFX into a manual account: the statement, its balance, the summary; again, nothing new', async ({
  app,
  page,
}) => {
  test.slow();
  await app.open();
  const account = await manualAccount(page);
  await openRegister(page, account);

  // From the register: the account is already chosen, focus goes to the file.
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  const dialog = importDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Importar extrato' })).toBeVisible();
  await expect(dialog.getByLabel('Conta', { exact: true })).toHaveValue(account.id);
  await expect(fileInput(dialog)).toBeFocused();
  await fileInput(dialog).setInputFiles(fixture('itau-extrato-102.ofx'));

  // The statement as the bank wrote it, read in windows-1252.
  const facts = dialog.locator('.import-facts');
  await expect(facts).toContainText('OFX de conta');
  await expect(facts).toContainText('windows-1252');
  await expect(facts).toContainText('0123456789');
  await expect(facts).toContainText('01/11/2026 a 30/11/2026');
  await expect(facts).toContainText(`${reais('3.175,53')} em 30/11/2026`);
  const adopt = dialog.getByRole('checkbox', { name: /Usar o saldo final do extrato como saldo da conta/ });
  await expect(adopt).toBeChecked();
  await expect(counts(dialog).getByRole('listitem').first()).toHaveText('4novas');
  await expect(counts(dialog).getByRole('listitem').nth(1)).toHaveText('0já estão na conta (puladas)');
  const firstRows = dialog.getByRole('region', { name: 'Como as linhas serão lidas' });
  await expect(firstRows.getByRole('row')).toHaveCount(5);
  await expect(firstRows.getByRole('cell', { name: /\d\d\/11\/2026/ }).first()).toBeVisible();
  await expect(firstRows.locator('.import-description', { hasText: /[ÁÉÍÓÚÃÕÇáéíóúãõç]/ }).first()).toBeVisible();
  await screenshotsEverywhere(
    page,
    'statement-import-ofx-preview',
    headingIn(dialog, 'Importar extrato', 'Import statement'),
  );

  await dialog.getByRole('button', { name: 'Importar 4 transações' }).click();
  await expect(dialog.getByRole('heading', { name: 'Extrato importado' })).toBeVisible();
  const figures = dialog.locator('.import-summary-figures');
  await expect(figures.locator('.import-summary-added dd')).toHaveText('4');
  await expect(figures.locator('.import-summary-seen dd')).toHaveText('0');
  await expect(figures.locator('.import-summary-review-skipped dd')).toHaveText('0');
  await expect(figures.locator('.import-summary-kept dd')).toHaveText('0');
  await expect(dialog.getByRole('button', { name: 'Fechar' })).toBeFocused();
  await screenshotsEverywhere(
    page,
    'statement-import-summary',
    headingIn(dialog, 'Extrato importado', 'Statement imported'),
  );
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('4 transações importadas de itau-extrato-102.ofx');
  // The register lists them, and its balance is the bank's closing balance.
  await expect(page.locator('.tx-row .badge-own')).toHaveCount(4);
  await expect(page.locator('.page-subtitle')).toContainText(reais('3.175,53'));

  // The same file again: all of it already in the account, nothing to import.
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  await fileInput(dialog).setInputFiles(fixture('itau-extrato-102.ofx'));
  await expect(counts(dialog).getByRole('listitem').first()).toHaveText('0novas');
  await expect(counts(dialog).getByRole('listitem').nth(1)).toHaveText('4já estão na conta (puladas)');
  await expect(dialog.getByRole('button', { name: 'Nada novo para importar' })).toBeDisabled();
  // Esc closes, and focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Importar extrato…' })).toBeFocused();

  // The undo from the notice after an import: a CSV this time, taken back whole.
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  await fileInput(dialog).setInputFiles(fixture('nubank-conta.csv'));
  await expect(dialog.getByRole('button', { name: 'Importar 4 transações' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Importar 4 transações' }).click();
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('4 transações importadas de nubank-conta.csv');
  await expect(page.locator('.tx-row .badge-own')).toHaveCount(8);
  await toast.getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(toast).toContainText('Importação desfeita');
  await expect(page.locator('.tx-row .badge-own')).toHaveCount(4);

  // The register's imports: the CSV undone, the OFX still undoable from here.
  await page.getByText('Importações (2)').click();
  const history = page.locator('.import-history li');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('nubank-conta.csv');
  await expect(history.first()).toContainText('Desfeita em');
  await expect(history.nth(1)).toContainText('Adicionadas: 4 · puladas: 0');
  await screenshotsAtEveryWidth(page, 'statement-import-history-pt-BR');
  await page.getByRole('button', { name: 'Desfazer a importação de itau-extrato-102.ofx' }).click();
  await expect(history.nth(1)).toContainText('Desfeita em');
  await expect(page.locator('.tx-row .badge-own')).toHaveCount(0);
  await expect(page.locator('.page-subtitle')).toContainText(reais('0,00'));
});

test('a CSV whose columns the user maps, a broken file naming its line, and a file dropped on the window', async ({
  app,
  page,
}) => {
  test.slow();
  await app.open();
  const account = await manualAccount(page, { institution: 'Banco do Brasil', name: 'Conta' });
  await page.reload();

  // From Transações: no account yet, so the dialog starts on it.
  await page.getByRole('link', { name: 'Transações' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  const dialog = importDialog(page);
  await expect(dialog.getByLabel('Conta', { exact: true })).toBeFocused();
  await dialog.getByLabel('Conta', { exact: true }).selectOption(account.id);
  await fileInput(dialog).setInputFiles(fixture('bb-extrato.csv'));

  // The reading proposed: comma-separated, decimal comma, dd/mm/aaaa, windows-1252, with a header.
  const csv = dialog.getByRole('region', { name: 'Como ler o CSV' });
  await expect(csv.getByLabel('Separador')).toHaveValue(',');
  await expect(csv.getByLabel('Decimais')).toHaveValue(',');
  await expect(csv.getByLabel('Formato da data')).toHaveValue('dd/mm/yyyy');
  await expect(csv.getByLabel('Cabeçalho')).toHaveValue('yes');
  await expect(csv.getByLabel('Codificação')).toHaveValue('windows-1252');
  await expect(csv).toContainText('Leitura detectada no arquivo');
  const details = csv.getByRole('combobox', { name: /Coluna 3 Detalhes/ });
  await expect(details).toHaveValue('memo');
  await expect(csv.getByRole('combobox', { name: /Coluna 5 Valor/ })).toHaveValue('amount');
  const firstRows = dialog.getByRole('region', { name: 'Como as linhas serão lidas' });
  const firstRow = firstRows.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Pix - Enviado - 03/11 10:15 João Ninguém');
  await expect(firstRow).toContainText('03/11/2026');
  await expect(firstRow).toContainText(`-${reais('150,00')}`);

  // Read as UTF-8, the accents of this windows-1252 file break, in the columns and in the rows; read back as it is, they mend.
  await csv.getByLabel('Codificação').selectOption('utf-8');
  await expect(firstRow).toContainText('Jo\uFFFDo Ningu\uFFFDm');
  await expect(csv.locator('.import-sample-header')).toContainText('Lan\uFFFDamento');
  await csv.getByLabel('Codificação').selectOption('windows-1252');
  await expect(firstRow).toContainText('João Ninguém');
  await expect(csv.locator('.import-sample-header')).toContainText('Lançamento');

  // "Detalhes" ignored: the description is the Lançamento column alone, read again.
  await details.selectOption('');
  await expect(csv).toContainText('Leitura ajustada por você');
  await expect(firstRow.locator('.import-description')).toHaveText('Pix - Enviado');
  // A mapping without an amount cannot be read: said, and nothing can be imported.
  await csv.getByRole('combobox', { name: /Coluna 5 Valor/ }).selectOption('');
  await expect(csv.getByText('Escolha as colunas de data, descrição e valor')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
  await csv.getByRole('combobox', { name: /Coluna 5 Valor/ }).selectOption('amount');
  await expect(csv.getByText('Escolha as colunas de data, descrição e valor')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Importar 3 transações' })).toBeEnabled();
  await screenshotsEverywhere(
    page,
    'statement-import-csv-mapping',
    headingIn(dialog, 'Importar extrato', 'Import statement'),
  );
  await dialog.getByRole('button', { name: 'Importar 3 transações' }).click();
  await expect(dialog.locator('.import-summary-added dd')).toHaveText('3');
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(transactionRow(page, 'Pix - Enviado')).toHaveCount(1);

  // The mapping is remembered for the account.
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  await dialog.getByLabel('Conta', { exact: true }).selectOption(account.id);
  await fileInput(dialog).setInputFiles(fixture('bb-extrato.csv'));
  await expect(csv).toContainText('Leitura lembrada da última importação nesta conta');
  await expect(csv.getByRole('combobox', { name: /Coluna 3 Detalhes/ })).toHaveValue('');
  await expect(counts(dialog).getByRole('listitem').first()).toHaveText('0novas');

  // A broken file: the line and the text, in plain words; nothing can be imported. The reading stays, to change.
  await fileInput(dialog).setInputFiles(fixture('com-data-invalida.csv'));
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('Linha 5: “31/11/2026” não é uma data.');
  await expect(problem).toContainText('Nada foi importado. Ajuste a leitura abaixo');
  await expect(csv.getByLabel('Formato da data')).toHaveValue('dd/mm/yyyy');
  await expect(csv.locator('.import-sample tbody tr').last()).toContainText('31/11/2026');
  await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
  // No other date format reads it either: still said, naming the line.
  await csv.getByLabel('Formato da data').selectOption('dd-mm-yyyy');
  await expect(problem).toContainText('Linha 2: “01/11/2026” não é uma data.');
  await csv.getByLabel('Formato da data').selectOption('dd/mm/yyyy');
  await expect(problem).toContainText('Linha 5: “31/11/2026” não é uma data.');
  await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
  await fileInput(dialog).setInputFiles(fixture('pagina-de-login.ofx'));
  await expect(problem).toContainText('Este arquivo não é um extrato OFX');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A file dropped anywhere on the window opens the import with it; on the register, on that account.
  await page.getByRole('link', { name: 'Contas' }).click();
  await page.getByRole('link', { name: account.displayName, exact: true }).click();
  const bytes = readFileSync(fixture('itau-extrato.csv')).toString('base64');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], 'itau-extrato.csv', { type: 'text/csv' }));
    return transfer;
  }, bytes);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.locator('.import-drop-overlay')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(dialog.getByRole('heading', { name: 'Importar extrato' })).toBeVisible();
  await expect(dialog.getByLabel('Conta', { exact: true })).toHaveValue(account.id);
  await expect(dialog).toContainText('itau-extrato.csv');
  await expect(
    dialog.getByRole('region', { name: 'Como as linhas serão lidas' }).getByText('PAGAMENTO DE TÍTULO'),
  ).toBeVisible();
  await expect(page.locator('.import-drop-overlay')).toHaveCount(0);
});

test('a CSV that does not read as proposed: the error, the reading split as tried, fixed on the spot', async ({
  app,
  page,
}) => {
  test.slow();
  await app.open();
  const account = await manualAccount(page);
  await openRegister(page, account);
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  const dialog = importDialog(page);
  await fileInput(dialog).setInputFiles(fixture('com-titulo-na-primeira-linha.csv'));

  // The bank's title line is taken for the header, so the real header is a row without a date.
  const problem = dialog.locator('.import-problem');
  await expect(problem).toContainText('Linha 2: “Data” não é uma data.');
  await expect(problem).toContainText('Ajuste a leitura abaixo');
  const csv = dialog.getByRole('region', { name: 'Como ler o CSV' });
  const firstLine = csv.getByLabel('Começa na linha');
  await expect(firstLine).toHaveValue('1');
  const header = csv.locator('.import-sample-header');
  await expect(header).toContainText('Extrato de conta corrente');
  const sampleRows = csv.locator('.import-sample tbody tr');
  await expect(sampleRows.first()).toContainText('Histórico');
  await expect(counts(dialog)).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
  await screenshotsEverywhere(page, 'statement-import-csv-problem', async (language) => {
    await expect(problem).toContainText(language === 'en' ? 'Line 2' : 'Linha 2');
  });

  // The table starts on line 2: the header and rows above the columns move with it, and it reads.
  await firstLine.fill('2');
  await expect(problem).toHaveCount(0);
  await expect(header).toContainText('Histórico');
  await expect(sampleRows.first()).toContainText('PIX RECEBIDO CLIENTE ACME');
  await expect(sampleRows.first().locator('td').first()).toHaveText('3');
  await expect(counts(dialog).getByRole('listitem').first()).toHaveText('3novas');

  // Another separator splits the table otherwise, at once: the amount column is gone, and said so.
  await csv.getByLabel('Separador').selectOption(',');
  await expect(problem).toContainText('As colunas escolhidas não estão no arquivo');
  // The amount stays on the third column, now empty: there to be seen and moved.
  await expect(sampleRows.first().locator('td')).toHaveText([
    '3',
    '03/11/2026;PIX RECEBIDO CLIENTE ACME;1.500',
    '00',
    '',
  ]);
  await expect(csv.getByRole('combobox', { name: /^Coluna 3/ })).toHaveValue('amount');
  await screenshotsEverywhere(page, 'statement-import-csv-separator', async (language) => {
    await expect(problem).toContainText(language === 'en' ? 'The chosen columns' : 'As colunas escolhidas');
  });
  await csv.getByLabel('Separador').selectOption(';');
  await expect(problem).toHaveCount(0);
  await expect(sampleRows.first().locator('td')).toHaveText([
    '3',
    '03/11/2026',
    'PIX RECEBIDO CLIENTE ACME',
    '1.500,00',
  ]);
  await screenshotsEverywhere(
    page,
    'statement-import-csv-fixed',
    headingIn(dialog, 'Importar extrato', 'Import statement'),
  );
  await dialog.getByRole('button', { name: 'Importar 3 transações' }).click();
  await expect(dialog.locator('.import-summary-added dd')).toHaveText('3');
});

test("a CSV row that looks like the bank's: side by side, skipped unless kept; the import undone", async ({
  app,
  page,
}) => {
  test.slow();
  await linkSyncedSandboxBank(app, page);
  const [bank] = await invokeFromPage<AccountSummary[]>(page, 'accounts:list');
  if (!bank) throw new Error('the sandbox bank has accounts');
  const rows = await invokeFromPage<TransactionPage>(page, 'transactions:list', {
    filters: { accountIds: [bank.id] },
    limit: 50,
  });
  const held = rows.rows.find((row) => !row.pending && row.accountAmountCents === row.amountCents);
  if (!held) throw new Error('the bank sent rows');
  const [year, month, day] = held.date.split('-');
  const amount = (Math.abs(held.amountCents) / 100).toFixed(2).replace('.', ',');
  const sign = held.amountCents < 0 ? '-' : '';
  const text = [
    'Data;Descrição;Valor',
    `${day}/${month}/${year};${held.description};${sign}${amount}`,
    `${day}/${month}/${year};Compra nova que o banco não tem;-12,34`,
    '',
  ].join('\n');

  await page.getByRole('link', { name: 'Transações' }).click();
  await page.getByRole('button', { name: 'Importar extrato…' }).click();
  const dialog = importDialog(page);
  await dialog.getByLabel('Conta', { exact: true }).selectOption(bank.id);
  await fileInput(dialog).setInputFiles({ name: 'extrato.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  const review = dialog.getByRole('region', { name: '1 linha parecida com uma que a conta já tem' });
  const item = review.getByRole('listitem', { name: 'Linha 2 do arquivo' });
  await expect(item).toContainText('No arquivo · linha 2');
  await expect(item).toContainText('Já na conta do banco');
  await expect(item.locator('.import-review-side').first()).toContainText(held.description);
  await expect(item.locator('.import-review-existing')).toContainText(held.description);
  await expect(item.locator('.import-review-existing')).toContainText(`${day}/${month}/${year}`);
  const keep = item.getByRole('checkbox', { name: 'Manter mesmo assim' });
  await expect(keep).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Importar 1 transação' })).toBeEnabled();
  await screenshotsEverywhere(
    page,
    'statement-import-review',
    headingIn(dialog, 'Importar extrato', 'Import statement'),
  );

  await keep.check();
  await dialog.getByRole('button', { name: 'Importar 2 transações' }).click();
  await expect(dialog.locator('.import-summary-added dd')).toHaveText('2');
  await expect(dialog.locator('.import-summary-kept dd')).toHaveText('1');
  await expect(dialog.locator('.import-summary-seen dd')).toHaveText('0');
  await expect(dialog.locator('.import-summary-review-skipped dd')).toHaveText('0');
  await expect(transactionRow(page, 'Compra nova que o banco não tem')).toHaveCount(1);

  // Desfazer importação, from the summary: both rows go, the bank's stays.
  await dialog.getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(dialog).toContainText('Importação desfeita: as 2 transações adicionadas saíram da conta.');
  await expect(transactionRow(page, 'Compra nova que o banco não tem')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toBeHidden();
  // Undone: no notice offers it again.
  await expect(page.locator('.toast')).toHaveCount(0);
});
