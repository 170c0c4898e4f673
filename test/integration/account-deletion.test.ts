import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { AccountDeletion, AccountSummary } from '../../electron/shared/models.ts';
import type { TransactionPage } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';
import { reconcile } from '../support/reconciled-fixture.ts';

const { session, call, linkSandboxBank } = noticedSession();

const accountsNow = () => call<AccountSummary[]>('accounts:list');

/** How many rows of each table refer to the account, straight or through its transactions. */
function holdings(accountId: string): Record<string, number> {
  const { sqlite } = session.database;
  const count = (sql: string) => sqlite.prepare(sql).pluck().get(accountId) as number;
  const ofTransactions = (table: string) =>
    count(`SELECT count(*) FROM ${table} WHERE transaction_id IN (SELECT id FROM transactions WHERE account_id = ?)`);
  return {
    transactions: count('SELECT count(*) FROM transactions WHERE account_id = ?'),
    userData: ofTransactions('transaction_user_data'),
    splits: ofTransactions('transaction_splits'),
    reconciliations: count('SELECT count(*) FROM reconciliations WHERE account_id = ?'),
    reconciliationItems: ofTransactions('reconciliation_items'),
    bills: count('SELECT count(*) FROM credit_card_bills WHERE account_id = ?'),
    accounts: count('SELECT count(*) FROM accounts WHERE id = ?'),
  };
}

const search = async (text: string) =>
  (await call<TransactionPage>('transactions:list', { filters: { search: text, includeHidden: true } })).rows.map(
    (row) => row.id,
  );

describe('deleting an account', () => {
  it('is refused while its bank still updates it', async () => {
    await linkSandboxBank();
    const [account] = await accountsNow();
    if (!account) throw new Error('the sandbox bank has accounts');
    expect(await call<AccountDeletion>('accounts:deletion', { id: account.id })).toMatchObject({ deletable: false });
    expect(await dispatch(session.handlers, 'accounts:delete', { id: account.id })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_CONNECTED' },
    });
    expect(holdings(account.id).transactions).toBeGreaterThan(0);
    expect(await dispatch(session.handlers, 'accounts:delete', { id: 'no-such-account' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('of a removed connection: asks first, names the reconciled rows, and takes only that account once confirmed', async () => {
    const itemId = await linkSandboxBank();
    const accounts = await accountsNow();
    const card = accounts.find((account) => account.type === 'CREDIT');
    if (!card) throw new Error('the sandbox bank has a card');
    const { sqlite } = session.database;
    const rows = sqlite
      .prepare('SELECT id, description FROM transactions WHERE account_id = ? ORDER BY date DESC, rowid DESC')
      .all(card.id) as { id: string; description: string }[];
    const [first, second, third] = rows;
    if (!first || !second || !third) throw new Error('the card has transactions');
    // The user's work on the card: a note (searched), a split, and two reconciled rows.
    await call('transactions:update', { id: first.id, patch: { notes: 'Orçamento exclusivo do cartão' } });
    const amount = sqlite.prepare('SELECT amount_cents FROM transactions WHERE id = ?').pluck().get(third.id) as number;
    const [food, transport] = sqlite
      .prepare("SELECT id FROM categories WHERE source = 'user' LIMIT 2")
      .pluck()
      .all() as string[];
    await call('transactions:split', {
      id: third.id,
      parts: [
        { categoryId: food, amountCents: amount - 100 },
        { categoryId: transport, amountCents: 100 },
      ],
    });
    reconcile(sqlite, card.id, [first.id, second.id]);
    // Another account's work, which must stay.
    const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT');
    if (!checking) throw new Error('the sandbox bank has a checking account');
    const kept = sqlite
      .prepare('SELECT id FROM transactions WHERE account_id = ? LIMIT 1')
      .pluck()
      .get(checking.id) as string;
    await call('transactions:update', { id: kept, patch: { notes: 'Orçamento da conta corrente' } });
    expect(await search('orcamento')).toHaveLength(2);

    await call('connections:remove', { itemId, keepData: true });
    const others = accounts
      .filter((account) => account.id !== card.id)
      .map((account) => [account.id, holdings(account.id)]);

    const question = await call<AccountDeletion>('accounts:deletion', { id: card.id });
    expect(question).toMatchObject({
      id: card.id,
      deletable: true,
      transactionCount: rows.length,
      reconciledCount: 2,
      lastOfConnection: false,
    });
    expect(question.reconciled.map((row) => [row.id, row.description])).toEqual([
      [first.id, first.description],
      [second.id, second.description],
    ]);

    // Not confirmed: refused with how many, and nothing changes.
    const before = holdings(card.id);
    expect(before).toMatchObject({ splits: 2, reconciliations: 1, reconciliationItems: 2 });
    expect(before.bills).toBeGreaterThan(0);
    expect(await dispatch(session.handlers, 'accounts:delete', { id: card.id })).toMatchObject({
      ok: false,
      error: { code: 'TRANSACTION_RECONCILED', details: { count: 2 } },
    });
    expect(holdings(card.id)).toEqual(before);

    expect(await call('accounts:delete', { id: card.id, confirmReconciled: true })).toBeNull();

    expect(Object.values(holdings(card.id)).every((count) => count === 0)).toBe(true);
    expect((await accountsNow()).map((account) => account.id)).not.toContain(card.id);
    for (const [id, held] of others) expect(holdings(id as string)).toEqual(held);
    // The search index no longer finds the card's rows; the other account's note still is.
    expect(await search('orcamento')).toEqual([kept]);
    expect(await search(first.description)).not.toContain(first.id);
    // Its connection stays while it keeps other accounts.
    expect(sqlite.prepare('SELECT count(*) FROM connections WHERE id = ?').pluck().get(itemId)).toBe(1);
  });

  it('the last account of a removed connection takes the connection with it', async () => {
    const itemId = await linkSandboxBank();
    await call('connections:remove', { itemId, keepData: true });
    const accounts = await accountsNow();
    for (const [index, account] of accounts.entries()) {
      const question = await call<AccountDeletion>('accounts:deletion', { id: account.id });
      expect(question.lastOfConnection).toBe(index === accounts.length - 1);
      await call('accounts:delete', { id: account.id });
    }
    const { sqlite } = session.database;
    expect(sqlite.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    expect(await accountsNow()).toEqual([]);
  });
});
