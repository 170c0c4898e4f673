import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';

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
  workbook.getWorksheet('Transações')?.eachRow((row, number) => {
    if (number > 1) amounts.push(row.getCell(6).value as number);
  });
  expect(amounts).toEqual([-234.1, 5000, -12.5]);

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
