import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { transactions } from '../../../db/schema.ts';
import {
  type ProviderTransaction,
  ProviderTransactionWriter,
} from '../../../electron/core/books/provider-transactions.ts';
import { openConflicts, resolveConflict } from '../../../electron/core/books/reconciliation/conflicts.ts';
import { startReconciliation, tickLines } from '../../../electron/core/books/reconciliation/drafts.ts';
import { finishReconciliation, undoLastReconciliation } from '../../../electron/core/books/reconciliation/finishing.ts';
import { reconciliationHistory } from '../../../electron/core/books/reconciliation/history.ts';
import { syncSession } from '../../support/sync-session.ts';

/**
 * "Locked means locked" against sync (issue 7): the bank changing or dropping a reconciled
 * transaction changes nothing in the books; it is held back as a conflict, the
 * reconciliation shows as broken, and the user's answer is recorded.
 */

const session = syncSession();
beforeEach(async () => {
  await session.sync.syncItem(session.itemId, 'connect');
});
// Whatever a test did, the books' foreign keys hold.
afterEach(() => {
  expect(session.database.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
});

const now = () => new Date(session.clock.now());
const finishOptions = () => ({
  adjustmentCents: null,
  adjustmentDescription: 'Ajuste',
  finishedBy: 'tester',
  now: now(),
});

/** Reconciles every account of the item to today, pending rows included, each balanced by construction. */
function reconcileEverything(): Map<string, number> {
  const ids = new Map<string, number>();
  const accountIds = session.database.sqlite.prepare('SELECT id FROM accounts').pluck().all() as string[];
  const today = now().toISOString().slice(0, 10);
  for (const accountId of accountIds) {
    const movement = session.database.sqlite
      .prepare(
        'SELECT coalesce(sum(coalesce(amount_in_account_currency_cents, amount_cents)), 0) FROM transactions WHERE account_id = ? AND removed_at IS NULL',
      )
      .pluck()
      .get(accountId) as number;
    const draft = startReconciliation(
      session.database.db,
      { accountId, statementDate: today, statementBalanceCents: movement, openingBalanceCents: 0 },
      now(),
    );
    tickLines(
      session.database.db,
      draft.id,
      draft.lines.map((line) => line.id),
      true,
      now(),
    );
    ids.set(accountId, finishReconciliation(session.database.db, draft.id, finishOptions()).id);
  }
  return ids;
}

/** Pluggy's next update: pending rows post (one with another amount), some disappear. */
async function bankUpdate() {
  const counts = await session.nextDay();
  const changes = session.sandboxData().updateLog.at(-1);
  if (!changes) throw new Error('no update');
  return { changes, counts };
}

const storedRows = (ids: readonly string[]) =>
  session.database.sqlite
    .prepare('SELECT * FROM transactions WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids));

describe('a sync touching reconciled transactions', () => {
  it('changes nothing of them and flags each change and removal as a conflict', async () => {
    reconcileEverything();
    const reconciledBefore = storedRows(
      session.database.sqlite.prepare('SELECT transaction_id FROM reconciliation_items').pluck().all() as string[],
    );
    const { changes, counts } = await bankUpdate();
    expect(changes.updated.length + changes.removed.length).toBeGreaterThan(0);

    const reconciledAfter = storedRows(
      session.database.sqlite.prepare('SELECT transaction_id FROM reconciliation_items').pluck().all() as string[],
    );
    expect(reconciledAfter).toEqual(reconciledBefore);
    const conflicts = openConflicts(session.database.db);
    expect(
      conflicts
        .filter((conflict) => conflict.kind === 'removed')
        .map((c) => c.transactionId)
        .sort(),
    ).toEqual([...changes.removed].sort());
    expect(
      conflicts
        .filter((conflict) => conflict.kind === 'changed')
        .map((c) => c.transactionId)
        .sort(),
    ).toEqual([...changes.updated].sort());
    for (const conflict of conflicts.filter((candidate) => candidate.kind === 'changed')) {
      expect(conflict.incoming?.status).toBe('POSTED');
      expect(conflict.reconciled.status).toBe('PENDING');
    }
    // Held-back removals are not counted as removed; new rows arrive as usual.
    expect(counts.removed).toBe(0);
    expect(counts.created).toBe(changes.created.length);
    const broken = session.database.sqlite
      .prepare(
        'SELECT DISTINCT account_id FROM reconciliations r JOIN reconciliation_conflicts c ON c.reconciliation_id = r.id',
      )
      .pluck()
      .all() as string[];
    for (const accountId of broken) {
      expect(reconciliationHistory(session.database.db, accountId)[0]).toMatchObject({ broken: true });
    }

    // The same bank version at the next sync is the same conflict, not a new one.
    await session.sync.syncItem(session.itemId, 'poll');
    expect(openConflicts(session.database.db).map((conflict) => conflict.id)).toEqual(conflicts.map((c) => c.id));
    expect(storedRows(reconciledBefore.map((row) => (row as { id: string }).id))).toEqual(reconciledBefore);
  });

  it('keeps the reconciled version when asked, without asking again about the same bank version', async () => {
    reconcileEverything();
    await bankUpdate();
    const conflicts = openConflicts(session.database.db);
    const before = storedRows(conflicts.map((conflict) => conflict.transactionId));
    for (const conflict of conflicts) resolveConflict(session.database.db, { ...conflict, resolution: 'keep' }, now());
    await session.sync.syncItem(session.itemId, 'poll');
    expect(openConflicts(session.database.db)).toEqual([]);
    expect(storedRows(conflicts.map((conflict) => conflict.transactionId))).toEqual(before);
    for (const accountId of new Set(
      session.database.sqlite.prepare('SELECT account_id FROM reconciliations').pluck().all(),
    )) {
      expect(reconciliationHistory(session.database.db, accountId as string)[0]).toMatchObject({
        broken: false,
        driftCents: 0,
      });
    }
    const kept = session.database.sqlite.prepare(
      "SELECT count(*) FROM reconciliation_events WHERE kind = 'conflict-kept'",
    );
    expect(kept.pluck().get()).toBe(conflicts.length);
  });

  it("takes the bank's version when accepted, and shows how far it moved the reconciled total", async () => {
    reconcileEverything();
    const { changes } = await bankUpdate();
    const conflicts = openConflicts(session.database.db);
    const changedAmount = conflicts.find(
      (conflict) => conflict.kind === 'changed' && conflict.incoming?.amountCents !== conflict.reconciled.amountCents,
    );
    if (!changedAmount?.incoming) throw new Error('the sandbox update changed no amount');
    resolveConflict(session.database.db, { ...changedAmount, resolution: 'accept' }, now());
    const row = session.database.sqlite
      .prepare('SELECT status, amount_cents, account_id FROM transactions WHERE id = ?')
      .get(changedAmount.transactionId) as { status: string; amount_cents: number; account_id: string };
    expect(row.status).toBe('POSTED');
    expect(row.amount_cents).toBe(changedAmount.incoming.amountCents);
    // Still locked: a later change is held back again.
    const locked = session.database.sqlite
      .prepare('SELECT reconciled_at FROM transaction_user_data WHERE transaction_id = ?')
      .pluck()
      .get(changedAmount.transactionId);
    expect(locked).not.toBeNull();
    const summary = reconciliationHistory(session.database.db, row.account_id)[0];
    expect(summary?.driftCents).toBe(changedAmount.incoming.amountCents - changedAmount.reconciled.amountCents);
    expect(summary?.broken).toBe(true);
    expect(() => resolveConflict(session.database.db, { ...changedAmount, resolution: 'keep' }, now())).toThrow(
      'was resolved',
    );

    // Removals accepted leave the books; the reconciliation's total drifts by their amount.
    for (const conflict of openConflicts(session.database.db).filter((candidate) => candidate.kind === 'removed')) {
      resolveConflict(session.database.db, { ...conflict, resolution: 'accept' }, now());
    }
    const removed = session.database.sqlite
      .prepare('SELECT id FROM transactions WHERE removed_at IS NOT NULL')
      .pluck()
      .all();
    expect([...removed].sort()).toEqual([...changes.removed].sort());
  });

  it('refuses to undo a reconciliation while its conflicts wait for review', async () => {
    const ids = reconcileEverything();
    await bankUpdate();
    const conflict = openConflicts(session.database.db)[0];
    if (!conflict) throw new Error('no conflict');
    const accountId = [...ids].find(([, id]) => id === conflict.reconciliationId)?.[0] as string;
    expect(() => undoLastReconciliation(session.database.db, accountId, now())).toThrow('conflicts to review first');
  });
});

describe('the write path', () => {
  it('still updates the fields a reconciliation does not look at (Pluggy category, merchant)', () => {
    reconcileEverything();
    const id = session.database.sqlite
      .prepare('SELECT transaction_id FROM reconciliation_items LIMIT 1')
      .pluck()
      .get() as string;
    const row = session.database.db.select().from(transactions).where(eq(transactions.id, id)).get();
    if (!row) throw new Error('no row');
    // The row as sync would send it: its provider fields only.
    const provider = Object.fromEntries(
      Object.entries(row).filter(
        ([key]) => !['firstSeenAt', 'updatedAt', 'removedAt', 'userCategoryId', 'userUsage', 'origin'].includes(key),
      ),
    ) as ProviderTransaction;
    const writer = new ProviderTransactionWriter(session.database.sqlite);
    expect(writer.write([{ ...provider, merchantName: 'Padaria Nova' }]).updated).toBe(1);
    expect(
      writer.write([{ ...provider, merchantName: 'Padaria Nova', amountCents: provider.amountCents - 1 }]).updated,
    ).toBe(0);
    const stored = session.database.sqlite
      .prepare('SELECT merchant_name, amount_cents FROM transactions WHERE id = ?')
      .get(id);
    expect(stored).toEqual({ merchant_name: 'Padaria Nova', amount_cents: provider.amountCents });
    expect(openConflicts(session.database.db).map((conflict) => conflict.transactionId)).toEqual([id]);
  });
});

describe('the bank changing its mind', () => {
  /**
   * The newest reconciled row in its account's own currency (a conflict shows the account's
   * amount, which a change to amount_cents alone would not move): inside every sync's window
   * of rows checked for removal.
   */
  const newestReconciled = () =>
    session.database.sqlite
      .prepare(
        `SELECT t.id FROM reconciliation_items i JOIN transactions t ON t.id = i.transaction_id
          WHERE t.status = 'POSTED' AND t.amount_in_account_currency_cents IS NULL
          ORDER BY t.date DESC, t.rowid DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
  /** What the sync writes when a row is no longer listed. */
  const dropByBank = (id: string) =>
    session.database.sqlite.prepare('UPDATE transactions SET removed_at = ? WHERE id = ?').run(now().toISOString(), id);
  const removedAt = (id: string) =>
    session.database.sqlite.prepare('SELECT removed_at FROM transactions WHERE id = ?').pluck().get(id);

  it('a removal it takes back (the row is listed again) is no longer a question', async () => {
    reconcileEverything();
    const id = newestReconciled();
    dropByBank(id);
    expect(openConflicts(session.database.db).map((conflict) => [conflict.transactionId, conflict.kind])).toEqual([
      [id, 'removed'],
    ]);
    await session.sync.syncItem(session.itemId, 'poll');
    expect(openConflicts(session.database.db)).toEqual([]);
    expect(removedAt(id)).toBeNull();
  });

  it('a row it lists again after the user accepted its removal comes back only when accepted', async () => {
    reconcileEverything();
    const id = newestReconciled();
    dropByBank(id);
    const [removal] = openConflicts(session.database.db);
    if (!removal) throw new Error('no conflict');
    resolveConflict(session.database.db, { ...removal, resolution: 'accept' }, now());
    expect(removedAt(id)).not.toBeNull();

    await session.sync.syncItem(session.itemId, 'poll');
    expect(removedAt(id)).not.toBeNull();
    const [back] = openConflicts(session.database.db);
    expect(back).toMatchObject({ transactionId: id, kind: 'restored' });
    if (!back) throw new Error('no conflict');
    resolveConflict(session.database.db, { ...back, resolution: 'accept' }, now());
    expect(removedAt(id)).toBeNull();
    await session.sync.syncItem(session.itemId, 'poll');
    expect(openConflicts(session.database.db)).toEqual([]);
  });

  it('an answer to a version a later sync replaced is refused, and the books keep theirs', async () => {
    reconcileEverything();
    const id = newestReconciled();
    const amount = () =>
      session.database.sqlite.prepare('SELECT amount_cents FROM transactions WHERE id = ?').pluck().get(id) as number;
    const reconciled = amount();
    const bankWrites = (cents: number) =>
      session.database.sqlite.prepare('UPDATE transactions SET amount_cents = ? WHERE id = ?').run(cents, id);
    bankWrites(reconciled - 100);
    const [seen] = openConflicts(session.database.db);
    if (!seen) throw new Error('no conflict');
    // While the user looks at it, the next sync brings another version (detected a moment later).
    await new Promise((resolve) => setTimeout(resolve, 5));
    bankWrites(reconciled - 200);
    const [latest] = openConflicts(session.database.db);
    expect(latest?.id).toBe(seen.id);
    expect(latest?.incoming?.amountCents).toBe(reconciled - 200);
    expect(() => resolveConflict(session.database.db, { ...seen, resolution: 'accept' }, now())).toThrow(
      'changed since',
    );
    expect(amount()).toBe(reconciled);
    if (!latest) throw new Error('no conflict');
    resolveConflict(session.database.db, { ...latest, resolution: 'accept' }, now());
    expect(amount()).toBe(reconciled - 200);
  });
});
