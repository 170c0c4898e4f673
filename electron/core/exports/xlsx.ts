import ExcelJS from 'exceljs';
import { lastDayOfMonth } from '../../shared/calendar-day.ts';
import type { Language } from '../../shared/models.ts';
import type { LivroCaixa, ProfitAndLoss, ReportSection } from '../../shared/reports.ts';
import type { ExportPage } from '../books/export-rows.ts';
import { formulaSafe } from './formula-safety.ts';
import { ooxmlText } from './ooxml-text.ts';
import { type TransactionWords, transactionWords } from './transaction-words.ts';
import { nameFilterRanges, type SheetFilter } from './xlsx-filter-names.ts';

/**
 * The accountant's workbook (issue 8): the transactions, the P&L (DRE) and the livro-caixa
 * of one period, as typed cells: dates are dates and money is numbers with a BRL format, so
 * the accountant's sums and filters work; each sheet has a frozen header, readable widths,
 * and an autofilter over its table (the header and the rows of figures under it) that
 * Excel and LibreOffice both show (xlsx-filter-names.ts). Written as a stream (exceljs' WorkbookWriter), a page of rows at a time:
 * 100k transactions never sit in memory as cells. User text is neutralised against formula
 * injection as in the CSV (a string cell is inert, but one edited and confirmed in Excel
 * would run), and comes back exactly as written, a CR included (ooxml-text.ts).
 */

interface Words extends TransactionWords {
  sheets: { transactions: string; profitAndLoss: string; livroCaixa: string };
  profitAndLossHeader: readonly [string, string];
  sections: Record<ReportSection, string>;
  uncategorized: string;
  income: string;
  expenses: string;
  net: string;
  notCounted: string;
  livroCaixaHeader: readonly string[];
  total: string;
  dateFormat: string;
  monthFormat: string;
  /** The note under a report sheet: what it covers, as the workbook writes days. */
  covers: (kind: 'period' | 'wholeMonths', from: string, to: string, businessOnly: boolean) => string;
  /** Its second line when the export names some accounts: which, by their full names. */
  accounts: (names: string) => string;
}

const words: Record<Language, Words> = {
  'pt-BR': {
    ...transactionWords['pt-BR'],
    sheets: { transactions: 'Transações', profitAndLoss: 'DRE', livroCaixa: 'Livro-caixa' },
    profitAndLossHeader: ['Categoria', 'Valor'],
    sections: {
      income: 'Receitas',
      unclassified_income: 'Entradas sem categoria',
      deductible_expense: 'Despesas dedutíveis',
      nondeductible_expense: 'Despesas não dedutíveis',
      tax: 'Impostos',
      unclassified_expense: 'Saídas sem categoria',
      transfer: 'Transferências entre contas (não contam)',
      investment: 'Investimentos (não contam)',
    },
    uncategorized: 'Sem categoria',
    income: 'Total de receitas',
    expenses: 'Total de despesas',
    net: 'Resultado',
    notCounted: 'Movimentado sem contar (transferências e investimentos)',
    livroCaixaHeader: [
      'Mês',
      'Receitas',
      'Despesas dedutíveis pagas',
      'Dedução trazida',
      'Dedução usada',
      'Dedução levada',
      'Dedução perdida',
      'Base tributável',
    ],
    total: 'Total',
    dateFormat: 'dd/mm/yyyy',
    monthFormat: 'mm/yyyy',
    covers: (kind, from, to, businessOnly) => {
      const day = (iso: string) => iso.split('-').reverse().join('/');
      return `${kind === 'period' ? 'Período' : 'Meses inteiros'}: ${day(from)} a ${day(to)} · Movimentos: ${
        businessOnly ? 'só os de empresa' : 'todos (empresa e pessoais)'
      }`;
    },
    accounts: (names) => `Contas: ${names}`,
  },
  en: {
    ...transactionWords.en,
    sheets: { transactions: 'Transactions', profitAndLoss: 'P&L', livroCaixa: 'Livro-caixa' },
    profitAndLossHeader: ['Category', 'Amount'],
    sections: {
      income: 'Income',
      unclassified_income: 'Uncategorized money in',
      deductible_expense: 'Deductible expenses',
      nondeductible_expense: 'Non-deductible expenses',
      tax: 'Taxes',
      unclassified_expense: 'Uncategorized money out',
      transfer: 'Transfers between accounts (not counted)',
      investment: 'Investments (not counted)',
    },
    uncategorized: 'Uncategorized',
    income: 'Total income',
    expenses: 'Total expenses',
    net: 'Net',
    notCounted: 'Moved without counting (transfers and investments)',
    livroCaixaHeader: [
      'Month',
      'Income',
      'Deductible expenses paid',
      'Deduction brought in',
      'Deduction used',
      'Deduction carried',
      'Deduction lapsed',
      'Taxable base',
    ],
    total: 'Total',
    dateFormat: 'yyyy-mm-dd',
    monthFormat: 'yyyy-mm',
    covers: (kind, from, to, businessOnly) =>
      `${kind === 'period' ? 'Period' : 'Whole months'}: ${from} to ${to} · Movements: ${
        businessOnly ? 'business only' : 'all (business and personal)'
      }`,
    accounts: (names) => `Accounts: ${names}`,
  },
};

/** Reais with the symbol, negatives in red: what a Brazilian accountant's sheet shows. */
export const moneyFormat = '"R$" #,##0.00;[Red]-"R$" #,##0.00';
/** An amount in another currency than the real: a plain number, its currency in the next column. */
export const foreignMoneyFormat = '#,##0.00;[Red]-#,##0.00';
const foreignMoney: Partial<ExcelJS.Style> = { numFmt: foreignMoneyFormat };
/** Where the Transações sheet's amount is (1-based): after date, description, counterparty, bank, account and category. */
const amountColumn = 7;
const transactionWidths = [12, 40, 28, 18, 40, 24, 16, 8, 11, 10, 10, 20, 32, 38, 10];

export interface WorkbookContent {
  language: Language;
  /** The transactions in date order, a page at a time (exportPages, export-rows.ts). */
  pages: AsyncIterable<ExportPage>;
  /** A category's label, unique among the categories (category-labels.ts), for the rows and the DRE. */
  categoryName: (id: string) => string | undefined;
  profitAndLoss: ProfitAndLoss;
  livroCaixa: LivroCaixa;
  /**
   * The accounts the report sheets cover, by their full names, when the export names some
   * (account-labels.ts); left out, they cover every account.
   */
  accounts?: readonly string[];
  /** After each page of transactions: rows written so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

/** Writes the workbook to `path`; resolves with how many transactions it holds. */
export async function writeWorkbook(path: string, content: WorkbookContent): Promise<number> {
  const text = words[content.language];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
    // Deflate's fastest level: a third of the default's time on the sheet's ~400 bytes of
    // XML a row, for a file about a quarter larger (4.9 MB rather than 3.9 for 100k rows).
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Balancete';
  const filters: SheetFilter[] = [];
  nameFilterRanges(workbook, filters);
  const rows = await transactionsSheet(workbook, text, content, filters);
  const scope = content.accounts?.length ? [text.accounts(formulaSafe(content.accounts.join(', ')))] : [];
  profitAndLossSheet(workbook, text, content, scope, filters);
  livroCaixaSheet(workbook, text, content.livroCaixa, scope, filters);
  await workbook.commit();
  return rows;
}

/**
 * Text as a cell holds it exactly. exceljs writes a plain string as a <v>, where readers
 * neither decode OOXML's escapes (LibreOffice) nor keep blanks at the ends; text that needs
 * either (a CR or another control character: ooxml-text.ts; a leading or trailing blank, a
 * line break) goes as an inline string, <is><t xml:space="preserve">, where they do. A rich
 * text of one unformatted run is how exceljs writes one; as it costs a fifth more time over
 * a workbook of 100k rows, the rest stays plain.
 */
const inlineText = (text: string): string | ExcelJS.CellRichTextValue => {
  const escaped = ooxmlText(text);
  return escaped === text && !/^\s|\s$|\n/.test(text) ? text : { richText: [{ text: escaped }] };
};
/** User text: inert to formulas, written to come back exactly; none for an empty field. */
const userText = (value: string | null) => (value === null || value === '' ? null : inlineText(formulaSafe(value)));
/**
 * A bookkeeping date as the spreadsheet's date (midnight UTC: Excel dates have no zone).
 * Rows share the few thousand dates there are: each is parsed once, and its Date object is
 * only read by the writer.
 */
const dates = new Map<string, Date>();
const dateCell = (iso: string) => {
  let date = dates.get(iso);
  if (date === undefined) {
    date = new Date(`${iso}T00:00:00.000Z`);
    dates.set(iso, date);
  }
  return date;
};
const money = (cents: number) => cents / 100;

/**
 * A sheet with its columns' widths and formats and a bold, frozen header (its autofilter
 * comes with its last row: `filterTable`). The columns go in before the header row: the
 * streaming writer writes the sheet's <cols> (the widths) when the first row is committed,
 * and drops any set later.
 */
function newSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  header: readonly string[],
  columns: Partial<ExcelJS.Column>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  headerRow.commit();
  return sheet;
}

/**
 * The sheet's autofilter over its table, from the header to `lastRow` across the header's
 * columns, and its name for the workbook (xlsx-filter-names.ts). The streaming writer
 * writes the <autoFilter> when the sheet is committed: set it before.
 */
function filterTable(sheet: ExcelJS.Worksheet, columns: number, lastRow: number, filters: SheetFilter[]): void {
  const range = `A1:${columnLetters(columns)}${lastRow}`;
  sheet.autoFilter = range;
  // Sheets are numbered from 1 in the order added, which is their order in the workbook.
  filters.push({ sheet: sheet.id - 1, name: sheet.name, range });
}

/** A column's letters (1 → A, 27 → AA). */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

async function transactionsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  text: Words,
  content: WorkbookContent,
  filters: SheetFilter[],
): Promise<number> {
  // One style object per column, given to each of its cells: exceljs looks a style object
  // up by identity before it renders it to XML to find its id, and a cell's own copy of
  // the column's style (what addRow gives it) would be rendered 1.3M times for 100k rows.
  const styles: Partial<ExcelJS.Style>[] = transactionWidths.map(() => ({}));
  styles[0] = { numFmt: text.dateFormat };
  styles[amountColumn - 1] = { numFmt: moneyFormat };
  const sheet = newSheet(
    workbook,
    text.sheets.transactions,
    text.header,
    transactionWidths.map((width, index) => ({ width, style: styles[index] })),
  );
  let done = 0;
  let lastRow = 1;
  for await (const page of content.pages) {
    for (const row of page.rows) {
      const category = row.categoryId === null ? null : (content.categoryName(row.categoryId) ?? row.categoryId);
      const written = sheet.addRow([
        dateCell(row.date),
        userText(row.description),
        userText(row.counterparty),
        userText(row.institution),
        userText(row.accountName),
        userText(category),
        money(row.accountAmountCents),
        row.accountCurrencyCode,
        row.pending ? text.pending : text.posted,
        row.usage === null ? null : text[row.usage],
        row.deductible === null ? null : row.deductible ? text.yes : text.no,
        userText(row.tags.join(', ')),
        userText(row.notes),
        row.id,
        row.part ? text.part(row.part.number, row.part.of) : null,
      ]);
      written.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.style = styles[column - 1] as ExcelJS.Style;
      });
      // An account in another currency: its amount is no real, and the Moeda cell says which.
      if (row.accountCurrencyCode !== 'BRL') written.getCell(amountColumn).style = foreignMoney;
      written.commit();
      lastRow = written.number;
    }
    done += page.transactions;
    content.onProgress?.(done, page.total);
  }
  filterTable(sheet, text.header.length, lastRow, filters);
  sheet.commit();
  return done;
}

function profitAndLossSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  text: Words,
  { profitAndLoss: report, categoryName, language }: WorkbookContent,
  scope: readonly string[],
  filters: SheetFilter[],
): void {
  const sheet = newSheet(workbook, text.sheets.profitAndLoss, text.profitAndLossHeader, [
    { width: 52 },
    { width: 18, style: { numFmt: moneyFormat } },
  ]);
  const bold = (values: [string, number | null]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  const name = language === 'en' ? 'nameEn' : 'namePt';
  for (const section of report.sections) {
    bold([text.sections[section.section], null]);
    for (const line of section.lines) {
      // A category the books hold by its label (two may share a name); one they do not, by the report's name for it.
      const label = line.categoryId === null ? text.uncategorized : (categoryName(line.categoryId) ?? line[name]);
      sheet.addRow([inlineText(`  ${formulaSafe(label)}`), money(line.cents)]).commit();
    }
    bold([text.total, money(section.totalCents)]);
  }
  sheet.addRow([]).commit();
  bold([text.income, money(report.incomeCents)]);
  bold([text.expenses, money(report.expenseCents)]);
  bold([text.net, money(report.netCents)]);
  const last = sheet.addRow([text.notCounted, money(report.notCountedCents)]);
  last.commit();
  filterTable(sheet, text.profitAndLossHeader.length, last.number, filters);
  const { from, to, businessOnly = false } = report.query;
  note(sheet, text.covers('period', from, to, businessOnly), ...scope);
  sheet.commit();
}

/** A blank row, then the note's lines in italics (below the sheet's table, out of its filter). */
function note(sheet: ExcelJS.Worksheet, ...lines: string[]): void {
  sheet.addRow([]).commit();
  for (const text of lines) {
    const row = sheet.addRow([inlineText(text)]);
    row.font = { italic: true };
    row.commit();
  }
}

function livroCaixaSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  text: Words,
  report: LivroCaixa,
  scope: readonly string[],
  filters: SheetFilter[],
): void {
  const sheet = newSheet(
    workbook,
    text.sheets.livroCaixa,
    text.livroCaixaHeader,
    text.livroCaixaHeader.map((_, index) =>
      index === 0 ? { width: 10, style: { numFmt: text.monthFormat } } : { width: 20, style: { numFmt: moneyFormat } },
    ),
  );
  for (const month of report.months) {
    sheet
      .addRow([
        dateCell(`${month.month}-01`),
        money(month.incomeCents),
        money(month.deductibleCents),
        money(month.carriedInCents),
        money(month.deductionUsedCents),
        money(month.carriedOutCents),
        money(month.lapsedCents),
        money(month.taxableBaseCents),
      ])
      .commit();
  }
  const { totals } = report;
  const row = sheet.addRow([
    text.total,
    money(totals.incomeCents),
    money(totals.deductibleCents),
    null,
    money(totals.deductionUsedCents),
    null,
    money(totals.lapsedCents),
    money(totals.taxableBaseCents),
  ]);
  row.font = { bold: true };
  row.commit();
  filterTable(sheet, text.livroCaixaHeader.length, row.number, filters);
  // Kept in whole months (see livroCaixa): a mid-month period's first and last months are whole here.
  const first = report.months[0]?.month ?? report.query.from.slice(0, 7);
  const last = report.months.at(-1)?.month ?? report.query.to.slice(0, 7);
  note(
    sheet,
    text.covers('wholeMonths', `${first}-01`, lastDayOfMonth(last), report.query.businessOnly ?? false),
    ...scope,
  );
  sheet.commit();
}
