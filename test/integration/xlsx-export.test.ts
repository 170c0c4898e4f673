import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { accounts } from '../../db/schema.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { exportPages } from '../../electron/core/books/export-rows.ts';
import { foreignMoneyFormat, moneyFormat, writeWorkbook } from '../../electron/core/exports/xlsx.ts';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import type { Language } from '../../electron/shared/models.ts';
import { formulaPayloads } from '../fixtures/formula-payloads.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
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

async function exportWorkbook(language: Language) {
  const { sqlite } = session.database;
  const temp = makeTempDir();
  const path = join(temp.path, 'livros.xlsx');
  const names = new Map(
    sqlite
      .prepare(`SELECT id, ${language === 'en' ? 'name_en' : 'name_pt'} FROM categories`)
      .raw()
      .all() as [string, string][],
  );
  const progress: number[] = [];
  const rows = await writeWorkbook(path, {
    language,
    pages: exportPages(sqlite, period, { pageSize: 500, parts: true }),
    categoryName: (id) => names.get(id),
    profitAndLoss: profitAndLoss(sqlite, period),
    livroCaixa: livroCaixa(sqlite, period),
    onProgress: (done) => progress.push(done),
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  temp.remove();
  return { rows, workbook, progress };
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
    expect([sheet.getRow(1).getCell(4).value, sheet.getRow(1).getCell(5).value]).toEqual(['Banco', 'Conta']);
    expect([sheet.getRow(2).getCell(4).value, sheet.getRow(2).getCell(5).value]).toEqual([
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
    const notes: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const note = row.getCell(13).value;
      if (note !== null && note !== undefined) notes.push(note);
      expect(row.getCell(13).formula).toBeUndefined();
    });
    // XML reads a written CR as a line feed (its line-end rule): the value is the same note, still inert.
    const expected = payloads.map((payload) => `'${payload}`.replace('\r', '\n'));
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
    expect(pnl.getRow(pnl.rowCount).getCell(1).value).toBe(
      'Period: 2024-01-01 to 2025-12-31 · Movements: all (business and personal)',
    );

    const book = livroCaixa(sqlite, period);
    const sheet = workbook.getWorksheet('Livro-caixa');
    if (!sheet) throw new Error('no livro-caixa sheet');
    // The header, the months, the totals, a blank row and what it covers.
    expect(sheet.rowCount).toBe(book.months.length + 4);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(
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
      // Its first sheet (the transactions) as an en-US CSV of the cells' values (not as shown):
      // numbers come back with a decimal point, and only if they were stored as numbers.
      convertWithLibreOffice(
        path,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false',
        join(folder.path, 'back'),
      );
      const records: string[][] = parse(readFileSync(join(folder.path, 'back', 'livros.csv')), {
        relax_column_count: true,
      });
      const expected = periodSum();
      expect(records).toHaveLength(expected.count + 1);
      const cents = records.slice(1).reduce((sum, record) => sum + Math.round(Number(record[6]) * 100), 0);
      expect(cents).toBe(expected.cents);
    } finally {
      folder.remove();
    }
  });
});
