import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import { bookkeepingDate, formatDate, formatMoney } from '../../electron/shared/format.ts';
import type { Language } from '../../electron/shared/models.ts';
import type { ReportQuery } from '../../electron/shared/reports.ts';
import { formatShortMonth } from '../../renderer/src/features/reports/chart-format.ts';
import { presetRange } from '../../renderer/src/features/reports/report-view.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';

/**
 * The PDF report (issue 8), printed the way the app prints it: the report page in a page of
 * its own, through the real handlers, by Chromium's PDF printer (the app's printToPDF is
 * the same printer). Read back with poppler (`pdfinfo`, `pdftotext`), its figures are
 * checked against the reports' query layer; its pages are rendered to PNG for review.
 */

const shots = 'test-results/screenshots';

/** Exports the PDF from the Reports screen's dialog; resolves to the saved file and the query it printed. */
async function exportPdf(app: AppFixture, page: Page, words: { open: string; save: string; saved: RegExp }) {
  await page.getByRole('button', { name: words.open }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: /PDF/ })).toBeChecked();
  await page.screenshot({ path: `${shots}/pdf-export-dialog.png` });
  await dialog.getByRole('button', { name: words.save }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText(words.saved, { timeout: 30_000 });
  const path = words.saved.exec((await status.textContent()) ?? '')?.[1];
  if (!path) throw new Error('no path shown');
  const call = app.ipc.findLast((each) => each.channel === 'exports:pdf');
  const query = (call?.input as { query: ReportQuery } | undefined)?.query;
  if (!query) throw new Error('no exports:pdf call');
  return { path, query };
}

/** The PDF's text as laid out on the page, with no-break spaces as plain ones (R$ 1.234,56). */
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');

function pdfInfo(path: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '',
  };
}

/** Every page as a PNG for review. */
function renderPages(path: string, name: string): void {
  mkdirSync(shots, { recursive: true });
  // An earlier, longer report's pages would linger beside this one's.
  for (const stale of readdirSync(shots).filter((file) => file.startsWith(`${name}-`))) rmSync(join(shots, stale));
  execFileSync('pdftoppm', ['-png', '-r', '70', path, join(shots, name)]);
}

/** The P&L and livro-caixa figures the PDF must show, from the query layer, written as the report writes money. */
function expectedFigures(app: AppFixture, query: ReportQuery, language: Language) {
  const money = (cents: number) => formatMoney(cents, language).replace(/\u00a0/g, ' ');
  const report = profitAndLoss(app.database.sqlite, query);
  const book = livroCaixa(app.database.sqlite, query);
  return {
    sectionTotals: report.sections.map((section) => money(section.totalCents)),
    result: money(report.netCents),
    monthlyBases: book.months.map((month) => money(month.taxableBaseCents)),
    taxableBase: money(book.totals.taxableBaseCents),
  };
}

test("the report of the sandbox bank's year: holder from the bank, A4, totals tying out to the reports", async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkSyncedSandboxBank(app, page);
  // The default period, the last 12 months: the sandbox's data is dated relative to today.
  await app.open('/reports');
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  const dialogOwner = page.getByText('O relatório sai em nome de John Doe');
  const { path, query } = await exportPdf(app, page, {
    open: 'Exportar…',
    save: 'Escolher onde salvar…',
    saved: /Relatório salvo em (.+balancete-relatorio-\d{4}-\d{2}-01-a-\d{4}-\d{2}-\d{2}\.pdf)\./,
  });
  await expect(dialogOwner).toBeVisible();
  expect(query).toEqual(presetRange('last-12', bookkeepingDate(new Date())));

  const info = pdfInfo(path);
  // Chromium sizes the sheet in whole device pixels; pdfinfo names the paper within its tolerance.
  expect(info.size).toMatch(/ pts \(A4\)$/);
  expect(info.pages).toBeGreaterThanOrEqual(3);
  const text = pdfText(path);
  renderPages(path, 'pdf-report-pt');
  for (const heading of ['Relatório contábil', 'Resumo do período', 'DRE — Demonstração do resultado']) {
    expect(text).toContain(heading);
  }
  expect(text).toMatch(/Titular\s+CPF/i);
  expect(text).toMatch(/John Doe\s+761\.092\.776-73/);
  expect(text).toContain(`${formatDate(query.from)} a ${formatDate(query.to)}`);
  expect(text).toContain(`Página 1 de ${info.pages}`);
  expect(text).toContain(`Página ${info.pages} de ${info.pages}`);
  // The charts were drawn: their titles, legends and month ticks are text in the PDF.
  for (const chart of ['Receitas e despesas por mês', 'Gastos por categoria', 'Saldo ao longo do tempo']) {
    expect(text).toContain(chart);
  }
  expect(text).toContain(formatShortMonth(query.from.slice(0, 7), 'pt-BR'));

  const figures = expectedFigures(app, query, 'pt-BR');
  expect(figures.sectionTotals.length).toBeGreaterThan(2);
  for (const total of figures.sectionTotals) expect(text).toContain(total);
  expect(text).toContain(figures.result);
  for (const base of figures.monthlyBases) expect(text).toContain(base);
  expect(text).toContain(figures.taxableBase);
});

test('in English, with the holder set in Settings (a CNPJ checked by its digits)', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkSyncedSandboxBank(app, page);
  await app.open('/settings');
  await page.getByLabel('Idioma').selectOption('en');
  const section = page.getByRole('region', { name: 'Holder on reports' });
  await expect(section.getByText('Pluggy Bank · John Doe · 761.092.776-73')).toBeVisible();
  await section.getByLabel('Name or company name').fill('Estúdio Mosaico Design Ltda');
  const number = section.getByLabel('CPF or CNPJ');
  await number.fill('45997418000154');
  await expect(section.getByText('This number is neither a valid CPF nor a valid CNPJ')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Save holder' })).toBeDisabled();
  await number.fill('45997418000153');
  await number.press('Tab');
  await expect(number).toHaveValue('45.997.418/0001-53');
  await section.getByRole('button', { name: 'Save holder' }).click();
  await expect(section.getByRole('status')).toHaveText('Holder saved. The next reports carry it.');
  await page.screenshot({ path: `${shots}/settings-report-owner.png`, fullPage: true });

  const lastMonth = presetRange('last-month', bookkeepingDate(new Date()));
  await app.open(`/reports?from=${lastMonth.from}&to=${lastMonth.to}`);
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  const { path, query } = await exportPdf(app, page, {
    open: 'Export…',
    save: 'Choose where to save…',
    saved: new RegExp(`Report saved to (.+balancete-report-${lastMonth.from}-to-${lastMonth.to}\\.pdf)\\.`),
  });
  const text = pdfText(path);
  renderPages(path, 'pdf-report-en');
  expect(text).toContain('Accounting report');
  expect(text).toMatch(/Estúdio Mosaico Design Ltda\s+45\.997\.418\/0001-53/);
  expect(text).not.toContain('John Doe');
  expect(query).toEqual(lastMonth);
  expect(text).toContain(`${formatDate(lastMonth.from)} to ${formatDate(lastMonth.to)}`);
  expect(text).toMatch(/Page 1 of \d+/);
  const figures = expectedFigures(app, query, 'en');
  for (const total of figures.sectionTotals) expect(text).toContain(total);
  expect(text).toContain(figures.result);
  for (const base of figures.monthlyBases) expect(text).toContain(base);
});

test('an empty period prints as such: the header, a plain sentence instead of empty charts, the zero livro-caixa', async ({
  app,
  page,
}) => {
  await app.open('/reports?from=2001-01-01&to=2001-03-31');
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  const { path } = await exportPdf(app, page, {
    open: 'Exportar…',
    save: 'Escolher onde salvar…',
    saved: /Relatório salvo em (.+\.pdf)\./,
  });
  await expect(page.getByRole('dialog').getByText(/Falta o nome ou o CPF\/CNPJ/)).toBeVisible();
  const text = pdfText(path);
  expect(text).toContain('Nenhuma receita ou despesa no período.');
  expect(text).not.toContain('Receitas e despesas por mês');
  expect(text).toMatch(/Titular\s+CPF\/CNPJ/i);
  expect(text).toContain('Não informado (preencha em Configurações)');
  for (const month of ['jan/01', 'fev/01', 'mar/01']) expect(text).toContain(month);
});
