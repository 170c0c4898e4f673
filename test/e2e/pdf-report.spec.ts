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
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import { generateBookRows, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { invokeFromPage, screenshotsEverywhere, useLanguage } from './support/screenshots.ts';

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

/** Each page's text, as laid out, without the footer Chromium prints on every page ("Balancete … Página 2 de 5"). */
function pageTexts(path: string): string[] {
  const { pages } = pdfInfo(path);
  return Array.from({ length: pages }, (_, index) =>
    execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), path, '-'], {
      encoding: 'utf8',
    })
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .filter((line) => !/^\s*Balancete\s+(Página|Page) \d+ (de|of) \d+\s*$/.test(line))
      .join('\n'),
  );
}

/** A table's total row: "Total" then figures (a DRE section's "Total de Receitas" is the section's own line). */
const totalRow = /^\s*Total(\s{2,}|\s*$)/;

test('totals print once and no page is blank, for a month, a quarter, a year, and years, business only or not', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const accounts = seedReportBooks(app.database.db);
  writeBookRows(app.database.db, [
    ...generateBookRows({ count: 4000, seed: 5, ...accounts }),
    // Categories that share a name, Balancete's and Pluggy's "Office supplies" (in English) and
    // "Impostos", in a month of their own: the other periods' layouts stay as they were found.
    ...[presetCategoryId('office-supplies'), '08080000', presetCategoryId('taxes'), '15000000'].map(
      (categoryId, index) => ({
        id: `alike-${index}`,
        accountId: accounts.checking,
        date: `2020-03-1${index}`,
        amountCents: -(10_000 + index),
        user: { categoryId, usage: 'business' as const },
      }),
    ),
  ]);
  await app.open('/reports');
  // 2025-09 to 2026-12 is the length whose business-only report once left page 3 blank (the
  // dashboard's last cards ended at a page's foot; their grid's margin made a page of its own).
  const periods = [
    { from: '2026-03-01', to: '2026-03-31' },
    { from: '2026-01-01', to: '2026-03-31' },
    { from: '2025-01-01', to: '2025-12-31' },
    { from: '2025-09-01', to: '2026-12-31' },
    { from: '2021-01-01', to: '2026-12-31' },
  ];
  for (const period of periods) {
    for (const businessOnly of [false, true]) {
      const query = { ...period, ...(businessOnly ? { businessOnly } : {}) };
      const { path } = await invokeFromPage<ExportResult>(page, 'exports:pdf', { query });
      const pages = pageTexts(path);
      const which = `${period.from} to ${period.to}${businessOnly ? ', business only' : ''}`;
      for (const [index, text] of pages.entries()) expect(text.trim(), `page ${index + 1}, ${which}`).not.toBe('');
      // The livro-caixa's total and the cash flow's, once each, at their tables' ends.
      const lines = pages.flatMap((text) => text.split('\n')).filter((line) => line.trim() !== '');
      const totals = lines.flatMap((line, index) => (totalRow.test(line) ? [index] : []));
      expect(totals, which).toHaveLength(2);
      const lastMonth = formatShortMonth(period.to.slice(0, 7), 'pt-BR');
      expect(lines[(totals[0] ?? 0) - 1]?.trim().startsWith(lastMonth), which).toBe(true);
      if (period.from === '2021-01-01') {
        // Six years of livro-caixa (72 months) run over pages: its total is at the end only.
        const monthPages = pages.filter((text) => /^\s*[a-z]{3}\/\d{2}\s/m.test(text));
        expect(monthPages.length, which).toBeGreaterThan(1);
        if (businessOnly) renderPages(path, 'pdf-report-years-business');
      }
    }
  }

  // In English, a category whose name another shares goes by its parent's too, as in the other files.
  await useLanguage(page, 'en');
  const { path } = await invokeFromPage<ExportResult>(page, 'exports:pdf', {
    query: { from: '2020-03-01', to: '2020-03-31', businessOnly: true },
  });
  const text = pdfText(path);
  renderPages(path, 'pdf-report-month-business-en');
  for (const label of [
    'Deductible expenses (livro-caixa) › Office supplies',
    'Shopping › Office supplies',
    'Taxes (Pluggy)',
  ]) {
    expect(text).toContain(label);
  }
  const pages = pageTexts(path);
  for (const [index, each] of pages.entries()) expect(each.trim(), `page ${index + 1} in English`).not.toBe('');
  expect(pages.flatMap((each) => each.split('\n')).filter((line) => totalRow.test(line))).toHaveLength(2);

  // The Relatórios screen names the DRE's lines the same way.
  await app.open('/reports?from=2020-03-01&to=2020-03-31&business=1&tab=profit-and-loss');
  await screenshotsEverywhere(page, 'reports-dre-names-alike', async (language) => {
    const [office, pluggyOffice, taxes] =
      language === 'en'
        ? ['Deductible expenses (livro-caixa) › Office supplies', 'Shopping › Office supplies', 'Taxes (Pluggy)']
        : ['Despesas dedutíveis (livro-caixa) › Material de escritório', 'Compras › Papelaria', 'Impostos (Pluggy)'];
    for (const label of [office, pluggyOffice, taxes]) {
      await expect(page.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
    }
  });
});
