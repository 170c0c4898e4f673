import { describe, expect, it } from 'vitest';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { forgetConnection } from '../../electron/core/books/removed-connections.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { BulkCategorizeResult, TransactionUserFields } from '../../electron/shared/categories.ts';
import type { RuleApplyResult } from '../../electron/shared/rules.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedConnection, seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { NoticeRecorder } from '../support/ipc-session.ts';
import { reconcile, reconciliationEventRows } from '../support/reconciled-fixture.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

let notices: NoticeRecorder;
const session = handlerSession({
  deps: () => {
    notices = new NoticeRecorder();
    return { emit: notices.emit };
  },
  seed: (database) => {
    const { checking } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write(
      generateProviderTransactions({ count: 200, accountId: checking }),
    );
  },
  check: (database) => {
    expect(userFieldCopyMismatches(database.sqlite)).toBe(0);
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([]);
  },
});

const { call } = session;
const sqlite = () => session.database.sqlite;
const txId = (index: number) => `tx-${index.toString(36).padStart(6, '0')}`;
const software = presetCategoryId('software');
const food = presetCategoryId('food');

/** Everything a user's edit could touch, exactly as stored, to compare before and after. */
const books = () =>
  Object.fromEntries(
    ['transaction_user_data', 'transaction_splits', 'reconciliation_events', 'undo_actions'].map((table) => [
      table,
      sqlite().prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ]),
  );

/** The call's refusal as the window receives it (code and details), or its value. */
const attempt = (channel: string, input: unknown) => dispatch(session.handlers, channel, input);

const refusal = (count: number) => ({ ok: false, error: { code: 'TRANSACTION_RECONCILED', details: { count } } });

describe('editing a reconciled transaction', () => {
  it('is refused without confirmation, nothing changed; confirmed, it is made and recorded on its reconciliation', async () => {
    const reconciliationId = reconcile(sqlite(), 'acc-checking', [txId(0), txId(1)]);
    const before = books();

    expect(await attempt('transactions:update', { id: txId(0), patch: { categoryId: software } })).toMatchObject(
      refusal(1),
    );
    expect(
      await attempt('transactions:update', { id: txId(0), patch: { notes: 'x' }, confirmReconciled: false }),
    ).toMatchObject(refusal(1));
    expect(books()).toEqual(before);

    const patch = { categoryId: software, notes: 'Nota fiscal 9' };
    expect(
      await call<TransactionUserFields>('transactions:update', { id: txId(0), patch, confirmReconciled: true }),
    ).toMatchObject(patch);
    // Still reconciled: the confirmation lets the user's fields change, not the lock.
    expect(
      sqlite().prepare('SELECT reconciled_at FROM transaction_user_data WHERE transaction_id = ?').pluck().get(txId(0)),
    ).toBe('2026-11-30T12:00:00.000Z');
    expect(reconciliationEventRows(sqlite())).toMatchObject([
      { reconciliationId, transactionId: txId(0), kind: 'edited', detail: patch },
    ]);
  });

  it('asks before a split, after checking the parts, and records the parts', async () => {
    const reconciliationId = reconcile(sqlite(), 'acc-checking', [txId(3)]);
    const amount = sqlite()
      .prepare('SELECT amount_cents FROM transactions WHERE id = ?')
      .pluck()
      .get(txId(3)) as number;
    const parts = [
      { categoryId: software, amountCents: amount - 100 },
      { categoryId: food, amountCents: 100 },
    ];
    const before = books();

    // A wrong split is refused for what it is, before asking about the reconciliation.
    expect(
      await attempt('transactions:split', { id: txId(3), parts: [{ ...parts[0], amountCents: 1 }, parts[1]] }),
    ).toMatchObject({ ok: false, error: { code: 'SPLIT_SUM_MISMATCH' } });
    expect(await attempt('transactions:split', { id: txId(3), parts })).toMatchObject(refusal(1));
    expect(books()).toEqual(before);

    const split = await call<TransactionUserFields>('transactions:split', {
      id: txId(3),
      parts,
      confirmReconciled: true,
    });
    expect(split.splits.map((part) => part.amountCents)).toEqual([amount - 100, 100]);
    expect(reconciliationEventRows(sqlite())).toMatchObject([
      { reconciliationId, transactionId: txId(3), kind: 'split', detail: parts },
    ]);
  });

  it('bulk: one reconciled among many refuses them all; confirmed, every one changes and the reconciled ones are recorded', async () => {
    const ids = Array.from({ length: 10 }, (_, index) => txId(20 + index));
    const first = reconcile(sqlite(), 'acc-checking', [txId(21), txId(24)]);
    const second = reconcile(sqlite(), 'acc-checking', [txId(27)], '2026-12-31T12:00:00.000Z');
    const before = books();

    expect(await attempt('transactions:bulk-categorize', { ids, categoryId: software })).toMatchObject(refusal(3));
    expect(books()).toEqual(before);

    const result = await call<BulkCategorizeResult>('transactions:bulk-categorize', {
      ids,
      categoryId: software,
      confirmReconciled: true,
    });
    expect(result.changed).toBe(10);
    const categories = sqlite()
      .prepare('SELECT category_id FROM transaction_user_data WHERE transaction_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids));
    expect(categories).toEqual(ids.map(() => software));
    const events = reconciliationEventRows(sqlite()).map(({ reconciliationId, transactionId, kind, detail }) => ({
      reconciliationId,
      transactionId,
      kind,
      detail,
    }));
    expect(events.sort((a, b) => a.transactionId.localeCompare(b.transactionId))).toEqual([
      { reconciliationId: first, transactionId: txId(21), kind: 'categorized', detail: { categoryId: software } },
      { reconciliationId: first, transactionId: txId(24), kind: 'categorized', detail: { categoryId: software } },
      { reconciliationId: second, transactionId: txId(27), kind: 'categorized', detail: { categoryId: software } },
    ]);
  });

  it('needs no confirmation, and records nothing, when none is reconciled (a draft tick is not a lock)', async () => {
    // Ticked as cleared in a reconciliation still in progress: not reconciled yet.
    const draft = sqlite()
      .prepare(
        `INSERT INTO reconciliations (account_id, status, statement_date, statement_balance_cents, opening_balance_cents, updated_at)
         VALUES ('acc-checking', 'draft', '2026-12-31', 0, 0, '2026-12-01T00:00:00.000Z') RETURNING id`,
      )
      .pluck()
      .get();
    sqlite()
      .prepare('INSERT INTO reconciliation_items (reconciliation_id, transaction_id) VALUES (?, ?)')
      .run(draft, txId(40));

    await call('transactions:update', { id: txId(40), patch: { notes: 'ok' } });
    await call('transactions:bulk-categorize', { ids: [txId(40), txId(41)], categoryId: food });
    expect(reconciliationEventRows(sqlite())).toEqual([]);
  });
});

describe('rules never change a reconciled transaction', () => {
  it('applying them on demand (in the worker) skips reconciled rows and changes the others', async () => {
    const ubers = sqlite()
      .prepare("SELECT id FROM transactions WHERE description LIKE '%UBER%' ORDER BY id")
      .pluck()
      .all() as string[];
    const [locked, ...free] = ubers;
    if (!locked || free.length < 3) throw new Error('the fixture has too few UBER rows');
    reconcile(sqlite(), 'acc-checking', [locked]);
    const lockedBefore = sqlite().prepare('SELECT * FROM transaction_user_data WHERE transaction_id = ?').get(locked);

    await call('rules:save', {
      name: 'Uber',
      conditions: [{ field: 'description', operator: 'contains', value: 'uber' }],
      actions: { categoryId: food, usage: 'business' },
    });
    const result = await call<RuleApplyResult>('rules:apply');

    expect(result.changed).toBe(free.length);
    expect(sqlite().prepare('SELECT * FROM transaction_user_data WHERE transaction_id = ?').get(locked)).toEqual(
      lockedBefore,
    );
    const applied = sqlite()
      .prepare(
        'SELECT DISTINCT category_id FROM transaction_user_data WHERE transaction_id IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .all(JSON.stringify(free));
    expect(applied).toEqual([food]);
  });
});

describe('deleting a connection that holds reconciled transactions', () => {
  /**
   * A second connection with its own account, and on the first one's checking account:
   * a finished reconciliation with an adjustment, a conflict and an event, a draft, and a
   * card bill: everything that must go with its data, and must not go with the other's.
   */
  function seedReconciledBooks() {
    const other = seedConnection(session.database.db, { id: 'item-other' });
    sqlite()
      .prepare(
        "INSERT INTO accounts (id, connection_id, type, subtype, name) VALUES ('acc-other', ?, 'BANK', 'CHECKING_ACCOUNT', 'Outra')",
      )
      .run(other);
    new ProviderTransactionWriter(sqlite()).write(
      generateProviderTransactions({ count: 20, accountId: 'acc-other', idPrefix: 'other' }),
    );
    const reconciled = reconcile(sqlite(), 'acc-checking', [txId(0), txId(1)]);
    sqlite()
      .prepare(
        `INSERT INTO transactions (id, account_id, date, occurred_at, description, amount_cents, currency_code, status, type, origin)
         VALUES ('adjustment-1', 'acc-checking', '2026-11-30', '2026-11-30T15:00:00.000Z', 'Ajuste de conciliação', -500, 'BRL', 'POSTED', 'DEBIT', 'adjustment')`,
      )
      .run();
    sqlite()
      .prepare("UPDATE reconciliations SET adjustment_transaction_id = 'adjustment-1' WHERE id = ?")
      .run(reconciled);
    sqlite()
      .prepare(
        `INSERT INTO reconciliation_conflicts (transaction_id, reconciliation_id, kind, detected_at)
         VALUES (?, ?, 'removed', '2026-12-01T00:00:00.000Z')`,
      )
      .run(txId(1), reconciled);
    sqlite()
      .prepare(
        `INSERT INTO reconciliation_events (reconciliation_id, transaction_id, kind, at)
         VALUES (?, ?, 'edited', '2026-12-01T00:00:00.000Z')`,
      )
      .run(reconciled, txId(0));
    sqlite()
      .prepare(
        `INSERT INTO reconciliations (account_id, status, statement_date, statement_balance_cents, opening_balance_cents, updated_at)
         VALUES ('acc-checking', 'draft', '2026-12-31', 0, 0, '2026-12-01T00:00:00.000Z')`,
      )
      .run();
    sqlite()
      .prepare(
        "INSERT INTO credit_card_bills (id, account_id, closing_date, due_date, total_cents) VALUES ('bill-1', 'acc-card', '2026-11-03', '2026-11-10', -98765)",
      )
      .run();
    const otherReconciled = reconcile(sqlite(), 'acc-other', ['other-000000']);
    return { otherReconciled };
  }

  const countOf = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('is refused until confirmed, then deletes its reconciliations, bills and adjustments with it, and nothing else', () => {
    const { otherReconciled } = seedReconciledBooks();
    const before = books();
    const counts = () =>
      ['transactions', 'reconciliations', 'reconciliation_items', 'credit_card_bills', 'accounts'].map(countOf);
    const countsBefore = counts();

    expect(() => forgetConnection(session.database.db, 'item-nubank', false, new Date())).toThrow(
      expect.objectContaining({ code: 'TRANSACTION_RECONCILED', details: { count: 2 } }),
    );
    expect(books()).toEqual(before);
    expect(counts()).toEqual(countsBefore);

    forgetConnection(session.database.db, 'item-nubank', false, new Date(), { confirmReconciled: true });

    expect(sqlite().prepare('SELECT DISTINCT account_id FROM transactions').pluck().all()).toEqual(['acc-other']);
    expect(sqlite().prepare('SELECT id FROM reconciliations').pluck().all()).toEqual([otherReconciled]);
    expect(sqlite().prepare('SELECT transaction_id FROM reconciliation_items').pluck().all()).toEqual(['other-000000']);
    for (const table of ['reconciliation_conflicts', 'reconciliation_events', 'credit_card_bills']) {
      expect(countOf(table)).toBe(0);
    }
    // The session's check then finds every foreign key holding (PRAGMA foreign_key_check).
  });

  it('keeping the data needs no confirmation and leaves every reconciliation as it was', () => {
    seedReconciledBooks();
    const reconciliations = () => sqlite().prepare('SELECT * FROM reconciliations ORDER BY id').all();
    const before = { ...books(), reconciliations: reconciliations(), transactions: countOf('transactions') };

    forgetConnection(session.database.db, 'item-nubank', true, new Date());

    expect({ ...books(), reconciliations: reconciliations(), transactions: countOf('transactions') }).toEqual(before);
  });

  it('through the Connections screen: refused before the bank is unlinked at Pluggy; confirmed, everything goes', async () => {
    const created = await call<{ id: string }>('connections:create', {
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    await notices.next('item-updated', created.id);
    const account = sqlite()
      .prepare('SELECT id FROM accounts WHERE connection_id = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(created.id) as string;
    const ids = sqlite()
      .prepare('SELECT id FROM transactions WHERE account_id = ? ORDER BY date LIMIT 3')
      .pluck()
      .all(account) as string[];
    reconcile(sqlite(), account, ids);

    expect(await attempt('connections:remove', { itemId: created.id, keepData: false })).toMatchObject(refusal(3));
    const sandbox = await session.deps.demoSandbox();
    // Still linked at Pluggy, and in the books.
    expect(sandbox?.control.items.get(created.id)).toBeTruthy();
    expect(await call<{ id: string }[]>('connections:list')).toContainEqual(
      expect.objectContaining({ id: created.id }),
    );

    await call('connections:remove', { itemId: created.id, keepData: false, confirmReconciled: true });
    expect(() => sandbox?.control.items.get(created.id)).toThrow();
    expect(sqlite().prepare('SELECT count(*) FROM accounts WHERE connection_id = ?').pluck().get(created.id)).toBe(0);
    expect(sqlite().prepare('SELECT count(*) FROM reconciliations WHERE account_id = ?').pluck().get(account)).toBe(0);
  });
});

describe('merging a category that reconciled transactions use', () => {
  it('is refused without confirmation, nothing changed; confirmed, it is made and recorded', async () => {
    const client = await call<{ id: string }>('categories:create', { name: 'Cliente X' });
    await call('transactions:bulk-categorize', { ids: [txId(0), txId(1), txId(2)], categoryId: client.id });
    const reconciliationId = reconcile(sqlite(), 'acc-checking', [txId(0)]);
    const before = books();

    expect(await attempt('categories:merge', { from: client.id, into: software })).toMatchObject(refusal(1));
    expect(books()).toEqual(before);

    await call('categories:merge', { from: client.id, into: software, confirmReconciled: true });
    const categories = sqlite()
      .prepare('SELECT category_id FROM transaction_user_data WHERE transaction_id IN (?, ?, ?)')
      .pluck()
      .all(txId(0), txId(1), txId(2));
    expect(categories).toEqual([software, software, software]);
    expect(
      reconciliationEventRows(sqlite()).map((event) => [event.reconciliationId, event.transactionId, event.kind]),
    ).toEqual([[reconciliationId, txId(0), 'categorized']]);
  });
});
