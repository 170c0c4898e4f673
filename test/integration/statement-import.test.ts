import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import type { ImportPreview, ImportResult, ImportSummary } from '../../electron/shared/imports.ts';
import type { AccountSummary } from '../../electron/shared/models.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import type { TransactionPage, TransactionRow } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';

const { session, call, linkSandboxBank } = noticedSession();
const fixtures = join(import.meta.dirname, '../fixtures/statements');
const file = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(join(fixtures, name)).toString('base64'),
});
const textFile = (name: string, text: string) => ({
  fileName: name,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

const newAccount = (overrides: Record<string, unknown> = {}) =>
  call<AccountSummary>('accounts:create-manual', {
    institution: 'Itaú',
    name: 'Conta PJ',
    kind: 'CHECKING_ACCOUNT',
    openingBalanceCents: 0,
    openingBalanceDate: '2026-01-01',
    ...overrides,
  });
const rowsOf = async (accountId: string) => {
  const rows: TransactionRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call<TransactionPage>('transactions:list', {
      filters: { accountIds: [accountId] },
      limit: 1000,
      offset,
    });
    rows.push(...page.rows);
    if (page.rows.length < 1000) return rows;
  }
};
const balanceOf = async (id: string) =>
  (await call<AccountSummary[]>('accounts:list')).find((account) => account.id === id)?.balanceCents;
const totalsHold = () => expect(monthlyTotalsMismatches(session.database.sqlite)).toEqual([]);

describe('importing a statement file', () => {
  it('an Itaú SGML OFX in windows-1252: previewed, added whole with accents, and a second import adds nothing', async () => {
    const account = await newAccount();
    const input = { accountId: account.id, ...file('itau-extrato-102.ofx') };
    const preview = await call<ImportPreview>('imports:preview', input);
    expect(preview).toMatchObject({ format: 'ofx', encoding: 'windows-1252', seenCount: 0, review: [] });
    expect(preview.newCount).toBe(preview.rowCount);
    expect(preview.rowCount).toBeGreaterThan(3);
    expect(await rowsOf(account.id)).toEqual([]);

    const result = await call<ImportResult>('imports:apply', input);
    expect(result).toMatchObject({
      accountId: account.id,
      format: 'ofx',
      addedCount: preview.rowCount,
      skippedCount: 0,
    });
    const rows = await rowsOf(account.id);
    expect(rows).toHaveLength(preview.rowCount);
    expect(rows.every((row) => row.origin === 'import')).toBe(true);
    expect(rows.some((row) => /[ÁÉÍÓÚÃÕÇáéíóúãõç]/.test(row.description))).toBe(true);
    const sum = rows.reduce((total, row) => total + row.amountCents, 0);
    expect(await balanceOf(account.id)).toBe(sum);
    totalsHold();

    const again = await call<ImportPreview>('imports:preview', input);
    expect(again).toMatchObject({ newCount: 0, seenCount: preview.rowCount, review: [] });
    expect(await call<ImportResult>('imports:apply', input)).toMatchObject({ addedCount: 0 });
    expect(await rowsOf(account.id)).toHaveLength(preview.rowCount);

    const history = await call<ImportSummary[]>('imports:list', { accountId: account.id });
    expect(history.map((each) => each.addedCount).sort()).toEqual([0, preview.rowCount].sort());
  });

  it('a pt-BR CSV: the reading proposed, remembered for the account, balance lines skipped, undone as a whole', async () => {
    const account = await newAccount();
    const input = { accountId: account.id, ...file('itau-extrato.csv') };
    const preview = await call<ImportPreview>('imports:preview', input);
    expect(preview.format).toBe('csv');
    expect(preview.csv?.reading).toMatchObject({ separator: ';', decimalMark: ',', dateFormat: 'dd/mm/yyyy' });
    expect(preview.csv?.remembered).toBe(false);
    expect(preview.firstRows.map((row) => row.description)).not.toContain('SALDO ANTERIOR');
    expect(preview.firstRows).toContainEqual(
      expect.objectContaining({ date: '2026-11-05', description: 'PAGAMENTO DE TÍTULO', amountCents: -123_456 }),
    );
    const result = await call<ImportResult>('imports:apply', input);
    expect(result.addedCount).toBe(preview.rowCount);
    expect((await call<ImportPreview>('imports:preview', input)).csv?.remembered).toBe(true);
    totalsHold();

    const undone = await call<ImportSummary>('imports:undo', { id: result.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(await rowsOf(account.id)).toEqual([]);
    expect(await balanceOf(account.id)).toBe(0);
    totalsHold();
    const twice = await dispatch(session.handlers, 'imports:undo', { id: result.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'UNDO_ALREADY_APPLIED' } });
  });

  it("shows a row that looks like the bank's side by side, skips it unless kept", async () => {
    await linkSandboxBank();
    const [bank] = await call<AccountSummary[]>('accounts:list');
    if (!bank) throw new Error('the sandbox bank has accounts');
    const held = (await rowsOf(bank.id)).find((row) => !row.pending);
    if (!held) throw new Error('the bank sent rows');
    const [year, month, day] = held.date.split('-');
    const amount = (Math.abs(held.amountCents) / 100).toFixed(2).replace('.', ',');
    const sign = held.amountCents < 0 ? '-' : '';
    const csv = `Data;Descrição;Valor\n${day}/${month}/${year};${held.description};${sign}${amount}\n${day}/${month}/${year};Compra nova que o banco não tem;-12,34\n`;
    const input = { accountId: bank.id, ...textFile('extrato.csv', csv) };
    const preview = await call<ImportPreview>('imports:preview', input);
    expect(preview).toMatchObject({ rowCount: 2, newCount: 1, seenCount: 0 });
    expect(preview.review).toHaveLength(1);
    expect(preview.review[0]).toMatchObject({
      line: 2,
      amountCents: held.amountCents,
      existing: { id: held.id, origin: 'bank' },
    });
    const skipped = await call<ImportResult>('imports:apply', input);
    expect(skipped).toMatchObject({ addedCount: 1, skippedCount: 1, keptCount: 0 });
    await call('imports:undo', { id: skipped.id });
    const kept = await call<ImportResult>('imports:apply', { ...input, keepLines: [2] });
    expect(kept).toMatchObject({ addedCount: 2, skippedCount: 0, keptCount: 1 });
    totalsHold();
  });

  it('refuses a bad file whole, naming the line, and writes nothing', async () => {
    const account = await newAccount();
    for (const [name, reason, line] of [
      ['com-data-invalida.csv', 'STATEMENT_BAD_DATE', expect.any(Number)],
      ['com-valor-invalido.csv', 'STATEMENT_BAD_AMOUNT', expect.any(Number)],
      ['pagina-de-login.ofx', 'STATEMENT_NOT_OFX', undefined],
      ['vazio.csv', 'STATEMENT_EMPTY', undefined],
    ] as const) {
      const answer = await dispatch(session.handlers, 'imports:apply', { accountId: account.id, ...file(name) });
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'STATEMENT_INVALID', details: { reason } } });
      if (line !== undefined && !answer.ok) expect((answer.error.details as { line?: number }).line).toEqual(line);
    }
    expect(await rowsOf(account.id)).toEqual([]);
    expect(await call<ImportSummary[]>('imports:list', { accountId: account.id })).toEqual([]);
  });

  it('takes an OFX closing balance as the manual account balance when asked, and undo puts the opening back', async () => {
    const account = await newAccount({ openingBalanceDate: '2026-12-01' });
    const input = { accountId: account.id, ...file('itau-extrato-102.ofx') };
    const preview = await call<ImportPreview>('imports:preview', input);
    const ledger = preview.ofx?.ledgerBalance;
    if (!ledger) throw new Error('the Itaú statement has a closing balance');
    const result = await call<ImportResult>('imports:apply', { ...input, adoptBalance: true });
    expect(await balanceOf(account.id)).toBe(ledger.amountCents);
    await call('imports:undo', { id: result.id });
    expect((await call<AccountSummary[]>('accounts:list')).find((each) => each.id === account.id)).toMatchObject({
      openingBalanceCents: 0,
      openingBalanceDate: '2026-12-01',
      balanceCents: 0,
    });
  });

  it("round-trips Balancete's own OFX: a new manual account gets the same rows and balance; the original account gets nothing", async () => {
    await linkSandboxBank();
    const [bank] = await call<AccountSummary[]>('accounts:list');
    if (!bank) throw new Error('the sandbox bank has accounts');
    const exported = await call<ExportResult>('exports:ofx', { accountId: bank.id });
    const statement = { fileName: 'conta.ofx', contentBase64: readFileSync(exported.path).toString('base64') };
    const original = (await rowsOf(bank.id)).filter((row) => !row.pending);
    expect(original.length).toBeGreaterThan(5);

    const intoOriginal = await call<ImportPreview>('imports:preview', { accountId: bank.id, ...statement });
    expect(intoOriginal).toMatchObject({ newCount: 0, review: [] });
    expect(intoOriginal.seenCount).toBe(intoOriginal.rowCount);
    expect(await call<ImportResult>('imports:apply', { accountId: bank.id, ...statement })).toMatchObject({
      addedCount: 0,
    });

    const copy = await newAccount({ institution: bank.institution, name: 'Cópia', openingBalanceDate: '2026-12-31' });
    const preview = await call<ImportPreview>('imports:preview', { accountId: copy.id, ...statement });
    const ledger = preview.ofx?.ledgerBalance;
    if (!ledger) throw new Error("Balancete's OFX has a closing balance");
    await call<ImportResult>('imports:apply', { accountId: copy.id, ...statement, adoptBalance: true });
    const shape = (rows: TransactionRow[]) =>
      rows
        .map((row) => ({
          date: row.date,
          description: row.description,
          amountCents: row.accountAmountCents,
          // OFX 1.0.2 holds 32 characters in NAME, where the counterparty travels.
          counterparty: row.counterparty?.slice(0, 32).trimEnd() ?? null,
        }))
        .sort((a, b) =>
          `${a.date}${a.description}${a.amountCents}`.localeCompare(`${b.date}${b.description}${b.amountCents}`),
        );
    expect(shape(await rowsOf(copy.id))).toEqual(shape(original));
    expect(await balanceOf(copy.id)).toBe(ledger.amountCents);
    totalsHold();
  });
});
