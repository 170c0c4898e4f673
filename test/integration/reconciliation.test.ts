import { describe, expect, it } from 'vitest';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { BulkCategorizeResult } from '../../electron/shared/categories.ts';
import type {
  ReconciliationDraft,
  ReconciliationHelp,
  ReconciliationSetup,
  ReconciliationStanding,
  ReconciliationSummary,
} from '../../electron/shared/reconciliation.ts';
import type { TransactionPage } from '../../electron/shared/transactions.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

const session = handlerSession({
  seed: (database) => {
    const { checking } = seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write(
      generateProviderTransactions({ count: 300, accountId: checking }),
    );
  },
  check: (database) => {
    expect(userFieldCopyMismatches(database.sqlite)).toBe(0);
    expect(database.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  },
});
const { call } = session;
const checking = 'acc-checking';
const statementDate = '2024-12-31';

/** An independent fold over the stored rows: the account's movement up to a date. */
const movementThrough = (date: string, after = '0000-00-00') =>
  session.database.sqlite
    .prepare(
      `SELECT coalesce(sum(amount_cents), 0) FROM transactions
        WHERE account_id = ? AND date > ? AND date <= ? AND removed_at IS NULL`,
    )
    .pluck()
    .get(checking, after, date) as number;

/** Every row of the tables a reconciliation touches, exactly as stored (the draft's clock aside). */
const books = () => {
  const { sqlite } = session.database;
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    transactions: all('SELECT * FROM transactions ORDER BY id'),
    userData: all('SELECT * FROM transaction_user_data ORDER BY transaction_id'),
    reconciliations: all(
      'SELECT id, account_id, status, statement_date, statement_balance_cents, opening_balance_cents, cleared_total_cents, difference_cents, adjustment_transaction_id, finished_at, finished_by FROM reconciliations ORDER BY id',
    ),
    items: all('SELECT * FROM reconciliation_items ORDER BY reconciliation_id, transaction_id'),
  };
};

async function startDraft(balanceOffsetCents = 0, openingBalanceCents = 50_000): Promise<ReconciliationDraft> {
  return call<ReconciliationDraft>('reconciliation:start', {
    accountId: checking,
    statementDate,
    statementBalanceCents: openingBalanceCents + movementThrough(statementDate) + balanceOffsetCents,
    openingBalanceCents,
  });
}

const tick = (draft: ReconciliationDraft, ids: string[], cleared = true) =>
  call<ReconciliationStanding>('reconciliation:tick', { id: draft.id, transactionIds: ids, cleared });

describe('a reconciliation in progress', () => {
  it("lists the account's unreconciled lines up to the statement date and keeps the difference live", async () => {
    const draft = await startDraft();
    expect(draft.lines.length).toBeGreaterThan(50);
    expect(draft.lines.every((line) => line.date <= statementDate && !line.cleared)).toBe(true);
    expect(draft.differenceCents).toBe(movementThrough(statementDate));
    const [first, second] = draft.lines;
    if (!first || !second) throw new Error('too few lines');
    const ticked = await tick(draft, [first.id, second.id]);
    expect(ticked.clearedTotalCents).toBe(first.amountCents + second.amountCents);
    expect(ticked.differenceCents).toBe(draft.differenceCents - ticked.clearedTotalCents);
    // A transaction of another account, or dated after the statement, cannot be ticked.
    const later = session.database.sqlite
      .prepare('SELECT id FROM transactions WHERE date > ? LIMIT 1')
      .pluck()
      .get(statementDate) as string;
    expect((await tick(draft, [later])).clearedTotalCents).toBe(ticked.clearedTotalCents);
    const unticked = await tick(draft, [first.id], false);
    expect(unticked.clearedTotalCents).toBe(second.amountCents);
  });

  it('is kept as a draft that resumes after a restart, ticks and statement included', async () => {
    const draft = await startDraft(1234);
    const ids = draft.lines.slice(0, 40).map((line) => line.id);
    await tick(draft, ids);
    await session.restart();
    const setup = await call<ReconciliationSetup>('reconciliation:setup', { accountId: checking });
    expect(setup.draftId).toBe(draft.id);
    const resumed = await call<ReconciliationDraft>('reconciliation:get', { id: draft.id });
    expect(resumed.statementBalanceCents).toBe(draft.statementBalanceCents);
    expect(resumed.lines.filter((line) => line.cleared).map((line) => line.id)).toEqual(ids);
    await expect(startDraft()).rejects.toThrow('RECONCILIATION_IN_PROGRESS');
  });

  it('drops ticks dated after a statement date moved earlier', async () => {
    const draft = await startDraft();
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    const earlier = '2024-06-30';
    const moved = await call<ReconciliationDraft>('reconciliation:update', { id: draft.id, statementDate: earlier });
    expect(moved.lines.every((line) => line.date <= earlier && line.cleared)).toBe(true);
    expect(moved.clearedTotalCents).toBe(movementThrough(earlier));
    expect(draft.lines.length).toBeGreaterThan(moved.lines.length);
    const back = await call<ReconciliationDraft>('reconciliation:update', { id: draft.id, statementDate });
    expect(back.lines.filter((line) => line.cleared)).toHaveLength(moved.lines.length);
  });
});

describe('finishing', () => {
  it('is refused while there is a difference, and the helper points at the missing line', async () => {
    const draft = await startDraft();
    const missing = draft.lines.find((line) => !line.pending && Math.abs(line.amountCents) > 100);
    if (!missing) throw new Error('no line to leave out');
    const ticked = await tick(
      draft,
      draft.lines.filter((line) => line.id !== missing.id).map((line) => line.id),
    );
    expect(ticked.differenceCents).toBe(missing.amountCents);
    await expect(call('reconciliation:finish', { id: draft.id })).rejects.toThrow('RECONCILIATION_UNBALANCED');
    const help = await call<ReconciliationHelp>('reconciliation:help', { id: draft.id });
    expect(help.explaining.some((set) => set.length === 1 && set[0]?.id === missing.id)).toBe(true);
    expect(help.pending.every((line) => line.pending)).toBe(true);
    expect(help.afterStatement.every((line) => line.date > statementDate && line.date <= '2025-01-07')).toBe(true);
  });

  it('locks the cleared lines at a zero difference and records the reconciliation', async () => {
    const draft = await startDraft();
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    const summary = await call<ReconciliationSummary>('reconciliation:finish', { id: draft.id });
    expect(summary).toMatchObject({
      id: draft.id,
      statementDate,
      openingBalanceCents: 50_000,
      statementBalanceCents: draft.statementBalanceCents,
      clearedTotalCents: movementThrough(statementDate),
      transactionCount: draft.lines.length,
      adjustmentCents: null,
      broken: false,
      undoable: true,
    });
    expect(summary.finishedBy.length).toBeGreaterThan(0);
    const locked = session.database.sqlite
      .prepare('SELECT count(*) FROM transaction_user_data WHERE reconciled_at IS NOT NULL')
      .pluck()
      .get();
    expect(locked).toBe(draft.lines.length);
    const page = await call<TransactionPage>('transactions:list', {
      filters: { accountIds: [checking], to: statementDate },
      sort: 'date',
      descending: false,
    });
    expect(page.rows.every((row) => row.reconciled)).toBe(true);

    // The next one opens at this statement's balance, and must be dated later.
    const setup = await call<ReconciliationSetup>('reconciliation:setup', { accountId: checking });
    expect(setup).toMatchObject({
      draftId: null,
      openingBalanceCents: draft.statementBalanceCents,
      openingSource: 'previous',
      previousStatementDate: statementDate,
    });
    // The account's balance (dated 2026-11-20) is still a statement to come.
    expect(setup.suggestedStatement).toEqual({ date: '2026-11-20', balanceCents: 1234567, source: 'balance' });
    await expect(
      call('reconciliation:start', { accountId: checking, statementDate, statementBalanceCents: 0 }),
    ).rejects.toThrow('STATEMENT_DATE_INVALID');
    const next = await call<ReconciliationDraft>('reconciliation:start', {
      accountId: checking,
      statementDate: '2025-03-31',
      statementBalanceCents: draft.statementBalanceCents + movementThrough('2025-03-31', statementDate),
    });
    expect(next.openingBalanceCents).toBe(draft.statementBalanceCents);
    expect(next.lines.every((line) => line.date > statementDate)).toBe(true);
    await tick(
      next,
      next.lines.map((line) => line.id),
    );
    await call('reconciliation:finish', { id: next.id });
    const history = await call<ReconciliationSummary[]>('reconciliation:history', { accountId: checking });
    expect(history.map((entry) => [entry.statementDate, entry.undoable])).toEqual([
      ['2025-03-31', true],
      [statementDate, false],
    ]);
  });

  it('records a difference only as a confirmed, clearly marked adjustment', async () => {
    const draft = await startDraft(-777);
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    const bankMovement = movementThrough(statementDate);
    const summary = await call<ReconciliationSummary>('reconciliation:finish', { id: draft.id, adjustmentCents: -777 });
    expect(summary.adjustmentCents).toBe(-777);
    // The adjustment is a row of the books now: the account's movement includes it.
    expect(summary.clearedTotalCents).toBe(bankMovement - 777);
    expect(movementThrough(statementDate)).toBe(bankMovement - 777);
    expect(summary.broken).toBe(false);
    const adjustment = session.database.sqlite
      .prepare("SELECT description, amount_cents, date, origin FROM transactions WHERE origin = 'adjustment'")
      .get();
    expect(adjustment).toEqual({
      description: 'Ajuste de conciliação (Balancete)',
      amount_cents: -777,
      date: statementDate,
      origin: 'adjustment',
    });
    const page = await call<TransactionPage>('transactions:list', {
      filters: { accountIds: [checking], from: statementDate, to: statementDate },
    });
    expect(page.rows.filter((row) => row.adjustment).map((row) => [row.amountCents, row.reconciled])).toEqual([
      [-777, true],
    ]);
  });
});

describe('an adjustment confirmed for one difference', () => {
  it('is refused once a sync has moved the difference, and nothing is locked', async () => {
    const draft = await startDraft(-777);
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    // Before finishing, the bank changes the amount of a ticked line (not locked yet: sync writes it).
    const line = draft.lines.find((candidate) => !candidate.pending);
    if (!line) throw new Error('no line');
    session.database.sqlite
      .prepare('UPDATE transactions SET amount_cents = amount_cents - 5000 WHERE id = ?')
      .run(line.id);
    await expect(call('reconciliation:finish', { id: draft.id, adjustmentCents: -777 })).rejects.toThrow(
      'RECONCILIATION_DIFFERENCE_CHANGED',
    );
    const reread = await call<ReconciliationDraft>('reconciliation:get', { id: draft.id });
    expect(reread.differenceCents).toBe(-777 + 5000);
    const locked = session.database.sqlite.prepare(
      'SELECT count(*) FROM transaction_user_data WHERE reconciled_at IS NOT NULL',
    );
    expect(locked.pluck().get()).toBe(0);
  });
});

describe('undoing the last reconciliation', () => {
  it('puts the books back exactly as they were before finishing, adjustment and user fields included', async () => {
    const draft = await startDraft(555);
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    // Some lines already had user fields of their own; finishing must not leave a trace on them.
    const annotated = draft.lines.slice(0, 5).map((line) => line.id);
    for (const id of annotated) await call('transactions:update', { id, patch: { notes: 'conferido' } });
    const before = books();
    await call('reconciliation:finish', { id: draft.id, adjustmentCents: 555 });
    expect(books()).not.toEqual(before);
    const reopened = await call<ReconciliationDraft>('reconciliation:undo', { accountId: checking });
    expect(reopened.id).toBe(draft.id);
    expect(books()).toEqual(before);
    expect(await call<ReconciliationSummary[]>('reconciliation:history', { accountId: checking })).toEqual([]);
  });

  it('waits for a draft in progress to be finished or discarded', async () => {
    const draft = await startDraft();
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    await call('reconciliation:finish', { id: draft.id });
    const next = await call<ReconciliationDraft>('reconciliation:start', {
      accountId: checking,
      statementDate: '2025-01-31',
      statementBalanceCents: 0,
    });
    await expect(call('reconciliation:undo', { accountId: checking })).rejects.toThrow('RECONCILIATION_IN_PROGRESS');
    await call('reconciliation:discard', { id: next.id });
    await call('reconciliation:undo', { accountId: checking });
    const locked = session.database.sqlite
      .prepare('SELECT count(*) FROM transaction_user_data WHERE reconciled_at IS NOT NULL')
      .pluck()
      .get();
    expect(locked).toBe(0);
  });
});

describe('undoing a bulk change made before the reconciliation', () => {
  it('asks first, records it, and leaves the transactions reconciled', async () => {
    const draft = await startDraft();
    const ids = draft.lines.slice(0, 3).map((line) => line.id);
    const { undoId } = await call<BulkCategorizeResult>('transactions:bulk-categorize', {
      ids,
      categoryId: presetCategoryId('software'),
    });
    await tick(
      draft,
      draft.lines.map((line) => line.id),
    );
    await call('reconciliation:finish', { id: draft.id });
    const reconciledMarks = () =>
      session.database.sqlite
        .prepare(
          'SELECT count(*) FROM transaction_user_data WHERE reconciled_at IS NOT NULL AND cleared_at IS NOT NULL',
        )
        .pluck()
        .get();
    expect(reconciledMarks()).toBe(draft.lines.length);

    await expect(call('undo:apply', { id: undoId })).rejects.toThrow('TRANSACTION_RECONCILED');
    expect(await call('undo:apply', { id: undoId, confirmReconciled: true })).toEqual({ restored: 3 });
    const categories = session.database.sqlite
      .prepare('SELECT count(*) FROM transaction_user_data WHERE category_id IS NOT NULL')
      .pluck()
      .get();
    expect(categories).toBe(0);
    expect(reconciledMarks()).toBe(draft.lines.length);
    const events = session.database.sqlite
      .prepare("SELECT transaction_id FROM reconciliation_events WHERE kind = 'edited' ORDER BY transaction_id")
      .pluck()
      .all();
    expect(events).toEqual([...ids].sort());
    expect((await call<ReconciliationSummary[]>('reconciliation:history', { accountId: checking }))[0]).toMatchObject({
      changesAfterFinish: 3,
    });
  });
});
