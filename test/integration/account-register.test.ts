import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { AccountSummary } from '../../electron/shared/models.ts';
import type { CashFlow } from '../../electron/shared/reports.ts';
import type { TransactionPage, TransactionQuery } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';

const linked = noticedSession();
const { session, call } = linked;

/** Links the sandbox bank, as the Connect window does, waits for its first sync, and lists the accounts. */
async function linkSandboxBank(): Promise<AccountSummary[]> {
  await linked.linkSandboxBank();
  return call<AccountSummary[]>('accounts:list');
}

/**
 * The referee: the account's balance after each of its live transactions, folded in
 * TypeScript from the raw rows, newest first (date, then the order the books got them),
 * starting from the balance the bank reported.
 */
function foldedBalances(accountId: string): Map<string, number> {
  const { sqlite } = session.database;
  const { balance } = sqlite.prepare('SELECT balance_cents AS balance FROM accounts WHERE id = ?').get(accountId) as {
    balance: number;
  };
  const rows = sqlite
    .prepare(
      `SELECT id, date, rowid AS position, amount_cents AS amount, amount_in_account_currency_cents AS charged, removed_at AS removedAt
       FROM transactions WHERE account_id = ?`,
    )
    .all(accountId) as {
    id: string;
    date: string;
    position: number;
    amount: number;
    charged: number | null;
    removedAt: string | null;
  }[];
  const live = rows
    .filter((row) => row.removedAt === null)
    .sort((a, b) => (a.date === b.date ? b.position - a.position : a.date < b.date ? 1 : -1));
  const balances = new Map<string, number>();
  let after = balance;
  for (const row of live) {
    balances.set(row.id, after);
    after -= row.charged ?? row.amount;
  }
  return balances;
}

const register = (accountId: string, query: Partial<TransactionQuery> = {}) =>
  call<TransactionPage>('transactions:list', {
    ...query,
    filters: { ...query.filters, accountIds: [accountId] },
    runningBalance: true,
  });

describe("an account's register: its transactions with the balance after each", () => {
  it('gives every row the balance an independent fold gives, on every page, in either order, filtered or not', async () => {
    const accounts = await linkSandboxBank();
    const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT');
    const card = accounts.find((account) => account.type === 'CREDIT');
    if (!checking || !card) throw new Error('the sandbox bank has a checking account and a card');
    const { sqlite } = session.database;
    // A row the bank dropped is on no page and in no balance; pending rows are in both.
    const dropped = sqlite
      .prepare(
        "SELECT id FROM transactions WHERE account_id = ? AND status = 'POSTED' ORDER BY date DESC, rowid DESC LIMIT 1 OFFSET 3",
      )
      .pluck()
      .get(checking.id) as string;
    sqlite.prepare("UPDATE transactions SET removed_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(dropped);
    const pending = sqlite
      .prepare("SELECT count(*) FROM transactions WHERE status = 'PENDING' AND removed_at IS NULL")
      .pluck()
      .get() as number;
    expect(pending).toBeGreaterThan(0);

    for (const account of [checking, card]) {
      const expected = foldedBalances(account.id);
      const first = await register(account.id);
      expect(first.total).toBe(expected.size);
      // The newest row leaves the account at the balance the bank reported.
      expect(first.rows[0]?.runningBalanceCents).toBe(account.balanceCents);
      const pages = [first, await register(account.id, { offset: 200, count: false })];
      pages.push(await register(account.id, { descending: false, limit: 150 }));
      pages.push(await register(account.id, { filters: { direction: 'out', pending: false }, offset: 40 }));
      for (const page of pages) {
        expect(page.rows.length).toBeGreaterThan(0);
        for (const row of page.rows) expect([row.id, row.runningBalanceCents]).toEqual([row.id, expected.get(row.id)]);
      }
      expect(pages.flatMap((page) => page.rows).some((row) => row.id === dropped)).toBe(false);
    }
  });

  it("closes each day at the balance Fluxo de caixa gives for that day's end", async () => {
    const accounts = await linkSandboxBank();
    const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT');
    if (!checking) throw new Error('the sandbox bank has a checking account');
    const page = await register(checking.id, { limit: 1000 });
    // In newest-first order, a day's first row is its last transaction: the day's closing balance.
    const days = [...new Set(page.rows.map((row) => row.date))].slice(0, 40);
    for (const day of days) {
      const closing = page.rows.find((row) => row.date === day)?.runningBalanceCents;
      const flow = await call<CashFlow>('reports:cash-flow', { from: day, to: day, accountIds: [checking.id] });
      expect([day, closing]).toEqual([day, flow.accounts[0]?.closingBalanceCents]);
    }
  });

  it('is asked of one account in date order: over several it is refused; plain or otherwise sorted pages carry none', async () => {
    const accounts = await linkSandboxBank();
    const result = await dispatch(session.handlers, 'transactions:list', {
      filters: { accountIds: accounts.slice(0, 2).map((account) => account.id) },
      runningBalance: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(session.handlers, 'transactions:list', { runningBalance: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const plain = await call<TransactionPage>('transactions:list', { filters: { accountIds: [accounts[0]?.id] } });
    expect(plain.rows.every((row) => row.runningBalanceCents === undefined)).toBe(true);
    // Sorted otherwise than by date, a balance after each row would not follow down the list.
    const byAmount = await register(accounts[0]?.id ?? '', { sort: 'amount' });
    expect(byAmount.rows.length).toBeGreaterThan(0);
    expect(byAmount.rows.every((row) => row.runningBalanceCents === undefined)).toBe(true);
  });
});
