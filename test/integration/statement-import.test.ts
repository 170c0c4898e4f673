import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import type {
  ImportPreview,
  ImportResult,
  ImportSummary,
  StatementProblemDetails as ImportProblem,
} from '../../electron/shared/imports.ts';
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
      seenCount: 0,
      reviewSkippedCount: 0,
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
    expect(await call<ImportResult>('imports:apply', input)).toMatchObject({
      addedCount: 0,
      skippedCount: preview.rowCount,
      seenCount: preview.rowCount,
      reviewSkippedCount: 0,
    });
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
    expect(skipped).toMatchObject({
      addedCount: 1,
      skippedCount: 1,
      keptCount: 0,
      seenCount: 0,
      reviewSkippedCount: 1,
    });
    // The same file again: the row added is held now, the look-alike is still one.
    const again = await call<ImportResult>('imports:apply', input);
    expect(again).toMatchObject({ addedCount: 0, skippedCount: 2, seenCount: 1, reviewSkippedCount: 1 });
    await call('imports:undo', { id: again.id });
    await call('imports:undo', { id: skipped.id });
    const kept = await call<ImportResult>('imports:apply', { ...input, keepLines: [2] });
    expect(kept).toMatchObject({ addedCount: 2, skippedCount: 0, keptCount: 1, seenCount: 0, reviewSkippedCount: 0 });
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

  it('shows the CSV split by the reading in force, not by the one the file suggested', async () => {
    const account = await newAccount();
    const input = { accountId: account.id, ...file('itau-extrato.csv') };
    const proposed = await call<ImportPreview>('imports:preview', input);
    const reading = proposed.csv?.reading;
    if (!reading) throw new Error('a CSV preview has a reading');
    expect(proposed.csv).toMatchObject({ header: null, sampleLines: [1, 2, 3, 4, 5, 6, 7, 8], columnCount: 3 });

    // The first line taken as a header: the sample follows, and so do the rows.
    const withHeader = await call<ImportPreview>('imports:preview', { ...input, csv: { ...reading, hasHeader: true } });
    expect(withHeader.csv).toMatchObject({
      reading: { hasHeader: true },
      header: ['01/11/2026', 'SALDO ANTERIOR', '1.500,00'],
      columnCount: 3,
    });
    expect(withHeader.csv?.sampleLines[0]).toBe(2);
    expect(withHeader.csv?.sample[0]).toEqual(proposed.csv?.sample[1]);

    // Split at commas: the decimal commas cut the amounts in two, and the table shows it.
    const commas = await dispatch(session.handlers, 'imports:preview', {
      ...input,
      csv: { ...reading, separator: ',' },
    });
    expect(commas).toMatchObject({ ok: false, error: { code: 'STATEMENT_INVALID' } });
    const split = !commas.ok ? (commas.error.details as ImportProblem).csv : undefined;
    expect(split?.reading.separator).toBe(',');
    expect(split?.sample[0]).toEqual(['01/11/2026;SALDO ANTERIOR;1.500', '00']);
    expect(split?.columnCount).toBe(2);
  });

  it('reads a CSV in the encoding chosen, and tells it from the bytes when none is', async () => {
    const account = await newAccount();
    const input = { accountId: account.id, ...file('bradesco-extrato.csv') };
    const told = await call<ImportPreview>('imports:preview', input);
    expect(told.encoding).toBe('windows-1252');
    const reading = told.csv?.reading;
    if (!reading) throw new Error('a CSV preview has a reading');
    expect(reading.encoding).toBeUndefined();
    const descriptions = (preview: ImportPreview) => preview.firstRows.map((row) => row.description);
    expect(descriptions(told)).toContain('TRANSFERENCIA PIX - REM: JOSÉ DA SILVA 03/11');

    const asUtf8 = await call<ImportPreview>('imports:preview', { ...input, csv: { ...reading, encoding: 'utf-8' } });
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', csv: { reading: { encoding: 'utf-8' } } });
    expect(descriptions(asUtf8)).toContain('TRANSFERENCIA PIX - REM: JOS\uFFFD DA SILVA 03/11');
    expect(descriptions(asUtf8)).not.toEqual(descriptions(told));
    expect(asUtf8.csv?.header).toContain('Lan\uFFFDamento');

    const chosen = { ...reading, encoding: 'windows-1252' as const };
    const as1252 = await call<ImportPreview>('imports:preview', { ...input, csv: chosen });
    expect(as1252.encoding).toBe('windows-1252');
    expect(descriptions(as1252)).toEqual(descriptions(told));
    expect(as1252.csv?.header).toContain('Lançamento');

    // Imported as chosen; the account remembers the reading but not the encoding, told afresh per file.
    await call<ImportResult>('imports:apply', { ...input, csv: chosen });
    expect((await rowsOf(account.id)).map((row) => row.description)).toContain(
      'TRANSFERENCIA PIX - REM: JOSÉ DA SILVA 03/11',
    );
    const next = await call<ImportPreview>('imports:preview', input);
    expect(next.csv?.remembered).toBe(true);
    expect(next.csv?.reading.encoding).toBeUndefined();
  });

  it('a CSV that does not read as proposed says why, with the reading and the file split by it, to change', async () => {
    const account = await newAccount();
    const input = { accountId: account.id, ...file('com-titulo-na-primeira-linha.csv') };
    // The bank's title line is as wide as the table: taken for its header, the real header is a row without a date.
    const first = await dispatch(session.handlers, 'imports:preview', input);
    expect(first).toMatchObject({
      ok: false,
      error: {
        code: 'STATEMENT_INVALID',
        details: {
          reason: 'STATEMENT_BAD_DATE',
          line: 2,
          value: 'Data',
          encoding: 'utf-8',
          csv: {
            reading: { separator: ';', hasHeader: true, firstLine: 1 },
            remembered: false,
            header: ['Extrato de conta corrente', 'Agência: 1234', 'Conta: 12345-6'],
            sampleLines: [2, 3, 4, 5],
            columnCount: 3,
          },
        },
      },
    });
    const problem = !first.ok ? (first.error.details as ImportProblem) : undefined;
    expect(problem?.csv?.sample[0]).toEqual(['Data', 'Histórico', 'Valor']);
    // Applying it is refused the same way, and writes nothing.
    expect(await dispatch(session.handlers, 'imports:apply', input)).toMatchObject({
      ok: false,
      error: { details: { reason: 'STATEMENT_BAD_DATE', csv: { columnCount: 3 } } },
    });
    expect(await rowsOf(account.id)).toEqual([]);

    // The table starts on line 2: it reads.
    const reading = problem?.csv?.reading;
    if (!reading) throw new Error('the error carries the reading tried');
    const fixed = await call<ImportPreview>('imports:preview', { ...input, csv: { ...reading, firstLine: 2 } });
    expect(fixed).toMatchObject({
      rowCount: 3,
      newCount: 3,
      csv: { header: ['Data', 'Histórico', 'Valor'], sampleLines: [3, 4, 5] },
    });
    expect(fixed.firstRows[1]).toMatchObject({
      date: '2026-11-05',
      description: 'TARIFA PACOTE SERVIÇOS',
      amountCents: -3590,
    });

    // A date that is no date in any format: the line named, the reading still offered.
    const invalid = await dispatch(session.handlers, 'imports:preview', {
      accountId: account.id,
      ...file('com-data-invalida.csv'),
    });
    expect(invalid).toMatchObject({
      ok: false,
      error: { details: { reason: 'STATEMENT_BAD_DATE', line: 5, csv: { sampleLines: [2, 3, 5] } } },
    });
    // A mapping the file has no column for, as the user sent it.
    const missing = await dispatch(session.handlers, 'imports:preview', {
      ...input,
      csv: { ...reading, firstLine: 2, mapping: { date: 0, description: 1, amount: 5 } },
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { details: { reason: 'STATEMENT_MISSING_COLUMN', csv: { reading: { mapping: { amount: 5 } } } } },
    });
    // An empty file has no reading to change.
    const empty = await dispatch(session.handlers, 'imports:preview', { accountId: account.id, ...file('vazio.csv') });
    expect(empty).toMatchObject({ ok: false, error: { details: { reason: 'STATEMENT_EMPTY' } } });
    expect(!empty.ok && (empty.error.details as ImportProblem).csv).toBeUndefined();
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
