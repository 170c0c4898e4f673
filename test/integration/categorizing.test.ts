import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rules, transactionUserData } from '../../db/schema.ts';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { BulkCategorizeResult, TransactionUserFields } from '../../electron/shared/categories.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

const session = handlerSession({
  seed: (database) => {
    const { checking } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write(
      generateProviderTransactions({ count: 200, accountId: checking }),
    );
  },
  // Every writer of user fields leaves the transactions' copies in step (migration 0005).
  check: (database) => expect(userFieldCopyMismatches(database.sqlite)).toBe(0),
});

const { call } = session;
const txId = (index: number) => `tx-${index.toString(36).padStart(6, '0')}`;
const software = presetCategoryId('software');
const food = presetCategoryId('food');
const serviceIncome = presetCategoryId('service-income');
/** Every user-data row exactly as stored (JSON as text, booleans as integers). */
const userDataRows = () =>
  session.database.sqlite.prepare('select * from transaction_user_data order by transaction_id').all();
const amountOf = (id: string) =>
  session.database.sqlite.prepare('select amount_cents from transactions where id = ?').pluck().get(id) as number;
/** A transaction of the fixture with money going out, or coming in. */
const firstWithSign = (sign: 1 | -1) => {
  for (let index = 0; ; index += 1) if (Math.sign(amountOf(txId(index))) === sign) return txId(index);
};

describe('editing one transaction by hand', () => {
  it('makes the category a manual choice, taking it from the rule that set it', async () => {
    const rule = session.database.db
      .insert(rules)
      .values({ position: 0, name: 'r', conditions: [], actions: { categoryId: food } })
      .returning()
      .get();
    session.database.db
      .insert(transactionUserData)
      .values({ transactionId: txId(0), categoryId: food, categorySource: 'rule', ruleId: rule.id })
      .run();
    const edited = await call<TransactionUserFields>('transactions:update', {
      id: txId(0),
      patch: { categoryId: software },
    });
    expect(edited).toMatchObject({ categoryId: software, categorySource: 'manual', manualFields: [] });
    expect(session.database.db.select().from(transactionUserData).get()?.ruleId).toBeNull();
    // Clearing it lets a rule's or Pluggy's suggestion show again.
    expect(await call('transactions:update', { id: txId(0), patch: { categoryId: null } })).toMatchObject({
      categoryId: null,
      categorySource: null,
    });
  });

  it('records the other fields set by hand, under the names rules use, and keeps what it was not given', async () => {
    await call('transactions:update', { id: txId(1), patch: { notes: 'Nota fiscal 123', usage: 'business' } });
    const edited = await call<TransactionUserFields>('transactions:update', {
      id: txId(1),
      patch: { tags: ['cliente-a'], deductible: true, counterpartyName: 'ACME' },
    });
    expect(edited).toMatchObject({
      categoryId: null,
      categorySource: null,
      notes: 'Nota fiscal 123',
      usage: 'business',
      tags: ['cliente-a'],
      deductible: true,
      counterpartyName: 'ACME',
    });
    expect([...edited.manualFields].sort()).toEqual([
      'counterpartyDisplayName',
      'deductible',
      'notes',
      'tags',
      'usage',
    ]);
  });

  it('once the user confirmed, changes category and notes of a reconciled transaction, and leaves it reconciled', async () => {
    session.database.db
      .insert(transactionUserData)
      .values({
        transactionId: txId(2),
        reconciledAt: '2026-11-01T00:00:00.000Z',
        clearedAt: '2026-11-01T00:00:00.000Z',
      })
      .run();
    expect(
      await call('transactions:update', {
        id: txId(2),
        patch: { categoryId: software, notes: 'ok' },
        confirmReconciled: true,
      }),
    ).toMatchObject({ categoryId: software, notes: 'ok' });
    expect(
      session.database.db
        .select()
        .from(transactionUserData)
        .where(eq(transactionUserData.transactionId, txId(2)))
        .get(),
    ).toMatchObject({ reconciledAt: '2026-11-01T00:00:00.000Z', clearedAt: '2026-11-01T00:00:00.000Z' });
  });

  it('refuses unknown transactions, missing or archived categories, and malformed patches', async () => {
    await expect(call('transactions:update', { id: 'nope', patch: { notes: 'x' } })).rejects.toThrow(
      'TRANSACTION_NOT_FOUND',
    );
    await expect(call('transactions:update', { id: txId(0), patch: { categoryId: 'nope' } })).rejects.toThrow(
      'CATEGORY_NOT_FOUND',
    );
    await call('categories:archive', { id: food, archived: true });
    await expect(call('transactions:update', { id: txId(0), patch: { categoryId: food } })).rejects.toThrow(
      'CATEGORY_ARCHIVED',
    );
    await expect(call('transactions:update', { id: txId(0), patch: { amountCents: 1 } })).rejects.toThrow(
      'INVALID_INPUT',
    );
    await expect(call('transactions:update', { id: txId(0), patch: { usage: 'both' } })).rejects.toThrow(
      'INVALID_INPUT',
    );
    expect(userDataRows()).toEqual([]);
  });
});

describe('bulk categorize and undo', () => {
  it('categorizes many at once, and undo puts every row back exactly, absent ones included', async () => {
    session.database.db
      .insert(transactionUserData)
      .values([
        { transactionId: txId(0), categoryId: food, categorySource: 'manual', notes: 'almoço', tags: ['a', 'b'] },
        { transactionId: txId(1), categorySource: null, usage: 'personal', deductible: false, manualFields: ['usage'] },
        { transactionId: txId(150), categoryId: food, categorySource: 'rule', notes: 'fora da seleção' },
      ])
      .run();
    const before = userDataRows();
    const ids = Array.from({ length: 100 }, (_, index) => txId(index));

    const result = await call<BulkCategorizeResult>('transactions:bulk-categorize', { ids, categoryId: software });
    expect(result.changed).toBe(100);
    const categorized = session.database.db.select().from(transactionUserData).all();
    expect(categorized).toHaveLength(101);
    const selected = categorized.filter((row) => row.transactionId !== txId(150));
    expect(selected.every((row) => row.categoryId === software && row.categorySource === 'manual')).toBe(true);
    // Other user fields stay as they were.
    expect(selected.find((row) => row.transactionId === txId(0))).toMatchObject({ notes: 'almoço', tags: ['a', 'b'] });

    expect(await call('undo:apply', { id: result.undoId })).toEqual({ restored: 100 });
    expect(userDataRows()).toEqual(before);
    await expect(call('undo:apply', { id: result.undoId })).rejects.toThrow('UNDO_ALREADY_APPLIED');
    await expect(call('undo:apply', { id: result.undoId + 1 })).rejects.toThrow('NOT_FOUND');
  });

  it('takes up to 10,000 transactions in one go, and undoes them', async () => {
    const { card } = { card: 'acc-card' };
    new ProviderTransactionWriter(session.database.sqlite).write(
      generateProviderTransactions({ count: 10_000, accountId: card, idPrefix: 'big' }),
    );
    const ids = session.database.sqlite
      .prepare<[], { id: string }>("select id from transactions where id like 'big-%'")
      .all()
      .map((row) => row.id);
    const result = await call<BulkCategorizeResult>('transactions:bulk-categorize', { ids, categoryId: food });
    expect(session.database.sqlite.prepare('select count(*) as n from transaction_user_data').get()).toEqual({
      n: 10_000,
    });
    await call('undo:apply', { id: result.undoId });
    expect(userDataRows()).toEqual([]);
    await expect(call('transactions:bulk-categorize', { ids: [...ids, 'one-more'], categoryId: food })).rejects.toThrow(
      'INVALID_INPUT',
    );
  });

  it('changes nothing when a transaction or the category does not exist', async () => {
    await expect(call('transactions:bulk-categorize', { ids: [txId(0), 'gone'], categoryId: food })).rejects.toThrow(
      'TRANSACTION_NOT_FOUND',
    );
    await expect(call('transactions:bulk-categorize', { ids: [txId(0)], categoryId: 'nope' })).rejects.toThrow(
      'CATEGORY_NOT_FOUND',
    );
    await expect(call('transactions:bulk-categorize', { ids: [], categoryId: food })).rejects.toThrow('INVALID_INPUT');
    expect(userDataRows()).toEqual([]);
    expect(session.database.sqlite.prepare('select count(*) as n from undo_actions').get()).toEqual({ n: 0 });
  });
});

describe('splitting a transaction', () => {
  it('accepts parts that add up to an expense exactly, in its negative sign, and replaces or removes them', async () => {
    const id = firstWithSign(-1);
    const amount = amountOf(id);
    const parts = [
      { categoryId: software, amountCents: amount + 1000, note: 'licença' },
      { categoryId: food, amountCents: -1000 },
    ];
    const split = await call<TransactionUserFields>('transactions:split', { id, parts });
    expect(split.splits).toEqual([
      { categoryId: software, amountCents: amount + 1000, note: 'licença' },
      { categoryId: food, amountCents: -1000, note: null },
    ]);
    const three = [
      { categoryId: software, amountCents: amount + 2 },
      { categoryId: food, amountCents: -1 },
      { categoryId: food, amountCents: -1 },
    ];
    expect((await call<TransactionUserFields>('transactions:split', { id, parts: three })).splits).toHaveLength(3);
    expect((await call<TransactionUserFields>('transactions:split', { id, parts: [] })).splits).toEqual([]);
  });

  it('splits income too', async () => {
    const id = firstWithSign(1);
    const amount = amountOf(id);
    const split = await call<TransactionUserFields>('transactions:split', {
      id,
      parts: [
        { categoryId: serviceIncome, amountCents: amount - 500 },
        { categoryId: presetCategoryId('other-income'), amountCents: 500 },
      ],
    });
    expect(split.splits.map((part) => part.amountCents)).toEqual([amount - 500, 500]);
  });

  it('refuses parts a cent off, a single part, archived categories, and malformed parts, keeping the split it had', async () => {
    const id = firstWithSign(-1);
    const amount = amountOf(id);
    const good = [
      { categoryId: software, amountCents: amount + 100 },
      { categoryId: food, amountCents: -100 },
    ];
    await call('transactions:split', { id, parts: good });
    const offByOne = [good[0], { categoryId: food, amountCents: -99 }];
    await expect(call('transactions:split', { id, parts: offByOne })).rejects.toThrow('SPLIT_SUM_MISMATCH');
    // The amount's magnitude with the wrong sign does not add up either.
    await expect(
      call('transactions:split', {
        id,
        parts: [
          { categoryId: software, amountCents: -amount - 100 },
          { categoryId: food, amountCents: 100 },
        ],
      }),
    ).rejects.toThrow('SPLIT_SUM_MISMATCH');
    await expect(
      call('transactions:split', { id, parts: [{ categoryId: food, amountCents: amount }] }),
    ).rejects.toThrow('SPLIT_TOO_FEW_PARTS');
    await call('categories:archive', { id: presetCategoryId('leisure'), archived: true });
    await expect(
      call('transactions:split', {
        id,
        parts: [good[0], { categoryId: presetCategoryId('leisure'), amountCents: -100 }],
      }),
    ).rejects.toThrow('CATEGORY_ARCHIVED');
    await expect(
      call('transactions:split', { id, parts: [good[0], { categoryId: food, amountCents: -99.5 }] }),
    ).rejects.toThrow('INVALID_INPUT');
    await expect(call('transactions:split', { id: 'nope', parts: good })).rejects.toThrow('TRANSACTION_NOT_FOUND');
    const kept = session.database.sqlite
      .prepare('select category_id, amount_cents from transaction_splits where transaction_id = ? order by position')
      .all(id);
    expect(kept).toEqual([
      { category_id: software, amount_cents: amount + 100 },
      { category_id: food, amount_cents: -100 },
    ]);
    expect(session.database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
