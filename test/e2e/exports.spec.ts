import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseSync as parseOfx } from 'ofx-js';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';

/**
 * Exports from the Transactions screen (issue 8): the dialog, the save location main's
 * dialog picks (here the test's folder, through the same dependency), progress, and the
 * file's contents against what the screen shows.
 */

test('the screen exports what it shows, as XLSX and as pt-BR CSV, and says where it saved', async ({ app, page }) => {
  const { checking } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'e1', accountId: checking, date: '2026-11-18', description: 'CAFÉ SÃO JOSÉ', amountCents: -1250 },
    { id: 'e2', accountId: checking, date: '2026-11-17', description: '=HYPERLINK("x")', amountCents: 500000 },
    { id: 'e3', accountId: checking, date: '2026-10-05', description: 'ENEL ENERGIA', amountCents: -23410 },
  ]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/transactions');
  await expect(page.getByRole('grid').locator('.tx-description')).toHaveCount(3);

  await page.getByRole('button', { name: 'Exportar…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar transações' });
  await dialog.getByRole('radio', { name: /Planilha do Excel/ }).check();
  // No filter the DRE cannot follow: nothing to warn about.
  await expect(dialog.getByRole('note')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/export-dialog.png' });
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  const saved = dialog.getByRole('status');
  await expect(saved).toContainText(/3 transações salvas em .+\.xlsx\./);
  const xlsx = /salvas em (.+\.xlsx)\./.exec((await saved.textContent()) ?? '')?.[1];
  if (!xlsx) throw new Error('no path shown');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Transações', 'DRE', 'Livro-caixa']);
  const amounts: number[] = [];
  const accounts = new Set<string>();
  workbook.getWorksheet('Transações')?.eachRow((row, number) => {
    if (number === 1) return;
    amounts.push(row.getCell(7).value as number);
    accounts.add(`${row.getCell(4).text} | ${row.getCell(5).text}`);
  });
  expect(amounts).toEqual([-234.1, 5000, -12.5]);
  // The account's bank, and the account as the screens name it.
  expect([...accounts]).toEqual(['Nubank | Nubank · Conta Corrente ·· 2345-0']);

  await dialog.getByRole('radio', { name: /CSV para Excel em português/ }).check();
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  await expect(saved).toContainText(/\.csv\./);
  const csv = /salvas em (.+\.csv)\./.exec((await saved.textContent()) ?? '')?.[1];
  if (!csv) throw new Error('no path shown');
  const text = readFileSync(csv, 'utf8');
  expect(text.startsWith('\uFEFFData;Descrição')).toBe(true);
  expect(text).toContain(`17/11/2026;"'=HYPERLINK(""x"")"`);
  expect(text).toContain(';5000,00;');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Relatórios exports the period on screen as the workbook too', async ({ app, page }) => {
  const { checking } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'r1', accountId: checking, date: '2026-03-10', description: 'PIX RECEBIDO CLIENTE', amountCents: 300000 },
    { id: 'r2', accountId: checking, date: '2026-03-12', description: 'ENEL ENERGIA', amountCents: -23410 },
    { id: 'r3', accountId: checking, date: '2026-05-02', description: 'FORA DO PERÍODO', amountCents: -999 },
  ]);
  await app.open('/reports?from=2026-03-01&to=2026-03-31');
  await page.getByRole('button', { name: 'Exportar…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar relatório do período' });
  // The report is offered first here (see pdf-report.spec.ts); the workbook is one choice away.
  await expect(dialog.getByRole('radio', { name: /Relatório em PDF/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Planilha do Excel/ }).check();
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  const saved = dialog.getByRole('status');
  await expect(saved).toContainText(/2 transações salvas em .+balancete-livros-2026-03-01-a-2026-03-31\.xlsx\./);
  const path = /salvas em (.+\.xlsx)\./.exec((await saved.textContent()) ?? '')?.[1];
  if (!path) throw new Error('no path shown');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.getWorksheet('Transações')?.rowCount).toBe(3);
  expect(workbook.getWorksheet('Livro-caixa')?.getRow(2).getCell(1).value).toEqual(
    new Date('2026-03-01T00:00:00.000Z'),
  );
});

test("an account's OFX statement, from the account picked in the dialog, read back by an OFX parser", async ({
  app,
  page,
}) => {
  const { checking, card } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'o1', accountId: checking, date: '2026-11-03', description: 'PIX RECEBIDO ACME', amountCents: 420000 },
    { id: 'o2', accountId: checking, date: '2026-11-04', description: 'ALUGUEL & CONDOMÍNIO', amountCents: -180000 },
    {
      id: 'o3',
      accountId: checking,
      date: '2026-11-05',
      description: 'AINDA PENDENTE',
      amountCents: -999,
      status: 'PENDING',
    },
    { id: 'o4', accountId: card, date: '2026-11-04', description: 'OUTRA CONTA', amountCents: -5000 },
  ]);
  await app.open('/transactions?period=custom&from=2026-11-01&to=2026-11-30');
  await page.getByRole('button', { name: 'Exportar…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar transações' });
  await dialog.getByRole('radio', { name: /OFX/ }).check();
  await dialog.getByLabel('Conta', { exact: true }).selectOption(checking);
  // A statement is the account's whole period, so that its balance adds up: the dialog says so.
  await screenshotsEverywhere(page, 'export-dialog-ofx', async (language) => {
    await expect(
      page
        .getByRole('dialog')
        .getByText(language === 'en' ? /every posted transaction of the account/ : /todas as transações efetivadas/),
    ).toBeVisible();
  });
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  const saved = dialog.getByRole('status');
  await expect(saved).toContainText(
    // Named as the screens name the account: its bank, its name and its number's end.
    /2 transações salvas em .+balancete-extrato-nubank-conta-corrente-2345-0-2026-11-01-a-2026-11-30\.ofx\./,
  );
  const path = /salvas em (.+\.ofx)\./.exec((await saved.textContent()) ?? '')?.[1];
  if (!path) throw new Error('no path shown');
  // OFX 1.0.2 is SGML in Latin-1, as Brazilian banks' statements are.
  const text = readFileSync(path, 'latin1');
  expect(text).toMatch(/^OFXHEADER:100\r?\nDATA:OFXSGML/);
  const statement = (
    parseOfx(text).OFX as {
      BANKMSGSRSV1: {
        STMTTRNRS: {
          STMTRS: {
            BANKTRANLIST: {
              DTSTART: string;
              DTEND: string;
              STMTTRN: { FITID: string; TRNAMT: string; MEMO?: string; NAME?: string }[];
            };
          };
        };
      };
    }
  ).BANKMSGSRSV1.STMTTRNRS.STMTRS.BANKTRANLIST;
  expect(statement.DTSTART.startsWith('20261101')).toBe(true);
  expect(statement.DTEND.startsWith('20261130')).toBe(true);
  // Posted rows of the chosen account only, by Pluggy id, with their signs.
  expect(statement.STMTTRN.map((row) => [row.FITID, Number(row.TRNAMT)])).toEqual([
    ['o1', 4200],
    ['o2', -1800],
  ]);
  // Text is escaped for SGML and written in Latin-1: accents survive.
  expect(text).toContain('ALUGUEL &amp; CONDOMÍNIO');
});

test('the workbook dialog says when a filter reaches the Transações sheet only', async ({ app, page }) => {
  const { checking } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'n1', accountId: checking, date: '2026-11-03', description: 'ENEL ENERGIA', amountCents: -23410 },
  ]);
  await app.open('/transactions?q=ENEL');
  await page.getByRole('button', { name: 'Exportar…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar transações' });
  await dialog.getByRole('radio', { name: /Planilha do Excel/ }).check();
  await expect(dialog.getByRole('note')).toContainText('só a aba Transações os segue');
  await dialog.getByRole('radio', { name: /CSV para Excel em português/ }).check();
  await expect(dialog.getByRole('note')).toHaveCount(0);
});
