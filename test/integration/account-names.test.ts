import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { accounts } from '../../db/schema.ts';
import type { SaveSuggestion } from '../../electron/core/exports/file-names.ts';
import type { ClassificationReviewList } from '../../electron/shared/classification.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import type { AccountSummary } from '../../electron/shared/models.ts';
import type { CashFlow, Dashboard } from '../../electron/shared/reports.ts';
import type { TransactionRow } from '../../electron/shared/transactions.ts';
import { handlerSession } from '../support/handler-session.ts';
import { NoticeRecorder } from '../support/ipc-session.ts';
import { screenRows } from '../support/screen-rows.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { eq } from 'drizzle-orm';

// Three banks' first syncs, then files of a year of their transactions.
vi.setConfig({ testTimeout: 60_000 });

let notices: NoticeRecorder;
/** What the save dialog was offered, in order; the files go to the test's folder under those names. */
let suggestions: SaveSuggestion[];
let folder: ReturnType<typeof makeTempDir>;
const session = handlerSession({
  deps: () => {
    notices = new NoticeRecorder();
    suggestions = [];
    folder = makeTempDir();
    return {
      emit: notices.emit,
      chooseExportPath: (suggestion) => {
        suggestions.push(suggestion);
        return Promise.resolve(join(folder.path, suggestion.name));
      },
    };
  },
  check: () => folder.remove(),
});
const { call } = session;

/**
 * Links a sandbox bank through the handlers, as the Connect window does, answering its MFA
 * questions (connector 2 asks one, 5 two), and waits for its first sync.
 */
async function link(connectorId: number, questions: number): Promise<string> {
  notices.clear();
  const created = await call<{ id: string }>('connections:create', {
    connectorId,
    parameters: { user: 'user-ok', password: 'password-ok' },
  });
  for (let asked = 0; asked < questions; asked += 1) {
    // Each question makes the connection wait on the user again (a second one sends no new notice).
    await vi.waitFor(
      async () => {
        const listed = await call<{ id: string; status: string }[]>('connections:list');
        expect(listed.find((connection) => connection.id === created.id)?.status).toBe('WAITING_USER_INPUT');
      },
      { timeout: 20_000, interval: 20 },
    );
    await call('connections:mfa', { itemId: created.id, answer: { token: '123456' } });
  }
  await notices.next('item-updated', created.id);
  return created.id;
}

/** Sandbox connectors 0, 2 and 5: three banks whose accounts have the same names and numbers. */
async function linkThreeBanks(): Promise<AccountSummary[]> {
  await link(0, 0);
  await link(2, 1);
  await link(5, 2);
  const listed = await call<AccountSummary[]>('accounts:list');
  expect(listed).toHaveLength(9);
  return listed;
}

/** Bare names two accounts share ("Conta Corrente" ×3…): none may name an account anywhere. */
function sharedBareNames(listed: readonly AccountSummary[]): Set<string> {
  const counts = new Map<string, number>();
  for (const account of listed) counts.set(account.name, (counts.get(account.name) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([name]) => name));
}

/**
 * Every (account, name) a screen or file gave: each account has one name, no two accounts
 * share one, and none is a bare name two accounts share.
 */
function expectUnambiguous(where: string, named: Iterable<readonly [string, string]>, shared: ReadonlySet<string>) {
  const byName = new Map<string, Set<string>>();
  const byAccount = new Map<string, Set<string>>();
  for (const [accountId, name] of named) {
    byName.set(name, (byName.get(name) ?? new Set()).add(accountId));
    byAccount.set(accountId, (byAccount.get(accountId) ?? new Set()).add(name));
    expect(shared.has(name), `${where}: "${name}" is a bare name two accounts share`).toBe(false);
  }
  for (const [name, ids] of byName) expect([...ids], `${where}: "${name}" names several accounts`).toHaveLength(1);
  for (const [id, names] of byAccount) expect([...names], `${where}: ${id} has several names`).toHaveLength(1);
  return byAccount.size;
}

const year = { from: '2000-01-01', to: '2100-12-31' };

describe('three banks with the same account names', () => {
  it('every payload and file names each account uniquely, as accounts:list does', async () => {
    const listed = await linkThreeBanks();
    const shared = sharedBareNames(listed);
    expect([...shared].sort()).toEqual(['Conta Corrente', 'Mastercard Black', 'Poupança']);
    const full = new Map(listed.map((account) => [account.id, account.displayName]));
    const short = new Map(listed.map((account) => [account.id, account.shortName]));
    const institution = new Map(listed.map((account) => [account.id, account.institution]));
    expectUnambiguous('accounts:list', full, shared);
    expectUnambiguous('accounts:list (short)', short, shared);
    expect(listed.find((account) => account.institution === 'Pluggy Bank MFA 2-step')).toMatchObject({
      displayName: 'Pluggy Bank MFA 2-step · Conta Corrente ·· 2345-0',
      shortName: 'Pluggy Bank MFA 2-step ·· 2345-0',
    });
    // Listed by institution, each bank's accounts together, bank accounts before cards.
    expect(listed.map((account) => account.displayName)).toEqual([
      'Pluggy Bank · Conta Corrente ·· 2345-0',
      'Pluggy Bank · Poupança ·· 4321-9',
      'Pluggy Bank · Mastercard Black ·· 4242',
      'Pluggy Bank MFA · Conta Corrente ·· 2345-0',
      'Pluggy Bank MFA · Poupança ·· 4321-9',
      'Pluggy Bank MFA · Mastercard Black ·· 4242',
      'Pluggy Bank MFA 2-step · Conta Corrente ·· 2345-0',
      'Pluggy Bank MFA 2-step · Poupança ·· 4321-9',
      'Pluggy Bank MFA 2-step · Mastercard Black ·· 4242',
    ]);

    // The transactions list: the full name, the short one, the bank, as accounts:list has them.
    const rows = await screenRows(session, year);
    const sameAsList = (row: TransactionRow) => {
      expect(row.accountName).toBe(full.get(row.accountId));
      expect(row.accountShortName).toBe(short.get(row.accountId));
      expect(row.institution).toBe(institution.get(row.accountId));
    };
    rows.forEach(sameAsList);
    expect(
      expectUnambiguous(
        'transactions:list',
        rows.map((row) => [row.accountId, row.accountName]),
        shared,
      ),
    ).toBe(9);
    expectUnambiguous(
      'transactions:list (short)',
      rows.map((row) => [row.accountId, row.accountShortName]),
      shared,
    );
    // Sorted by account, rows come in the order accounts are listed.
    const byAccount = await call<{ rows: TransactionRow[] }>('transactions:list', {
      filters: year,
      sort: 'account',
      descending: false,
      limit: 1000,
    });
    const order = [...new Set(byAccount.rows.map((row) => row.accountId))];
    expect(order).toEqual(listed.map((account) => account.id).slice(0, order.length));

    // The review of the classification shows transactions as the list does.
    const review = await call<ClassificationReviewList>('classification:review');
    review.items.flatMap((item) => item.examples).forEach(sameAsList);

    // Reports: cash flow and the dashboard's balances, named and ordered as the list.
    const flow = await call<CashFlow>('reports:cash-flow', year);
    expect(flow.accounts.map((account) => [account.accountId, account.displayName])).toEqual(
      listed.map((account) => [account.id, account.displayName]),
    );
    expect(flow.accounts.map((account) => account.shortName)).toEqual(listed.map((account) => account.shortName));
    const dashboard = await call<Dashboard>('reports:dashboard', { from: '2025-01-01', to: '2100-12-31' });
    expect(dashboard.balances.accounts.map((account) => [account.accountId, account.displayName])).toEqual(
      listed.map((account) => [account.id, account.displayName]),
    );
    for (const month of dashboard.balances.months) {
      expect(month.balances.map((balance) => balance.accountId)).toEqual(listed.map((account) => account.id));
    }

    // CSV, both dialects: "Banco" is the institution, "Conta" the unique display name.
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [dialect, delimiter] of [
      ['pt-BR', ';'],
      ['en', ','],
    ] as const) {
      const result = await call<ExportResult>('exports:csv', { filters: year, dialect });
      const records: unknown = parseCsv(readFileSync(result.path), {
        delimiter,
        bom: true,
        record_delimiter: '\r\n',
      });
      const [header, ...lines] = records as string[][];
      const column = (name: string) => header?.indexOf(name) ?? -1;
      const [bank, account, id] =
        dialect === 'pt-BR'
          ? [column('Banco'), column('Conta'), column('ID Pluggy')]
          : [column('Bank'), column('Account'), column('Pluggy ID')];
      expect(Math.min(bank, account, id), header?.join()).toBeGreaterThanOrEqual(0);
      const named = lines.map((line) => {
        const row = byId.get(line[id] as string) as TransactionRow;
        expect([line[bank], line[account]]).toEqual([row.institution, row.accountName]);
        return [row.accountId, line[account] as string] as const;
      });
      expect(expectUnambiguous(`CSV ${dialect}`, named, shared)).toBe(9);
    }

    // The workbook's Transações sheet, read back.
    const workbookResult = await call<ExportResult>('exports:xlsx', { filters: year });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookResult.path);
    const sheet = workbook.getWorksheet('Transações');
    if (!sheet) throw new Error('no Transações sheet');
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => headings.indexOf(name) + 1;
    expect([cell('Banco'), cell('Conta')]).toEqual([4, 5]);
    const sheetNames: (readonly [string, string])[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const transaction = byId.get(row.getCell(cell('ID Pluggy')).text) as TransactionRow;
      expect([row.getCell(cell('Banco')).text, row.getCell(cell('Conta')).text]).toEqual([
        transaction.institution,
        transaction.accountName,
      ]);
      sheetNames.push([transaction.accountId, row.getCell(cell('Conta')).text]);
    });
    expect(expectUnambiguous('XLSX', sheetNames, shared)).toBe(9);

    // OFX: each account's file name carries its bank and its name, never one twice.
    suggestions.length = 0;
    for (const account of listed) await call('exports:ofx', { accountId: account.id, filters: year });
    const names = suggestions.map((suggestion) => suggestion.name);
    expect(new Set(names).size).toBe(9);
    expect(names[0]).toBe('balancete-extrato-pluggy-bank-conta-corrente-2345-0-2000-01-01-a-2100-12-31.ofx');
    expect(names[8]).toBe('balancete-extrato-pluggy-bank-mfa-2-step-mastercard-black-4242-2000-01-01-a-2100-12-31.ofx');
  });

  it('a nickname names the account everywhere, with its bank still in files; a removed bank’s kept accounts are marked', async () => {
    const listed = await linkThreeBanks();
    const checking = listed.find((account) => account.institution === 'Pluggy Bank MFA' && account.type === 'BANK');
    if (!checking) throw new Error('no checking account');
    // A nickname the user gave (the accounts screen's to set; here straight in the books).
    session.database.db
      .update(accounts)
      .set({ nickname: 'Reserva de impostos' })
      .where(eq(accounts.id, checking.id))
      .run();
    const renamed = await call<AccountSummary[]>('accounts:list');
    expect(renamed.find((account) => account.id === checking.id)).toMatchObject({
      displayName: 'Reserva de impostos',
      shortName: 'Reserva de impostos',
    });
    const rows = (await screenRows(session, { ...year, accountIds: [checking.id] })).slice(0, 5);
    expect(rows.map((row) => [row.accountName, row.institution])).toEqual(
      rows.map(() => ['Reserva de impostos', 'Pluggy Bank MFA']),
    );
    const flow = await call<CashFlow>('reports:cash-flow', year);
    expect(flow.accounts.find((account) => account.accountId === checking.id)?.displayName).toBe('Reserva de impostos');
    await call('exports:ofx', { accountId: checking.id });
    expect(suggestions.at(-1)?.name).toBe('balancete-extrato-pluggy-bank-mfa-reserva-de-impostos.ofx');

    // A workbook of some accounts says which under its DRE and livro-caixa, by their names.
    const chosen = [listed[0]?.id as string, checking.id];
    const workbookResult = await call<ExportResult>('exports:xlsx', { filters: { ...year, accountIds: chosen } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookResult.path);
    for (const sheetName of ['DRE', 'Livro-caixa']) {
      const sheet = workbook.getWorksheet(sheetName);
      expect(sheet?.getRow(sheet.rowCount).getCell(1).value, sheetName).toBe(
        'Contas: Pluggy Bank · Conta Corrente ·· 2345-0, Reserva de impostos',
      );
    }

    // The first bank removed, its data kept: its accounts keep their names, marked wherever they show.
    const first = listed[0]?.connectionId as string;
    await call('connections:remove', { itemId: first, keepData: true });
    const after = await call<AccountSummary[]>('accounts:list');
    expect(after.map((account) => account.displayName)).toEqual(renamed.map((account) => account.displayName));
    const disconnected = new Set(after.filter((account) => account.disconnected).map((account) => account.id));
    expect(disconnected).toEqual(
      new Set(listed.filter((account) => account.connectionId === first).map((account) => account.id)),
    );
    for (const row of await screenRows(session, { from: '2026-01-01', to: '2100-12-31' })) {
      expect(row.accountDisconnected).toBe(disconnected.has(row.accountId));
    }
    const flowAfter = await call<CashFlow>('reports:cash-flow', year);
    for (const account of flowAfter.accounts) {
      expect(account.disconnected).toBe(disconnected.has(account.accountId));
    }
    const dashboard = await call<Dashboard>('reports:dashboard', { from: '2026-01-01', to: '2100-12-31' });
    for (const account of dashboard.balances.accounts) {
      expect(account.disconnected).toBe(disconnected.has(account.accountId));
    }
  });
});
