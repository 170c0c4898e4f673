import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { accounts } from '../../db/schema.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { exportPages } from '../../electron/core/books/export-rows.ts';
import { categoryNames } from '../../electron/core/exports/category-names.ts';
import { foreignMoneyFormat, moneyFormat, writeWorkbook } from '../../electron/core/exports/xlsx.ts';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import type { Language } from '../../electron/shared/models.ts';
import { formulaPayloads } from '../fixtures/formula-payloads.ts';
import { generateProviderTransactions, providerRow } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
import { runPython } from '../support/python.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// LibreOffice takes seconds to start (more on a busy machine), and these files hold thousands of rows.
vi.setConfig({ testTimeout: 60_000 });

const payloads: readonly string[] = formulaPayloads;

const period = { from: '2024-01-01', to: '2025-12-31' };

const session = handlerSession({
  seed: (database) => {
    const { checking, card } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write([
      ...generateProviderTransactions({ count: 1500, accountId: checking }),
      ...generateProviderTransactions({ count: 500, accountId: card, idPrefix: 'card' }),
    ]);
    // User text an attacker could have planted (a bank description, a shared note).
    const note = database.sqlite.prepare('INSERT INTO transaction_user_data (transaction_id, notes) VALUES (?, ?)');
    const inPeriod = database.sqlite
      .prepare('SELECT id FROM transactions WHERE date BETWEEN ? AND ? ORDER BY id LIMIT ?')
      .pluck()
      .all(period.from, period.to, payloads.length) as string[];
    payloads.forEach((payload, index) => note.run(inPeriod[index], payload));
  },
});

/** Writes the period's workbook to `path` as the export does; resolves with the rows and the progress reported. */
async function writeBooks(path: string, language: Language) {
  const { sqlite } = session.database;
  const names = categoryNames(sqlite, language);
  const progress: number[] = [];
  const rows = await writeWorkbook(path, {
    language,
    pages: exportPages(sqlite, period, { pageSize: 500, parts: true }),
    categoryName: (id) => names.get(id),
    profitAndLoss: profitAndLoss(sqlite, period),
    livroCaixa: livroCaixa(sqlite, period),
    onProgress: (done) => progress.push(done),
  });
  return { rows, progress };
}

/** The period's workbook as exceljs reads it back. */
async function exportWorkbook(language: Language) {
  const temp = makeTempDir();
  const path = join(temp.path, 'livros.xlsx');
  try {
    const { rows, progress } = await writeBooks(path, language);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return { rows, workbook, progress };
  } finally {
    temp.remove();
  }
}

/** The period's movement, summed by SQLite from the stored rows. */
const periodSum = () =>
  session.database.sqlite
    .prepare(
      `SELECT count(*) AS count, sum(coalesce(amount_in_account_currency_cents, amount_cents)) AS cents
         FROM transactions WHERE removed_at IS NULL AND date BETWEEN ? AND ?`,
    )
    .get(period.from, period.to) as { count: number; cents: number };

describe('the XLSX workbook', () => {
  it('holds every transaction of the period as typed cells that sum to the cent', async () => {
    const { rows, workbook, progress } = await exportWorkbook('pt-BR');
    const expected = periodSum();
    expect(rows).toBe(expected.count);
    expect(progress.at(-1)).toBe(expected.count);
    const sheet = workbook.getWorksheet('Transações');
    if (!sheet) throw new Error('no transactions sheet');
    expect(sheet.rowCount).toBe(expected.count + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Data');
    let cents = 0;
    let previous = '';
    for (let number = 2; number <= sheet.rowCount; number += 1) {
      const row = sheet.getRow(number);
      const date = row.getCell(1).value;
      const amount = row.getCell(7).value;
      expect(date).toBeInstanceOf(Date);
      expect(typeof amount).toBe('number');
      const day = (date as Date).toISOString().slice(0, 10);
      expect(day >= previous).toBe(true);
      previous = day;
      cents += Math.round((amount as number) * 100);
    }
    expect(cents).toBe(expected.cents);
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(2).getCell(7).numFmt).toBe(moneyFormat);
    // The account as its bank and its unique display name, as the screens name it.
    expect([sheet.getRow(1).getCell(4).text, sheet.getRow(1).getCell(5).text]).toEqual(['Banco', 'Conta']);
    expect([sheet.getRow(2).getCell(4).text, sheet.getRow(2).getCell(5).text]).toEqual([
      'Nubank',
      expect.stringMatching(/^Nubank · (Conta Corrente ·· 2345-0|Cartão Roxinho ·· 4242)$/),
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('gives every sheet readable column widths (written before the first row, or the streaming writer drops them)', async () => {
    const { workbook } = await exportWorkbook('pt-BR');
    for (const sheet of workbook.worksheets) {
      const widths = Array.from({ length: sheet.columnCount }, (_, index) => sheet.getColumn(index + 1).width);
      expect(
        widths.filter((width) => !(typeof width === 'number' && width >= 8)),
        sheet.name,
      ).toEqual([]);
    }
    // A date and an amount need room: "31/12/2026" and "-R$ 12.345,67" would show as ###.
    const transactions = workbook.getWorksheet('Transações');
    expect(transactions?.getColumn(1).width).toBeGreaterThanOrEqual(11);
    expect(transactions?.getColumn(7).width).toBeGreaterThanOrEqual(14);
  });

  it('formats an amount in reais as reais, and one of an account in dollars as a plain number beside its currency', async () => {
    const { db, sqlite } = session.database;
    db.insert(accounts)
      .values({
        id: 'acc-usd',
        connectionId: 'item-nubank',
        type: 'BANK',
        name: 'Conta em dólar',
        currencyCode: 'USD',
        balanceCents: 0,
      })
      .run();
    new ProviderTransactionWriter(sqlite).write(
      generateProviderTransactions({ count: 3, accountId: 'acc-usd', idPrefix: 'usd' }).map((row) => ({
        ...row,
        currencyCode: 'USD',
        date: '2025-06-10',
      })),
    );
    const { workbook } = await exportWorkbook('pt-BR');
    const sheet = workbook.getWorksheet('Transações');
    const formats = new Map<string, Set<string>>();
    sheet?.eachRow((row, number) => {
      if (number === 1) return;
      const currency = row.getCell(8).text;
      formats.set(currency, (formats.get(currency) ?? new Set()).add(row.getCell(7).numFmt));
    });
    expect(formats).toEqual(
      new Map([
        ['BRL', new Set([moneyFormat])],
        ['USD', new Set([foreignMoneyFormat])],
      ]),
    );
  });

  it('neutralises formula payloads in user text, while amounts stay numbers', async () => {
    const { workbook } = await exportWorkbook('pt-BR');
    const sheet = workbook.getWorksheet('Transações');
    if (!sheet) throw new Error('no transactions sheet');
    const notes: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const note = row.getCell(13).text;
      if (note !== '') notes.push(note);
      expect(row.getCell(13).formula).toBeUndefined();
    });
    // Each note as written, a CR included, behind the apostrophe that makes it inert.
    const expected = payloads.map((payload) => `'${payload}`);
    expect([...notes].sort()).toEqual(expected.sort());
  });

  it('has the P&L and the livro-caixa of the same query layer, with totals that tie', async () => {
    const { workbook } = await exportWorkbook('en');
    const { sqlite } = session.database;
    const report = profitAndLoss(sqlite, period);
    const pnl = workbook.getWorksheet('P&L');
    if (!pnl) throw new Error('no P&L sheet');
    const labelled = new Map<string, number>();
    pnl.eachRow((row) => {
      const [label, amount] = [row.getCell(1).value, row.getCell(2).value];
      if (typeof label === 'string' && typeof amount === 'number') labelled.set(label, Math.round(amount * 100));
    });
    expect(labelled.get('Total income')).toBe(report.incomeCents);
    expect(labelled.get('Total expenses')).toBe(report.expenseCents);
    expect(labelled.get('Net')).toBe(report.netCents);
    // Each report sheet says what it covers.
    expect(pnl.getRow(pnl.rowCount).getCell(1).text).toBe(
      'Period: 2024-01-01 to 2025-12-31 · Movements: all (business and personal)',
    );

    const book = livroCaixa(sqlite, period);
    const sheet = workbook.getWorksheet('Livro-caixa');
    if (!sheet) throw new Error('no livro-caixa sheet');
    // The header, the months, the totals, a blank row and what it covers.
    expect(sheet.rowCount).toBe(book.months.length + 4);
    expect(sheet.getRow(sheet.rowCount).getCell(1).text).toBe(
      'Whole months: 2024-01-01 to 2025-12-31 · Movements: all (business and personal)',
    );
    const totals = sheet.getRow(sheet.rowCount - 2);
    expect(totals.getCell(1).value).toBe('Total');
    expect(Math.round((totals.getCell(2).value as number) * 100)).toBe(book.totals.incomeCents);
    expect(Math.round((totals.getCell(8).value as number) * 100)).toBe(book.totals.taxableBaseCents);
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  });
});

describe('the XLSX workbook in LibreOffice', () => {
  it('converts to CSV with the same rows and the same total', async () => {
    const { sqlite } = session.database;
    const folder = makeTempDir();
    try {
      const path = join(folder.path, 'livros.xlsx');
      await writeWorkbook(path, {
        language: 'en',
        pages: exportPages(sqlite, period),
        categoryName: () => undefined,
        profitAndLoss: profitAndLoss(sqlite, period),
        livroCaixa: livroCaixa(sqlite, period),
      });
      // Its first sheet is the transactions.
      const records = firstSheetInLibreOffice(path, join(folder.path, 'back'));
      const expected = periodSum();
      expect(records).toHaveLength(expected.count + 1);
      const cents = records.slice(1).reduce((sum, record) => sum + Math.round(Number(record[6]) * 100), 0);
      expect(cents).toBe(expected.cents);
    } finally {
      folder.remove();
    }
  });

  it("shows every sheet's autofilter over its table, as Excel reads it too", async () => {
    for (const language of ['pt-BR', 'en'] as const) {
      const folder = makeTempDir();
      try {
        const path = join(folder.path, 'livros.xlsx');
        await writeBooks(path, language);
        // What each sheet's table spans: the header and the rows of figures under it, not the note below.
        const report = profitAndLoss(session.database.sqlite, period);
        const sectionRows = report.sections.reduce((rows, section) => rows + section.lines.length + 2, 0);
        const [transactions, pnl, book] =
          language === 'en' ? ['Transactions', 'P&L', 'Livro-caixa'] : ['Transações', 'DRE', 'Livro-caixa'];
        const expected = {
          [transactions]: `A1:O${periodSum().count + 1}`,
          // Header, sections, a blank row, income, expenses, net and what moved without counting.
          [pnl]: `A1:B${1 + sectionRows + 1 + 4}`,
          [book]: `A1:H${livroCaixa(session.database.sqlite, period).months.length + 2}`,
        };
        // Excel: each sheet's <autoFilter>, and the hidden name local to the sheet it keeps beside it.
        const excel = runPython(excelFilterScript, path) as {
          filters: Record<string, string>;
          names: Record<string, string>[];
        };
        expect(excel.filters).toEqual(expected);
        const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        expect(excel.names).toEqual(
          Object.entries(expected).map(([sheet, range]) => ({
            name: '_xlnm._FilterDatabase',
            sheet,
            hidden: '1',
            range: `'${sheet}'!${absolute(range)}`,
          })),
        );
        // LibreOffice: the sheet's database range, with its filter buttons.
        convertWithLibreOffice(path, 'fods', folder.path);
        const ranges = runPython(libreOfficeRangesScript, join(folder.path, 'livros.fods')) as {
          range: string;
          buttons: string | null;
        }[];
        expect(ranges).toEqual(
          Object.entries(expected).map(([sheet, range]) => {
            const [from, to] = range.split(':');
            const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet}'`;
            return { range: `${name}.${from}:${name}.${to}`, buttons: 'true' };
          }),
        );
      } finally {
        folder.remove();
      }
    }
  });

  it('gives user text back exactly, carriage returns and control characters included', async () => {
    const { sqlite } = session.database;
    new ProviderTransactionWriter(sqlite).write(
      awkwardTexts.map((text, index) =>
        providerRow(`awkward-${index}`, {
          accountId: 'acc-checking',
          description: text,
          counterpartyName: text,
          date: '2025-03-10',
        }),
      ),
    );
    const note = sqlite.prepare('INSERT INTO transaction_user_data (transaction_id, notes) VALUES (?, ?)');
    awkwardTexts.forEach((text, index) => note.run(`awkward-${index}`, text));
    const folder = makeTempDir();
    try {
      const path = join(folder.path, 'livros.xlsx');
      await writeBooks(path, 'pt-BR');
      const written = awkwardTexts.map((text) => {
        const inert = /^[\t\r]/.test(text) ? `'${text}` : text;
        return [inert, inert, inert];
      });
      // openpyxl: every text as written. (Its reader leaves OOXML's _xHHHH_ escapes to the
      // caller; the script decodes them with openpyxl's own unescape.)
      const byId = runPython(openpyxlTextScript, path) as Record<string, string[]>;
      expect(awkwardTexts.map((_, index) => byId[`awkward-${index}`])).toEqual(written);
      // LibreOffice, as a CSV of the first sheet: the same, but that LibreOffice keeps a cell's
      // lines as paragraphs, so a CR LF comes back as the one line break it stands for.
      const records = firstSheetInLibreOffice(path, join(folder.path, 'back'));
      const inLibreOffice = awkwardTexts.map((_, index) => {
        const record = records.find((each) => each[13] === `awkward-${index}`);
        return record && [record[1], record[2], record[12]];
      });
      expect(inLibreOffice).toEqual(written.map((texts) => texts.map((text) => text.replaceAll('\r\n', '\n'))));
    } finally {
      folder.remove();
    }
  });
});

/** Text a bank or the user may write, that XML and exceljs would not give back as is. */
const awkwardTexts = [
  'linha 1\rlinha 2',
  'linha 1\r\nlinha 2',
  'linha 1\nlinha 2',
  '\rcomeça com CR',
  'coluna\tcoluna',
  '  espaços nas pontas  ',
  'literal _x000D_ e _x005f_',
  'controle \u0001 e \u001b fim',
  'CAFÉ SÃO JOSÉ — “aspas” & <tag> 💸',
];

/** Each sheet's autofilter and the workbook's defined names, by openpyxl and the XML of xl/workbook.xml. */
const excelFilterScript = `
import json, sys, zipfile, xml.etree.ElementTree as ET
import openpyxl
path = sys.argv[1]
workbook = openpyxl.load_workbook(path)
main = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
root = ET.fromstring(zipfile.ZipFile(path).read('xl/workbook.xml'))
sheets = [sheet.get('name') for sheet in root.iter(main + 'sheet')]
names = [
    {'name': each.get('name'), 'sheet': sheets[int(each.get('localSheetId'))], 'hidden': each.get('hidden'), 'range': each.text}
    for each in root.iter(main + 'definedName')
]
print(json.dumps({'filters': {sheet.title: sheet.auto_filter.ref for sheet in workbook.worksheets}, 'names': names}))
`;

/** The database ranges of a flat ODF spreadsheet (LibreOffice's autofilters), in order. */
const libreOfficeRangesScript = `
import json, sys, xml.etree.ElementTree as ET
table = '{urn:oasis:names:tc:opendocument:xmlns:table:1.0}'
root = ET.parse(sys.argv[1]).getroot()
print(json.dumps([
    {'range': each.get(table + 'target-range-address'), 'buttons': each.get(table + 'display-filter-buttons')}
    for each in root.iter(table + 'database-range')
]))
`;

/** The first sheet's description, counterparty and notes by Pluggy id, as openpyxl reads them. */
const openpyxlTextScript = `
import json, sys
import openpyxl
from openpyxl.utils.escape import unescape
sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps({
    row[13]: [None if value is None else unescape(value) for value in (row[1], row[2], row[12])]
    for row in sheet.iter_rows(min_row=2, values_only=True)
}))
`;

/**
 * The workbook's first sheet as LibreOffice reads it, as an en-US CSV (UTF-8) of the
 * cells' values: numbers come back with a decimal point, and only if stored as numbers.
 */
function firstSheetInLibreOffice(path: string, folder: string): string[][] {
  convertWithLibreOffice(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false', folder);
  return parse(readFileSync(join(folder, `${basename(path, '.xlsx')}.csv`)), { relax_column_count: true });
}
