import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Options as CsvOptions, parse as parseCsv } from 'csv-parse/sync';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseSync as parseOfx } from 'ofx-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts } from '../../db/schema.ts';
import ExcelJS from 'exceljs';
import { presetCategoryId, storePluggyCategories } from '../../electron/core/books/categories.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { EventName, EventPayload } from '../../electron/shared/contract.ts';
import type { ExportProgress, ExportResult } from '../../electron/shared/exports.ts';
import type { CategorySummary } from '../../electron/shared/categories.ts';
import { categoryLabels } from '../../electron/shared/category-labels.ts';
import { bookkeepingDate } from '../../electron/shared/format.ts';
import type { CashFlow } from '../../electron/shared/reports.ts';
import type { TransactionFilters, TransactionRow, TransactionTotals } from '../../electron/shared/transactions.ts';
import { formulaPayloads } from '../fixtures/formula-payloads.ts';
import { generateProviderTransactions, providerRow as row } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { screenRows as listedRows } from '../support/screen-rows.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
import { runPython } from '../support/python.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// LibreOffice takes seconds to start (more on a busy machine), and these files hold thousands of rows.
vi.setConfig({ testTimeout: 60_000 });

/** A CSV file's records, as fields, by an independent parser. */
function csvRecords(input: Buffer, options: CsvOptions): string[][] {
  const records: unknown = parseCsv(input, options);
  return records as string[][];
}

const payloads: readonly string[] = formulaPayloads;
/** What a spreadsheet may run: a sign first, behind any blanks (fullwidth signs too), or a tab or CR. */
const trigger = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

let progress: ExportProgress[] = [];

/** Where the save dialog's stand-in writes the next export: each test names its file. */
let savePath: string | null = null;

/** Each test's own folder for the files it exports (the save dialog's stand-in writes there). */
let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

const session = handlerSession({
  deps: () => ({
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event === 'exports:progress') progress.push(payload as ExportProgress);
    },
    chooseExportPath: () => Promise.resolve(savePath),
  }),
  seed: (database) => {
    progress = [];
    seedTwoAccounts(database.db);
    // An account the user cannot rename, but whose name is still text from outside.
    database.db
      .insert(accounts)
      .values({ id: 'acc-odd', connectionId: 'item-nubank', type: 'BANK', name: '@Conta esquisita', balanceCents: 0 })
      .run();
    const writer = new ProviderTransactionWriter(database.sqlite);
    writer.write([
      ...generateProviderTransactions({ count: 4_500, accountId: 'acc-checking', seed: 7 }),
      ...generateProviderTransactions({ count: 500, accountId: 'acc-card', seed: 8, idPrefix: 'card' }),
      ...payloads.map((payload, index) =>
        row(`evil-${index}`, {
          description: payload,
          counterpartyName: payload,
          amountCents: -(123_456 + index),
          date: '2026-10-02',
        }),
      ),
      row('odd-1', { accountId: 'acc-odd', description: 'PIX;"aspas", vírgula\nnova linha & <tag>', amountCents: 5 }),
      row('odd-2', { accountId: 'acc-odd', description: 'CAFÉ SÃO JOSÉ', amountCents: -99, date: '2026-10-03' }),
      row('pending-1', { description: 'PENDENTE', status: 'PENDING', amountCents: -4_200, date: '2026-10-04' }),
    ]);
  },
});

/** Notes, tags, usage, deductibility and a category of the user's, with the payloads in them. */
async function addUserFields(): Promise<void> {
  const category = await session.call<CategorySummary>('categories:create', {
    name: '=CATEGORIA',
    nameEn: '@category',
  });
  for (const [index, payload] of payloads.entries()) {
    await session.call('transactions:update', {
      id: `evil-${index}`,
      patch: {
        notes: payload,
        tags: [payload.trim() || 'x', 'segunda'],
        usage: 'business',
        deductible: index % 2 === 0,
      },
    });
  }
  await session.call('transactions:update', { id: 'odd-1', patch: { categoryId: category.id, usage: 'personal' } });
}

/** Calls an export channel with the save dialog answering `path`. */
function exportTo<T = unknown>(path: string, channel: string, input: unknown): Promise<T> {
  savePath = path;
  return session.call<T>(channel, input);
}

const screenRows = (filters: TransactionFilters) => listedRows(session, filters);

/** The live transactions' amounts in their account's currency where `where` holds, summed by SQLite. */
const sumOf = (where: string) =>
  session.database.sqlite
    .prepare(
      `SELECT coalesce(sum(coalesce(amount_in_account_currency_cents, amount_cents)), 0) FROM transactions
       WHERE removed_at IS NULL AND ${where}`,
    )
    .pluck()
    .get() as number;

const cents = (text: string, point: '.' | ',') => {
  expect(text).toMatch(point === ',' ? /^-?\d+,\d{2}$/ : /^-?\d+\.\d{2}$/);
  const [whole = '', fraction = ''] = text.replace('-', '').split(point);
  return (text.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction));
};

describe('split transactions in the files', () => {
  it('are a line per part, with the part in words (a spreadsheet would take "1/2" for a date)', async () => {
    const [target] = (await screenRows({ accountIds: ['acc-checking'], direction: 'out' })).filter(
      (row) => !row.pending && row.amountCents < -2000,
    );
    if (!target) throw new Error('no row to split');
    const categories = await session.call<CategorySummary[]>('categories:list');
    const [first, second] = categories.filter((each) => each.source === 'user');
    if (!first || !second) throw new Error('no categories');
    await session.call('transactions:split', {
      id: target.id,
      parts: [
        { categoryId: first.id, amountCents: target.amountCents + 1000, note: 'parte do cliente' },
        { categoryId: second.id, amountCents: -1000 },
      ],
    });
    const path = join(folder.path, 'partes.csv');
    await exportTo(path, 'exports:csv', { filters: { from: target.date, to: target.date }, dialect: 'pt-BR' });
    const lines = csvRecords(readFileSync(path), { delimiter: ';', bom: true, record_delimiter: '\r\n' }).filter(
      (line) => line[13] === target.id,
    );
    const decimal = (amount: number) =>
      `${amount < 0 ? '-' : ''}${Math.floor(Math.abs(amount) / 100)},${String(Math.abs(amount) % 100).padStart(2, '0')}`;
    // Each part's category by its label (a subcategory under its parent's name).
    const label = categoryLabels(categories, 'pt-BR');
    expect(lines.map((line) => [line[5], line[6], line[12], line[14]])).toEqual([
      [label.get(first.id), decimal(target.amountCents + 1000), 'parte do cliente', '1 de 2'],
      [label.get(second.id), '-10,00', target.notes ?? '', '2 de 2'],
    ]);
    expect(lines.reduce((sum, line) => sum + cents(line[6] as string, ','), 0)).toBe(target.amountCents);
  });
});

describe('CSV export', () => {
  const dialects = [
    { dialect: 'pt-BR', delimiter: ';', point: ',', date: (iso: string) => iso.split('-').reverse().join('/') },
    { dialect: 'en', delimiter: ',', point: '.', date: (iso: string) => iso },
  ] as const;

  for (const { dialect, delimiter, point, date } of dialects) {
    it(`round-trips through an independent CSV parser (${dialect})`, async () => {
      await addUserFields();
      const path = join(folder.path, 'transações.csv');
      const filters: TransactionFilters = {};
      const result = await exportTo<ExportResult>(path, 'exports:csv', { filters, dialect });
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(dialect === 'pt-BR');
      const records = csvRecords(bytes, {
        delimiter,
        bom: true,
        record_delimiter: '\r\n',
        relax_quotes: false,
      });
      const [header, ...lines] = records;
      expect(header).toHaveLength(15);
      expect(header?.[0]).toBe(dialect === 'pt-BR' ? 'Data' : 'Date');
      // The account as its bank and its unique display name.
      expect(header?.slice(3, 5)).toEqual(dialect === 'pt-BR' ? ['Banco', 'Conta'] : ['Bank', 'Account']);
      // The part of a split's line ("1 de 2"): none here, where nothing is split.
      expect(header?.[14]).toBe(dialect === 'pt-BR' ? 'Parte' : 'Part');
      expect(lines.every((line) => line[14] === '')).toBe(true);

      const expected = await screenRows(filters);
      const categories = await session.call<CategorySummary[]>('categories:list');
      const labels = categoryLabels(categories, dialect);
      // A category the books have no name for (Pluggy's, before its taxonomy is fetched) shows its id.
      const name = (id: string | null) => (id === null ? null : (labels.get(id) ?? id));
      // What the file must show for user text: itself, or itself after an apostrophe if a spreadsheet would run it.
      const inert = (text: string | null) => (text === null ? '' : trigger.test(text) ? `'${text}` : text);
      expect(result.rows).toBe(expected.length);
      expect(lines).toHaveLength(expected.length);
      let sum = 0;
      for (const [index, line] of lines.entries()) {
        const want = expected[index] as TransactionRow;
        const [day, description, counterparty, bank, account, category, amount, currency, status, , , tags, notes, id] =
          line as [
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
          ];
        expect(id).toBe(want.id);
        expect(day).toBe(date(want.date));
        expect(description).toBe(inert(want.description));
        expect(counterparty).toBe(inert(want.counterparty));
        expect(bank).toBe(inert(want.institution));
        expect(account).toBe(inert(want.accountName));
        expect(category).toBe(inert(name(want.categoryId)));
        expect(cents(amount, point)).toBe(want.amountCents);
        expect(currency).toBe('BRL');
        expect(status).toBe(
          want.pending ? (dialect === 'pt-BR' ? 'Pendente' : 'Pending') : dialect === 'pt-BR' ? 'Efetivada' : 'Posted',
        );
        expect(tags).toBe(inert(want.tags.join(', ')));
        expect(notes).toBe(inert(want.notes));
        // Every text cell is inert; amounts stay plain signed numbers.
        for (const cell of [description, counterparty, bank, account, category, tags, notes])
          expect(cell).not.toMatch(trigger);
        sum += cents(amount, point);
      }
      const totals = await session.call<TransactionTotals>('transactions:totals', filters);
      expect(sum).toBe(totals.netCents);
      // The payload rows really are there, neutralised, with their negative amounts as numbers.
      const evil = (payload: string) => lines.find((line) => line[13] === `evil-${payloads.indexOf(payload)}`);
      const hyperlink = evil('=HYPERLINK("http://evil.example/?x","clique")');
      expect(hyperlink?.[1]).toBe(`'=HYPERLINK("http://evil.example/?x","clique")`);
      const linkCents = 123_456 + payloads.indexOf('=HYPERLINK("http://evil.example/?x","clique")');
      expect(hyperlink?.[6]).toBe(
        `-${Math.floor(linkCents / 100)}${dialect === 'pt-BR' ? ',' : '.'}${linkCents % 100}`,
      );
      expect(evil('\rCR')?.[1]).toBe("'\rCR");
      expect(evil(' =1+1')?.[1]).toBe("' =1+1");
      expect(evil('\uff1d1+1')?.[1]).toBe("'\uff1d1+1");
      expect(lines.find((line) => line[13] === 'odd-1')?.[1]).toBe('PIX;"aspas", vírgula\nnova linha & <tag>');
      expect(lines.find((line) => line[13] === 'odd-1')?.[5]).toBe(dialect === 'pt-BR' ? "'=CATEGORIA" : "'@category");
      expect(readdirSync(folder.path)).toEqual(['transações.csv']);
    });
  }

  it("exports the screen's filtered set and reports monotonic progress", async () => {
    const path = join(folder.path, 'out.csv');
    const filters: TransactionFilters = { accountIds: ['acc-checking'], from: '2025-01-01', direction: 'out' };
    const result = await exportTo<ExportResult>(path, 'exports:csv', { filters, dialect: 'en' });
    const expected = await screenRows(filters);
    const ids = csvRecords(readFileSync(path), { bom: true })
      .slice(1)
      .map((line) => line[13]);
    expect(ids).toEqual(expected.map((each) => each.id));
    expect(result).toEqual({ path, rows: expected.length });
    expect(progress.length).toBeGreaterThan(1);
    for (const [index, event] of progress.entries()) {
      expect(event).toMatchObject({ format: 'csv', path, total: expected.length });
      expect(event.done).toBeGreaterThan(progress[index - 1]?.done ?? 0);
    }
    expect(progress.at(-1)?.done).toBe(expected.length);
  });

  it('leaves no file at the target, nor a temp file, when cancelled mid-export', async () => {
    const path = join(folder.path, 'cancelled.csv');
    const exporting = exportTo(path, 'exports:csv', { dialect: 'pt-BR' });
    // Cancel as soon as the first page is written (the export runs on past it: 5,000 rows in pages of 2,000).
    await expect.poll(() => progress.length, { interval: 1, timeout: 20_000 }).toBeGreaterThan(0);
    const cancelled = session.call<{ cancelled: number }>('exports:cancel');
    await expect(exporting).rejects.toThrow('EXPORT_CANCELLED');
    await expect(cancelled).resolves.toEqual({ cancelled: 1 });
    expect(progress[0]?.done).toBeLessThan(progress[0]?.total ?? 0);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder.path)).toEqual([]);
    expect(await session.call('exports:cancel')).toEqual({ cancelled: 0 });
  });

  it('fails cleanly when the folder is gone', async () => {
    const gone = makeTempDir();
    gone.remove();
    const path = join(gone.path, 'out.csv');
    await expect(exportTo(path, 'exports:csv', { dialect: 'en' })).rejects.toThrow('EXPORT_FAILED');
    expect(existsSync(gone.path)).toBe(false);
  });

  it('opens in LibreOffice with the amounts as numbers (pt-BR)', async () => {
    const path = join(folder.path, 'extrato.csv');
    await exportTo(path, 'exports:csv', { filters: { accountIds: ['acc-odd'] }, dialect: 'pt-BR' });
    // Read as LibreOffice's pt-BR import does (`;`, `"`, UTF-8, from line 1, Portuguese locale), saved as
    // xlsx, then written back as an en-US CSV: an amount read as a number comes back with a decimal point.
    convertWithLibreOffice(path, 'xlsx', folder.path, 'CSV:59,34,76,1,,1046');
    convertWithLibreOffice(
      join(folder.path, 'extrato.xlsx'),
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033',
      join(folder.path, 'back'),
    );
    const back = csvRecords(readFileSync(join(folder.path, 'back', 'extrato.csv')), { bom: true });
    expect(back.slice(1).map((line) => [line[1], line[6]])).toEqual([
      ['PIX;"aspas", vírgula\nnova linha & <tag>', '0.05'],
      ['CAFÉ SÃO JOSÉ', '-0.99'],
    ]);
  });
});

interface OfxStatement {
  CURDEF: string;
  BANKTRANLIST: { DTSTART: string; DTEND: string; STMTTRN: Record<string, string> | Record<string, string>[] };
  LEDGERBAL: { BALAMT: string; DTASOF: string };
}

/** What the parser gives back of a statement response: a bank account's or a card's. */
interface OfxResponse {
  BANKMSGSRSV1?: { STMTTRNRS: { STMTRS: OfxStatement } };
  CREDITCARDMSGSRSV1?: { CCSTMTTRNRS: { CCSTMTRS: OfxStatement } };
}

/** Whether the OFX body (from `<OFX>` on) is well-formed XML, by an independent validator. */
function wellFormed(body: string): boolean {
  try {
    // Typed as returning true, but answers a failure as an object in some versions: accept `true` alone.
    const verdict: unknown = SyntaxValidator.validate(body);
    return verdict === true;
  } catch {
    return false;
  }
}

describe('OFX export', () => {
  it('checks well-formedness for real', () => {
    expect(wellFormed('<OFX><A>1</A></OFX>')).toBe(true);
    expect(wellFormed('<OFX><A>1</OFX>')).toBe(false);
    expect(wellFormed('<OFX><NAME>A & B</NAME></OFX>')).toBe(false);
  });

  /** The statement's list and balance, for a bank account or a card. */
  function statement(text: string) {
    const ofx = parseOfx(text).OFX as OfxResponse;
    const bank = ofx.BANKMSGSRSV1?.STMTTRNRS.STMTRS;
    const body = bank ?? ofx.CREDITCARDMSGSRSV1?.CCSTMTTRNRS.CCSTMTRS;
    if (body === undefined) throw new Error('No bank or card statement in the OFX');
    const list = body.BANKTRANLIST.STMTTRN;
    return { kind: bank ? 'bank' : 'card', body, transactions: Array.isArray(list) ? list : [list] };
  }

  it('writes a bank statement an independent OFX parser reads back: FITIDs, amounts, period, ledger balance', async () => {
    const path = join(folder.path, 'conta.ofx');
    const filters: TransactionFilters = { from: '2026-01-01', to: '2026-10-31' };
    const result = await exportTo<ExportResult>(path, 'exports:ofx', { filters, accountId: 'acc-checking' });
    const text = readFileSync(path, 'latin1');
    expect(text.startsWith('OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n')).toBe(true);
    expect(wellFormed(text.slice(text.indexOf('<OFX>')))).toBe(true);

    const { kind, body, transactions } = statement(text);
    expect(kind).toBe('bank');
    const expected = (await screenRows({ ...filters, accountIds: ['acc-checking'] })).filter((each) => !each.pending);
    expect(result.rows).toBe(expected.length);
    expect(transactions.map((each) => each.FITID)).toEqual(expected.map((each) => each.id));
    expect(transactions.map((each) => cents(each.TRNAMT as string, '.'))).toEqual(
      expected.map((each) => each.amountCents),
    );
    expect(transactions.map((each) => each.DTPOSTED?.slice(0, 8))).toEqual(
      expected.map((each) => each.date.replaceAll('-', '')),
    );
    for (const each of transactions)
      expect(each.TRNTYPE).toBe((each.TRNAMT as string).startsWith('-') ? 'DEBIT' : 'CREDIT');
    expect(body.CURDEF).toBe('BRL');
    expect(body.BANKTRANLIST.DTSTART.slice(0, 8)).toBe('20260101');
    expect(body.BANKTRANLIST.DTEND.slice(0, 8)).toBe('20261031');
    // The period ends before the bank's balance (20/11/2026): the ledger balance is the
    // account's posted balance at the period's end — the bank's figure less what is still
    // pending and less what was posted after the period. Reports' cash flow closes the
    // period with the pending rows in: the two differ by exactly those.
    const later = sumOf("account_id = 'acc-checking' AND status <> 'PENDING' AND date > '2026-10-31'");
    const pending = sumOf("account_id = 'acc-checking' AND status = 'PENDING'");
    expect(later).not.toBe(0);
    expect(pending).not.toBe(0);
    expect(cents(body.LEDGERBAL.BALAMT, '.')).toBe(1_234_567 - later - pending);
    expect(body.LEDGERBAL.DTASOF).toBe('20261031120000[-3:BRT]');
    const flow = await session.call<CashFlow>('reports:cash-flow', {
      from: '2026-01-01',
      to: '2026-10-31',
      accountIds: ['acc-checking'],
    });
    const pendingUntilEnd = sumOf("account_id = 'acc-checking' AND status = 'PENDING' AND date <= '2026-10-31'");
    expect(flow.accounts[0]?.closingBalanceCents).toBe(cents(body.LEDGERBAL.BALAMT, '.') + pendingUntilEnd);
    // OFX is no spreadsheet: its text goes as written.
    const link = payloads.findIndex((payload) => payload.startsWith('=HYPERLINK'));
    expect(transactions.find((each) => each.FITID === `evil-${link}`)?.MEMO).toBe(payloads[link]);
    expect(readdirSync(folder.path)).toEqual(['conta.ofx']);
  });

  it('writes a card statement with escaped, accented text, and refuses an unknown account', async () => {
    const card = join(folder.path, 'cartao.ofx');
    await exportTo(card, 'exports:ofx', { accountId: 'acc-card' });
    const parsed = statement(readFileSync(card, 'latin1'));
    expect(parsed.kind).toBe('card');
    // Without a period, to today: the bank's balance less what is pending and what is dated after today.
    const today = bookkeepingDate(new Date());
    const notPosted = sumOf(`account_id = 'acc-card' AND (status = 'PENDING' OR date > '${today}')`);
    expect(notPosted).not.toBe(0);
    expect(cents(parsed.body.LEDGERBAL.BALAMT, '.')).toBe(-98_765 - notPosted);
    expect(parsed.body.LEDGERBAL.DTASOF).toBe(`${today.replaceAll('-', '')}120000[-3:BRT]`);
    // It lists what the bank posted up to its end, today: not what is dated after.
    const posted = (await screenRows({ accountIds: ['acc-card'], to: today })).filter((each) => !each.pending);
    expect(parsed.transactions.map((each) => each.FITID)).toEqual(posted.map((each) => each.id));

    const odd = join(folder.path, 'odd.ofx');
    await exportTo(odd, 'exports:ofx', { accountId: 'acc-odd' });
    const text = readFileSync(odd, 'latin1');
    expect(wellFormed(text.slice(text.indexOf('<OFX>')))).toBe(true);
    const { transactions } = statement(text);
    expect(transactions.map((each) => [each.FITID, each.NAME, each.MEMO])).toEqual([
      ['odd-1', 'PIX;"aspas", vírgula nova linha', 'PIX;"aspas", vírgula nova linha & <tag>'],
      ['odd-2', 'CAFÉ SÃO JOSÉ', 'CAFÉ SÃO JOSÉ'],
    ]);

    await expect(exportTo(join(folder.path, 'x.ofx'), 'exports:ofx', { accountId: 'nope' })).rejects.toThrow(
      'NOT_FOUND',
    );
    expect(readdirSync(folder.path).sort()).toEqual(['cartao.ofx', 'odd.ofx']);
  });
});

/** A statement as ofxparse (python3-ofxparse, the parser of GnuCash's and beancount's importers) reads it. */
interface ParsedStatement {
  type: string;
  start: string;
  end: string;
  balance: string;
  balanceDate: string;
  transactions: { id: string; amount: string }[];
}

const readStatements = (paths: string[]) =>
  runPython(
    `
import json, sys
from ofxparse import OfxParser
statements = []
for path in sys.argv[1:]:
    with open(path, 'rb') as file:
        ofx = OfxParser.parse(file)
    statement = ofx.account.statement
    statements.append({
        'type': ofx.account.type and str(ofx.account.type),
        'start': statement.start_date.strftime('%Y-%m-%d'),
        'end': statement.end_date.strftime('%Y-%m-%d'),
        'balance': str(statement.balance),
        'balanceDate': statement.balance_date.strftime('%Y-%m-%d'),
        'transactions': [{'id': each.id, 'amount': str(each.amount)} for each in statement.transactions],
    })
print(json.dumps(statements))
`,
    ...paths,
  ) as ParsedStatement[];

describe('OFX statements in an OFX reader', () => {
  // Consecutive periods: two years, a quarter, a single day, and the rest of the data (past
  // the bank's balance date and today: the fixtures run to the end of 2026).
  const periods = [
    { from: '2024-01-01', to: '2025-12-31' },
    { from: '2026-01-01', to: '2026-03-31' },
    { from: '2026-04-01', to: '2026-04-01' },
    { from: '2026-04-02', to: '2026-12-31' },
  ];

  for (const accountId of ['acc-checking', 'acc-card']) {
    it(`each reconciles with itself: the last ledger balance plus the listed transactions is the new one, pending rows left out (${accountId})`, async () => {
      const paths: string[] = [];
      for (const [index, filters] of periods.entries()) {
        const path = join(folder.path, `extrato-${index}.ofx`);
        await exportTo(path, 'exports:ofx', { filters, accountId });
        paths.push(path);
      }
      const statements = readStatements(paths);
      const days = (period: { from: string; to: string }) => `date BETWEEN '${period.from}' AND '${period.to}'`;
      for (const [index, statement] of statements.entries()) {
        const period = periods[index] as { from: string; to: string };
        expect([statement.start, statement.end, statement.balanceDate]).toEqual([period.from, period.to, period.to]);
        const listed = statement.transactions.reduce((sum, each) => sum + cents(each.amount, '.'), 0);
        expect(listed).toBe(sumOf(`account_id = '${accountId}' AND status <> 'PENDING' AND ${days(period)}`));
        // Its opening is the ledger balance of the statement before.
        const previous = statements[index - 1];
        if (previous)
          expect(cents(previous.balance, '.') + listed, `statement ${index}`).toBe(cents(statement.balance, '.'));
      }
      // The periods hold pending rows (the fixtures make some 3% pending) that no statement lists.
      const pendingIds = session.database.sqlite
        .prepare(`SELECT id FROM transactions WHERE account_id = ? AND status = 'PENDING' AND removed_at IS NULL`)
        .pluck()
        .all(accountId) as string[];
      expect(pendingIds.length).toBeGreaterThan(3);
      const listedIds = new Set(statements.flatMap((statement) => statement.transactions.map((each) => each.id)));
      expect(pendingIds.filter((id) => listedIds.has(id))).toEqual([]);
      // Tied to the books: the cash flow's closing balance (pending rows in) less those pending by then.
      const last = periods.at(-1) as { from: string; to: string };
      const flow = await session.call<CashFlow>('reports:cash-flow', { ...last, accountIds: [accountId] });
      const pendingByEnd = sumOf(`account_id = '${accountId}' AND status = 'PENDING' AND date <= '${last.to}'`);
      expect(cents(statements.at(-1)?.balance ?? '', '.')).toBe(
        (flow.accounts[0]?.closingBalanceCents ?? NaN) - pendingByEnd,
      );
    });
  }

  it("is the account's whole period whatever else the screen filters, so that it still adds up", async () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const whole = join(folder.path, 'inteiro.ofx');
    const narrowed = join(folder.path, 'filtrado.ofx');
    await exportTo(whole, 'exports:ofx', { filters: period, accountId: 'acc-checking' });
    await exportTo(narrowed, 'exports:ofx', {
      filters: { ...period, search: 'PIX', direction: 'in', usage: 'business', minCents: 100 },
      accountId: 'acc-checking',
    });
    const [all, filtered] = readStatements([whole, narrowed]);
    expect(all?.transactions.length).toBeGreaterThan(50);
    expect(filtered).toEqual(all);
  });
});

describe('categories that share a name, in the files', () => {
  const period = { from: '2025-06-01', to: '2025-06-30' };

  /**
   * Balancete's starting categories and Pluggy's taxonomy share names ("Office supplies" in
   * English under two parents; "Impostos"/"Taxes" at the top in both languages), and the
   * user made two "Material"/"Supplies" under two parents of theirs: a transaction in each.
   */
  async function categorizeAlike(): Promise<string[]> {
    storePluggyCategories(session.database.db, [
      { id: '08000000', description: 'Shopping', descriptionTranslated: 'Compras' },
      { id: '08080000', description: 'Office supplies', descriptionTranslated: 'Papelaria', parentId: '08000000' },
      { id: '15000000', description: 'Taxes', descriptionTranslated: 'Impostos' },
    ]);
    const subcategory = async (parent: [string, string], child: [string, string]) => {
      const { id } = await session.call<CategorySummary>('categories:create', {
        name: parent[0],
        nameEn: parent[1],
        reportGroup: 'nondeductible_expense',
      });
      return (
        await session.call<CategorySummary>('categories:create', { name: child[0], nameEn: child[1], parentId: id })
      ).id;
    };
    const ids = [
      presetCategoryId('office-supplies'),
      '08080000',
      presetCategoryId('taxes'),
      '15000000',
      await subcategory(['Escritório', 'Office'], ['Material', 'Supplies']),
      await subcategory(['Casa', 'Home'], ['Material', 'Supplies']),
    ];
    new ProviderTransactionWriter(session.database.sqlite).write(
      ids.map((_, index) => row(`alike-${index}`, { amountCents: -(1000 + index), date: '2025-06-1' + String(index) })),
    );
    for (const [index, categoryId] of ids.entries()) {
      await session.call('transactions:update', { id: `alike-${index}`, patch: { categoryId } });
    }
    return ids;
  }

  const labels = {
    'pt-BR': [
      'Despesas dedutíveis (livro-caixa) › Material de escritório',
      'Compras › Papelaria',
      'Impostos',
      'Impostos (Pluggy)',
      'Escritório › Material',
      'Casa › Material',
    ],
    en: [
      'Deductible expenses (livro-caixa) › Office supplies',
      'Shopping › Office supplies',
      'Taxes',
      'Taxes (Pluggy)',
      'Office › Supplies',
      'Home › Supplies',
    ],
  } as const;

  for (const dialect of ['pt-BR', 'en'] as const) {
    it(`are told apart by their parents in the CSV (${dialect})`, async () => {
      await categorizeAlike();
      const path = join(folder.path, 'categorias.csv');
      await exportTo(path, 'exports:csv', { filters: period, dialect });
      const records = csvRecords(readFileSync(path), {
        delimiter: dialect === 'pt-BR' ? ';' : ',',
        bom: true,
        record_delimiter: '\r\n',
      });
      const byId = new Map(records.map((record) => [record[13], record[5]]));
      expect(labels[dialect].map((_, index) => byId.get(`alike-${index}`))).toEqual(labels[dialect]);
    });

    it(`are told apart by their parents in the workbook's transactions and DRE (${dialect})`, async () => {
      await categorizeAlike();
      await session.call('settings:update', { language: dialect });
      const path = join(folder.path, 'livros.xlsx');
      await exportTo(path, 'exports:xlsx', { filters: period });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const [transactions, pnl] = workbook.worksheets;
      const byId = new Map<string, string>();
      transactions?.eachRow((line) => byId.set(line.getCell(14).text, line.getCell(6).text));
      expect(labels[dialect].map((_, index) => byId.get(`alike-${index}`))).toEqual(labels[dialect]);
      // The DRE's category lines (indented under their section's heading).
      const lines: string[] = [];
      pnl?.eachRow((line) => {
        const text = line.getCell(1).text;
        if (text.startsWith('  ')) lines.push(text.trim());
      });
      for (const label of labels[dialect]) expect(lines.filter((line) => line === label)).toEqual([label]);
    });
  }
});

describe('the save dialog', () => {
  it('closed without a choice: no export, no file, and the answer says so', async () => {
    savePath = null;
    expect(await session.call('exports:csv', { dialect: 'pt-BR' })).toBeNull();
    expect(await session.call('exports:xlsx', {})).toBeNull();
    expect(readdirSync(folder.path)).toEqual([]);
    expect(progress).toEqual([]);
  });
});

describe('XLSX export', () => {
  it('refuses a period with a day that does not exist before the save dialog opens', async () => {
    for (const filters of [{ from: '0202-01-01' }, { to: '2026-02-31' }]) {
      await expect(exportTo(join(folder.path, 'livros.xlsx'), 'exports:xlsx', { filters })).rejects.toThrow(
        'INVALID_INPUT',
      );
    }
    expect(readdirSync(folder.path)).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('writes the workbook of the filters to the chosen file, with progress', async () => {
    const path = join(folder.path, 'livros.xlsx');
    const filters = { from: '2024-01-01', to: '2024-12-31' };
    const result = await exportTo<ExportResult>(path, 'exports:xlsx', { filters });
    const expected = await screenRows(filters);
    expect(result).toEqual({ path, rows: expected.length });
    expect(progress.at(-1)).toMatchObject({ format: 'xlsx', done: expected.length, total: expected.length });
    expect(readdirSync(folder.path)).toEqual(['livros.xlsx']);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX is
  });
});
