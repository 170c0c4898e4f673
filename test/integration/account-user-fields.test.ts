import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import type { AccountSummary } from '../../electron/shared/models.ts';
import type { CashFlow, Dashboard, ProfitAndLoss } from '../../electron/shared/reports.ts';
import type { TransactionFilters, TransactionPage, TransactionTotals } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';

const { session, call, linkSandboxBank } = noticedSession();

const accountsNow = () => call<AccountSummary[]>('accounts:list');

/** The live transactions of these accounts, their count and sums, read straight from the table. */
function booked(accountIds: readonly string[]) {
  return session.database.sqlite
    .prepare(
      `SELECT count(*) AS count,
         coalesce(sum(CASE WHEN cents > 0 THEN cents END), 0) AS inCents,
         coalesce(sum(CASE WHEN cents < 0 THEN cents END), 0) AS outCents
       FROM (SELECT coalesce(amount_in_account_currency_cents, amount_cents) AS cents FROM transactions
             WHERE removed_at IS NULL AND account_id IN (SELECT value FROM json_each(?)))`,
    )
    .get(JSON.stringify(accountIds)) as { count: number; inCents: number; outCents: number };
}

/** How many rows the list counts for these filters (a first page always counts). */
const listed = async (filters: TransactionFilters) =>
  (await call<TransactionPage>('transactions:list', { filters, limit: 1 })).total ?? Number.NaN;

describe("an account's nickname", () => {
  it('names the account everywhere, trimmed, and an empty one or one too long is refused', async () => {
    await linkSandboxBank();
    const [account] = await accountsNow();
    if (!account) throw new Error('the sandbox bank has accounts');

    const renamed = await call<AccountSummary>('accounts:update', { id: account.id, nickname: '  Conta PJ  ' });
    expect(renamed).toMatchObject({
      id: account.id,
      nickname: 'Conta PJ',
      displayName: 'Conta PJ',
      shortName: 'Conta PJ',
    });
    const page = await call<TransactionPage>('transactions:list', { filters: { accountIds: [account.id] }, limit: 5 });
    expect(page.rows.map((row) => row.accountName)).toEqual(page.rows.map(() => 'Conta PJ'));

    for (const nickname of ['   ', 'x'.repeat(61)]) {
      expect(await dispatch(session.handlers, 'accounts:update', { id: account.id, nickname })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect((await accountsNow()).find((each) => each.id === account.id)?.nickname).toBe('Conta PJ');

    const cleared = await call<AccountSummary>('accounts:update', { id: account.id, nickname: null });
    expect(cleared).toMatchObject({ nickname: null, displayName: account.displayName });
    expect(await dispatch(session.handlers, 'accounts:update', { id: 'no-such-account', hidden: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('and its hiding are the user’s: a sync that rewrites the account from Pluggy keeps both', async () => {
    const itemId = await linkSandboxBank();
    const [account] = await accountsNow();
    if (!account) throw new Error('the sandbox bank has accounts');
    await call('accounts:update', { id: account.id, nickname: 'Reserva', hidden: true });
    const { sqlite } = session.database;
    const before = sqlite.prepare('SELECT updated_at FROM accounts WHERE id = ?').pluck().get(account.id) as string;

    await call('connections:refresh', { itemId });

    // The sync did write the account again (a later updated_at), and left the user's fields alone.
    const after = sqlite.prepare('SELECT updated_at FROM accounts WHERE id = ?').pluck().get(account.id) as string;
    expect(after > before).toBe(true);
    expect((await accountsNow()).find((each) => each.id === account.id)).toMatchObject({
      nickname: 'Reserva',
      displayName: 'Reserva',
      hidden: true,
    });
  });
});

describe('a hidden account', () => {
  it('is left out of the all-accounts list, its totals, its files and the reports, and comes back when shown', async () => {
    await linkSandboxBank();
    const accounts = await accountsNow();
    const card = accounts.find((account) => account.type === 'CREDIT');
    if (!card) throw new Error('the sandbox bank has a card');
    const visible = accounts.filter((account) => account.id !== card.id).map((account) => account.id);
    const all = accounts.map((account) => account.id);
    const year = { from: '2000-01-01', to: '2100-12-31' };
    // A word in the card's descriptions: a search of it alone counts from the search index.
    const word = (
      session.database.sqlite
        .prepare("SELECT description FROM transactions WHERE account_id = ? AND description LIKE '% %' LIMIT 1")
        .pluck()
        .get(card.id) as string
    ).split(' ')[0] as string;

    const hidden = await call<AccountSummary>('accounts:update', { id: card.id, hidden: true });
    expect(hidden.hidden).toBe(true);

    const shownBooks = booked(visible);
    expect(await listed({})).toBe(shownBooks.count);
    expect(await call<TransactionTotals>('transactions:totals', {})).toEqual({
      inCents: shownBooks.inCents,
      outCents: shownBooks.outCents,
      netCents: shownBooks.inCents + shownBooks.outCents,
    });
    expect(await listed({ search: word })).toBe(await listed({ search: word, accountIds: visible }));
    expect(await listed({ search: word })).toBeLessThan(await listed({ search: word, includeHidden: true }));
    // Asked for: with the switch, or by naming the account.
    expect(await listed({ includeHidden: true })).toBe(booked(all).count);
    expect(await listed({ accountIds: [card.id] })).toBe(booked([card.id]).count);
    const csv = await call<ExportResult>('exports:csv', { filters: {}, dialect: 'en' });
    expect(csv.rows).toBe(shownBooks.count);

    const flow = await call<CashFlow>('reports:cash-flow', year);
    expect(flow.accounts.map((account) => account.accountId).sort()).toEqual([...visible].sort());
    const dashboard = await call<Dashboard>('reports:dashboard', year);
    expect(dashboard.balances.accounts.map((account) => account.accountId)).not.toContain(card.id);
    const pnl = await call<ProfitAndLoss>('reports:profit-and-loss', year);
    expect(pnl).toEqual(
      await call<ProfitAndLoss>('reports:profit-and-loss', { ...year, accountIds: visible }).then((each) => ({
        ...each,
        query: pnl.query,
      })),
    );
    expect((await call<CashFlow>('reports:cash-flow', { ...year, accountIds: [card.id] })).accounts).toHaveLength(1);

    await call('accounts:update', { id: card.id, hidden: false });
    expect(await listed({})).toBe(booked(all).count);
    expect((await call<CashFlow>('reports:cash-flow', year)).accounts).toHaveLength(all.length);
  });
});
