import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import type { AccountSummary, ConnectionSummary } from '../../electron/shared/models.ts';
import type { ReconciliationSetup } from '../../electron/shared/reconciliation.ts';
import type { TransactionsDeleted, TransferResult } from '../../electron/shared/own-entries.ts';
import type { ProfitAndLoss } from '../../electron/shared/reports.ts';
import type { TransactionPage, TransactionRow } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';
import { reconcile } from '../support/reconciled-fixture.ts';

const { session, call, linkSandboxBank } = noticedSession();

const accountsNow = () => call<AccountSummary[]>('accounts:list');
const accountNamed = async (id: string) => {
  const account = (await accountsNow()).find((each) => each.id === id);
  if (!account) throw new Error(`account ${id} is listed`);
  return account;
};
const rowsOf = async (accountId: string) =>
  (await call<TransactionPage>('transactions:list', { filters: { accountIds: [accountId] }, limit: 500 })).rows;
const rowById = async (accountId: string, id: string): Promise<TransactionRow | undefined> =>
  (await rowsOf(accountId)).find((row) => row.id === id);
const totalsHold = () => expect(monthlyTotalsMismatches(session.database.sqlite)).toEqual([]);
const errorOf = async (channel: string, input: unknown) => {
  const result = await dispatch(session.handlers, channel, input);
  return result.ok ? null : result.error.code;
};

const cash = {
  institution: 'Carteira',
  name: 'Dinheiro',
  kind: 'CASH',
  openingBalanceCents: 25_000,
  openingBalanceDate: '2026-11-01',
} as const;

describe('manual accounts', () => {
  it('is created with its opening balance, listed as manual, never as a connection, and deleted whole', async () => {
    const created = await call<AccountSummary>('accounts:create-manual', cash);
    expect(created).toMatchObject({
      institution: 'Carteira',
      name: 'Dinheiro',
      type: 'BANK',
      subtype: 'CASH',
      currencyCode: 'BRL',
      balanceCents: 25_000,
      balanceDate: '2026-11-01',
      openingBalanceCents: 25_000,
      openingBalanceDate: '2026-11-01',
      mode: 'manual',
      closed: false,
      disconnected: false,
    });
    expect((await accountsNow()).map((account) => account.id)).toContain(created.id);
    expect(await call<ConnectionSummary[]>('connections:list')).toEqual([]);

    const edited = await call<AccountSummary>('accounts:edit-manual', {
      id: created.id,
      institution: 'Cofre',
      name: 'Caixa do escritório',
      openingBalanceCents: 10_000,
    });
    expect(edited).toMatchObject({ institution: 'Cofre', name: 'Caixa do escritório', balanceCents: 10_000 });

    await call('transactions:create', {
      accountId: created.id,
      date: '2026-11-03',
      description: 'Café com cliente',
      amountCents: -1_250,
    });
    expect(await call('accounts:deletion', { id: created.id })).toMatchObject({
      deletable: true,
      transactionCount: 1,
      lastOfConnection: true,
    });
    expect(await call('accounts:delete', { id: created.id })).toBeNull();
    expect((await accountsNow()).map((account) => account.id)).not.toContain(created.id);
    const { sqlite } = session.database;
    expect(sqlite.prepare("SELECT count(*) FROM connections WHERE mode = 'manual'").pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    totalsHold();
  });

  it("refuses plain-language errors: the bank's account, bad input", async () => {
    await linkSandboxBank();
    const [bank] = await accountsNow();
    if (!bank) throw new Error('the sandbox bank has accounts');
    expect(bank.mode).toBe('demo');
    expect(await errorOf('accounts:edit-manual', { id: bank.id, name: 'Outro' })).toBe('ACCOUNT_NOT_MANUAL');
    expect(await errorOf('accounts:create-manual', { ...cash, institution: '  ' })).toBe('INVALID_INPUT');
    expect(await errorOf('accounts:create-manual', { ...cash, openingBalanceDate: '2026-02-30' })).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('manual transactions', () => {
  it('moves a manual account balance, the reports and the search, and is edited and deleted with undo', async () => {
    const account = await call<AccountSummary>('accounts:create-manual', cash);
    const categoryId = session.database.sqlite
      .prepare("SELECT id FROM categories WHERE source = 'user' AND parent_id IS NULL LIMIT 1")
      .pluck()
      .get() as string;
    const { id } = await call<{ id: string }>('transactions:create', {
      accountId: account.id,
      date: '2026-11-05',
      description: 'Recebido em espécie — Studio Ipê',
      amountCents: 180_000,
      counterparty: 'Studio Ipê',
      categoryId,
      notes: 'Projeto de logotipo',
    });
    expect(await rowById(account.id, id)).toMatchObject({
      origin: 'manual',
      amountCents: 180_000,
      counterparty: 'Studio Ipê',
      categoryId,
      categorySource: 'manual',
      notes: 'Projeto de logotipo',
      pending: false,
    });
    expect((await accountNamed(account.id)).balanceCents).toBe(205_000);
    const search = await call<TransactionPage>('transactions:list', { filters: { search: 'ipe' } });
    expect(search.rows.map((row) => row.id)).toEqual([id]);
    totalsHold();
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const before = await call<ProfitAndLoss>('reports:profit-and-loss', november);

    await call('transactions:edit', {
      id,
      amountCents: 150_000,
      date: '2026-12-02',
      description: 'Recebido — Studio Ipê',
    });
    expect(await rowById(account.id, id)).toMatchObject({ amountCents: 150_000, date: '2026-12-02' });
    expect(await accountNamed(account.id)).toMatchObject({ balanceCents: 175_000, balanceDate: '2026-12-02' });
    totalsHold();
    const after = await call<ProfitAndLoss>('reports:profit-and-loss', november);
    expect(after).not.toEqual(before);

    const deleted = await call<TransactionsDeleted>('transactions:delete', { ids: [id] });
    expect(deleted.deleted).toBe(1);
    expect(await rowsOf(account.id)).toEqual([]);
    expect((await accountNamed(account.id)).balanceCents).toBe(25_000);
    expect((await call<TransactionPage>('transactions:list', { filters: { search: 'ipe' } })).rows).toEqual([]);
    totalsHold();

    expect(await call('undo:apply', { id: deleted.undoId })).toEqual({ restored: 1 });
    expect(await rowById(account.id, id)).toMatchObject({
      amountCents: 150_000,
      categoryId,
      notes: 'Projeto de logotipo',
      origin: 'manual',
    });
    expect((await accountNamed(account.id)).balanceCents).toBe(175_000);
    expect((await call<TransactionPage>('transactions:list', { filters: { search: 'ipe' } })).rows).toHaveLength(1);
    totalsHold();
    expect(await errorOf('undo:apply', { id: deleted.undoId })).toBe('UNDO_ALREADY_APPLIED');
  });

  it("in a bank's account: kept through every sync, never duplicated; the bank's own rows are not editable", async () => {
    const itemId = await linkSandboxBank();
    const [bank] = await accountsNow();
    if (!bank) throw new Error('the sandbox bank has accounts');
    const balance = bank.balanceCents;
    const { id } = await call<{ id: string }>('transactions:create', {
      accountId: bank.id,
      date: '2026-11-10',
      description: 'Boleto pago no caixa',
      amountCents: -35_990,
    });
    // The bank says its own balance: an entry by hand does not change it.
    expect((await accountNamed(bank.id)).balanceCents).toBe(balance);
    await call('connections:refresh', { itemId });
    const rows = await rowsOf(bank.id);
    expect(rows.filter((row) => row.id === id)).toHaveLength(1);
    expect(rows.find((row) => row.id === id)).toMatchObject({ origin: 'manual', amountCents: -35_990 });
    const bankRow = rows.find((row) => row.origin === 'bank');
    if (!bankRow) throw new Error('the bank sent rows');
    expect(await errorOf('transactions:edit', { id: bankRow.id, amountCents: 1 })).toBe('TRANSACTION_NOT_OWN');
    expect(await errorOf('transactions:delete', { ids: [bankRow.id] })).toBe('TRANSACTION_NOT_OWN');
    expect(await errorOf('transactions:edit', { id: 'nope', amountCents: 1 })).toBe('TRANSACTION_NOT_FOUND');
    totalsHold();
  });

  it('runs the rules on an entry without a category, and leaves a chosen one alone', async () => {
    const account = await call<AccountSummary>('accounts:create-manual', cash);
    const [transport, food] = session.database.sqlite
      .prepare("SELECT id FROM categories WHERE source = 'user' AND parent_id IS NULL LIMIT 2")
      .pluck()
      .all() as string[];
    await call('rules:save', {
      name: 'Táxi',
      conditions: [{ field: 'description', operator: 'contains', value: 'taxi' }],
      actions: { categoryId: transport, usage: 'business' },
    });
    const ruled = await call<{ id: string }>('transactions:create', {
      accountId: account.id,
      date: '2026-11-12',
      description: 'Taxi aeroporto',
      amountCents: -8_000,
    });
    const chosen = await call<{ id: string }>('transactions:create', {
      accountId: account.id,
      date: '2026-11-12',
      description: 'Taxi com almoço',
      amountCents: -9_000,
      categoryId: food,
    });
    expect(await rowById(account.id, ruled.id)).toMatchObject({
      categoryId: transport,
      categorySource: 'rule',
      usage: 'business',
    });
    expect(await rowById(account.id, chosen.id)).toMatchObject({ categoryId: food, categorySource: 'manual' });
    totalsHold();
  });
});

describe('transfers', () => {
  it('are entered once as a linked pair, edited together and deleted together', async () => {
    const wallet = await call<AccountSummary>('accounts:create-manual', cash);
    const savings = await call<AccountSummary>('accounts:create-manual', {
      ...cash,
      institution: 'Banco Regional',
      name: 'Poupança',
      kind: 'SAVINGS_ACCOUNT',
      openingBalanceCents: 0,
    });
    const transfer = await call<TransferResult>('transactions:transfer', {
      fromAccountId: wallet.id,
      toAccountId: savings.id,
      date: '2026-11-15',
      amountCents: 20_000,
      description: 'Depósito na poupança',
    });
    const [out, into] = transfer.ids;
    expect(await rowById(wallet.id, out)).toMatchObject({
      amountCents: -20_000,
      origin: 'manual',
      transferId: transfer.transferId,
    });
    expect(await rowById(savings.id, into)).toMatchObject({
      amountCents: 20_000,
      origin: 'manual',
      transferId: transfer.transferId,
    });
    expect((await accountNamed(wallet.id)).balanceCents).toBe(5_000);
    expect((await accountNamed(savings.id)).balanceCents).toBe(20_000);
    // A transfer is neither income nor expense.
    const pl = await call<ProfitAndLoss>('reports:profit-and-loss', { from: '2026-11-01', to: '2026-11-30' });
    expect(pl).toMatchObject({ incomeCents: 0, expenseCents: 0 });
    totalsHold();

    await call('transactions:edit', { id: into, amountCents: 15_000 });
    expect(await rowById(wallet.id, out)).toMatchObject({ amountCents: -15_000 });
    expect((await accountNamed(wallet.id)).balanceCents).toBe(10_000);

    const deleted = await call<TransactionsDeleted>('transactions:delete', { ids: [out] });
    expect(deleted.deleted).toBe(2);
    expect([...(await rowsOf(wallet.id)), ...(await rowsOf(savings.id))]).toEqual([]);
    await call('undo:apply', { id: deleted.undoId });
    expect((await accountNamed(savings.id)).balanceCents).toBe(15_000);
    expect(
      await errorOf('transactions:transfer', { ...transfer, fromAccountId: wallet.id, toAccountId: wallet.id }),
    ).toBe('INVALID_INPUT');
    totalsHold();
  });
});

describe('reconciled entries', () => {
  it('keep their date, description and amount, and stay, until the reconciliation is undone', async () => {
    const account = await call<AccountSummary>('accounts:create-manual', cash);
    const { id } = await call<{ id: string }>('transactions:create', {
      accountId: account.id,
      date: '2026-11-20',
      description: 'Aluguel da sala',
      amountCents: -150_000,
    });
    reconcile(session.database.sqlite, account.id, [id]);
    expect(await errorOf('transactions:edit', { id, amountCents: -1 })).toBe('OWN_TRANSACTION_RECONCILED');
    expect(await errorOf('transactions:delete', { ids: [id] })).toBe('OWN_TRANSACTION_RECONCILED');
    expect(await rowById(account.id, id)).toMatchObject({ amountCents: -150_000, reconciled: true });
    // The user's own fields stay the user's, reconciled or not.
    await call('transactions:update', { id, patch: { notes: 'Contrato 2026' }, confirmReconciled: true });
    expect(await rowById(account.id, id)).toMatchObject({ notes: 'Contrato 2026' });
  });
});

describe('a manual account everywhere a bank account goes', () => {
  it('starts a reconciliation from its opening balance and exports its statement', async () => {
    const account = await call<AccountSummary>('accounts:create-manual', cash);
    await call('transactions:create', {
      accountId: account.id,
      date: '2026-11-21',
      description: 'Venda avulsa',
      amountCents: 40_000,
    });
    expect(await call<ReconciliationSetup>('reconciliation:setup', { accountId: account.id })).toMatchObject({
      openingBalanceCents: 25_000,
      openingSource: 'account-start',
    });
    const exported = await call<ExportResult>('exports:ofx', { accountId: account.id });
    const ofx = readFileSync(exported.path, 'latin1');
    expect(ofx).toContain('<TRNAMT>400.00</TRNAMT>');
    expect(ofx).toContain('<BALAMT>650.00</BALAMT>');
  });
});
