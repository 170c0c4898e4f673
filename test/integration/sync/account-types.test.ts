/**
 * An account type Pluggy adds later (its enums are open, design.md §4) never flips the
 * sign of an amount (design.md §3). The sandbox's unknown-enums fault on GET /accounts
 * gives every account a type Balancete does not know, on a first sync and on a later one,
 * with and without the bank or credit data that still tell one account from another; and
 * books an older version spoiled that way are repaired once, at start-up. Whatever the
 * books held, the next clean sync leaves no amount with the wrong sign, bills and balances
 * as the bank's, and the user's work as the user left it (split parts follow the sign of
 * their transaction; a reconciled transaction's correction waits for the user).
 *
 * Real parts only: the sandbox over HTTPS on loopback, the real client and DataSync, a
 * SQLite file in a temp folder.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import {
  accounts,
  categories,
  creditCardBills,
  settings,
  transactionSplits,
  transactionUserData,
} from '../../../db/schema.ts';
import { resolveConflict } from '../../../electron/core/books/reconciliation/conflicts.ts';
import type { Logger } from '../../../electron/core/log.ts';
import { repairSignsOnce } from '../../../electron/core/sync/account-signs.ts';
import { testHandlerDeps } from '../../support/handler-deps.ts';
import { reconcile } from '../../support/reconciled-fixture.ts';
import { syncSession } from '../../support/sync-session.ts';
import { differencesFromTruth, storedRows, wrongSigns } from '../../support/sync-truth.ts';

const session = syncSession();
const sandboxData = () => session.sandboxData();
const sqlite = () => session.database.sqlite;
const db = () => session.database.db;

function sandboxCard() {
  const card = sandboxData().accounts.find((account) => account.kind === 'card');
  if (!card) throw new Error('the sandbox item has no card');
  return card;
}

/** Pluggy's next GET /accounts names a type (and subtype) Balancete does not know for every account. */
function unknownAccountTypes(options: { omit?: string[] } = {}): void {
  session.sandbox.sandbox.control.faults.add({ kind: 'unknown-enums', path: '/accounts', times: 1, ...options });
}

const day = 86_400_000;

/**
 * The first sync, a few days after the bank was linked: Pluggy's daily updates since then
 * created rows later than the history, so the watermark leaves the history behind and
 * later syncs do not read it again, as with any bank linked for a while.
 */
async function firstSync() {
  session.clock.advance(3 * day);
  return session.sync.syncItem(session.itemId, 'connect');
}

/**
 * Pluggy's next update, three days and more after the last sync, then a sync: past the
 * sync's overlap, so it reads the rows created since and its recent window only, as a sync
 * in daily use does (rows an earlier sync wrote outside that window are not read again).
 */
async function syncDaysLater() {
  session.clock.advance(3 * day);
  return session.nextDay();
}

const warnings = (event: string) =>
  session.logged.filter((entry) => entry.level === 'warn' && entry.event === event).map((entry) => entry.fields);

/** What a sync that met the unknown type says of each account: what it got, and what it booked it as. */
const unknownTypeWarnings = () =>
  sandboxData().accounts.map((account) => ({
    accountId: account.id,
    received: 'SOME_FUTURE_TYPE',
    bookedAs: account.type,
  }));

const storedAccount = (id: string) => db().select().from(accounts).where(eq(accounts.id, id)).get();

const billTotals = (accountId: string) =>
  db()
    .select({ totalCents: creditCardBills.totalCents })
    .from(creditCardBills)
    .where(eq(creditCardBills.accountId, accountId))
    .orderBy(creditCardBills.dueDate)
    .all()
    .map((bill) => bill.totalCents);

/**
 * The books hold exactly the bank's rows, none with a flipped sign, each account booked as
 * its type at the bank with its balance in the user's sign, and the card's bills as owed.
 */
function expectBooksAsTheBank(): void {
  const data = sandboxData();
  expect(wrongSigns(sqlite(), data)).toEqual([]);
  expect(differencesFromTruth(sqlite(), data)).toEqual([]);
  for (const account of data.accounts) {
    const { balanceCents } = data.totals(account);
    expect(storedAccount(account.id)).toMatchObject({
      type: account.type,
      balanceCents: account.type === 'CREDIT' ? -balanceCents : balanceCents,
    });
  }
  const card = sandboxCard();
  const owed = data.totals(card).closingBalances;
  expect(owed.length).toBeGreaterThan(0);
  // The bills it lists: the year's, after older ones kept as history.
  expect(billTotals(card.id).slice(-owed.length)).toEqual(owed.map((cents) => -cents));
}

/** The card's live rows with an amount, oldest first. */
const cardRows = () =>
  storedRows(sqlite())
    .filter((row) => row.account_id === sandboxCard().id && row.removed_at === null && row.amount_cents !== 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * The user's work on card rows, old ones and recent ones (from `rows`, oldest first): a
 * category, notes, tags, usage and the deductible flag on each, and the oldest and the
 * latest posted row split in two parts, in the sign each is held in (posted: the bank may
 * still change a pending row's amount as it posts, and parts do not follow the bank's).
 */
function workOn(rows: readonly { id: string; amount_cents: number; status: string }[]): void {
  db()
    .insert(categories)
    .values({ id: 'user-card', source: 'user', nameEn: 'Card', namePt: 'Cartão', reportGroup: 'nondeductible_expense' })
    .onConflictDoNothing()
    .run();
  const worked = [...rows.slice(0, 8), ...rows.slice(-4)];
  for (const [index, row] of worked.entries()) {
    db()
      .insert(transactionUserData)
      .values({
        transactionId: row.id,
        categoryId: 'user-card',
        categorySource: 'manual',
        notes: `nota ${index}`,
        tags: ['cartao', `t${index % 3}`],
        usage: index % 2 ? 'business' : 'personal',
        deductible: index % 2 === 0,
        updatedAt: '2026-11-20T11:00:00.000Z',
      })
      .run();
  }
  const posted = rows.filter((row) => row.status === 'POSTED');
  for (const row of [posted[0], posted.at(-1)]) {
    if (!row) throw new Error('no row to split');
    splitInTwo(row);
  }
}

/** A third of the row's amount in one part (in the user's category), the rest in another. */
function splitInTwo(row: { id: string; amount_cents: number }): void {
  const part = Math.trunc(row.amount_cents / 3);
  db()
    .insert(transactionSplits)
    .values([
      { transactionId: row.id, position: 0, categoryId: 'user-card', amountCents: part },
      { transactionId: row.id, position: 1, amountCents: row.amount_cents - part, note: 'resto' },
    ])
    .run();
}

const userData = () => db().select().from(transactionUserData).orderBy(transactionUserData.transactionId).all();
const splitParts = () =>
  db().select().from(transactionSplits).orderBy(transactionSplits.transactionId, transactionSplits.position).all();

/** Split transactions whose parts do not add up to their amount. */
const splitsAstray = () =>
  sqlite()
    .prepare(
      `SELECT s.transaction_id FROM transaction_splits s JOIN transactions t ON t.id = s.transaction_id
        GROUP BY s.transaction_id HAVING sum(s.amount_cents) <> max(t.amount_cents)`,
    )
    .pluck()
    .all();

/** The open conflicts' transactions, with the amount each holds and the one the bank's version has. */
const openConflicts = () =>
  sqlite()
    .prepare<
      [],
      { id: number; transactionId: string; kind: string; held: number; incoming: number; detectedAt: string }
    >(
      `SELECT c.id, c.transaction_id AS transactionId, c.kind, t.amount_cents AS held,
              c.incoming ->> '$.amountCents' AS incoming, c.detected_at AS detectedAt
         FROM reconciliation_conflicts c JOIN transactions t ON t.id = c.transaction_id
        WHERE c.resolved_at IS NULL ORDER BY c.id`,
    )
    .all();

/** The user accepts every correction held back on a reconciled transaction. */
function acceptConflicts(): void {
  for (const conflict of openConflicts()) {
    resolveConflict(db(), { id: conflict.id, resolution: 'accept', detectedAt: conflict.detectedAt }, new Date());
  }
}

describe('an account type Balancete does not know', () => {
  it('on a later sync: each account keeps the type it is booked as, and every amount its sign', async () => {
    await firstSync();
    expectBooksAsTheBank();
    workOn(cardRows());
    const before = { data: userData(), splits: splitParts() };

    unknownAccountTypes();
    const counts = await syncDaysLater();
    expect(counts.created).toBeGreaterThan(0);
    expectBooksAsTheBank();
    expect(warnings('sync.unknown-account-type')).toEqual(unknownTypeWarnings());
    expect({ data: userData(), splits: splitParts() }).toEqual(before);

    await syncDaysLater();
    expectBooksAsTheBank();
    expect({ data: userData(), splits: splitParts() }).toEqual(before);
    expect(warnings('sync.signs-corrected')).toEqual([]);
  });

  it('on a first sync: each account is told by its bank or credit data, and the next clean sync finds nothing to put right', async () => {
    unknownAccountTypes();
    await firstSync();
    expectBooksAsTheBank();
    expect(warnings('sync.unknown-account-type')).toEqual(unknownTypeWarnings());
    // The subtype is kept as Pluggy sent it: nothing reads it for a sign.
    expect(storedAccount(sandboxCard().id)?.subtype).toBe('SALARY_ACCOUNT');
    workOn(cardRows());
    const before = { data: userData(), splits: splitParts() };

    await syncDaysLater();
    expectBooksAsTheBank();
    expect(storedAccount(sandboxCard().id)?.subtype).toBe('CREDIT_CARD');
    expect({ data: userData(), splits: splitParts() }).toEqual(before);
    expect(warnings('sync.signs-corrected')).toEqual([]);
  });

  it("with nothing else to go by: booked as a bank account in Pluggy's sign, and corrected whole once Pluggy says CREDIT", async () => {
    unknownAccountTypes({ omit: ['bankData', 'creditData'] });
    await firstSync();
    const card = sandboxCard();
    // Pluggy's sign on every card row (a purchase as money in) and on its balance, no bills:
    // a bank account, until the type is known.
    const held = cardRows();
    expect(wrongSigns(sqlite(), sandboxData())).toEqual(
      storedRows(sqlite())
        .filter((row) => row.account_id === card.id && row.amount_cents !== 0)
        .map((row) => row.id),
    );
    expect(storedAccount(card.id)).toMatchObject({
      type: 'BANK',
      balanceCents: sandboxData().totals(card).balanceCents,
    });
    expect(billTotals(card.id)).toEqual([]);
    expect(warnings('sync.unknown-account-type')).toEqual(
      unknownTypeWarnings().map((warning) => ({ ...warning, bookedAs: 'BANK' })),
    );

    // The user's work on rows in that sign, and an old one reconciled as it was.
    workOn(held);
    const reconciled = held[10];
    if (!reconciled) throw new Error('too few card rows');
    reconcile(sqlite(), card.id, [reconciled.id]);
    const before = { data: userData(), splits: splitParts() };
    expect(before.splits).toHaveLength(4);

    await syncDaysLater();
    // Every row corrected but the reconciled one, whose correction waits for the user.
    expect(wrongSigns(sqlite(), sandboxData())).toEqual([reconciled.id]);
    expect(warnings('sync.signs-corrected')).toEqual([
      { accountId: card.id, from: 'BANK', to: 'CREDIT', corrected: held.length - 1, heldBack: 1 },
    ]);
    expect(openConflicts()).toEqual([
      expect.objectContaining({
        transactionId: reconciled.id,
        kind: 'changed',
        held: reconciled.amount_cents,
        incoming: -reconciled.amount_cents,
      }),
    ]);
    // The parts follow their transaction's sign and still add up; nothing else of the user's moved.
    expect(userData()).toEqual(before.data);
    expect(splitParts()).toEqual(before.splits.map((part) => ({ ...part, amountCents: -part.amountCents })));
    expect(splitsAstray()).toEqual([]);

    acceptConflicts();
    expectBooksAsTheBank();
  });
});

describe('books an older version spoiled', () => {
  it('are repaired once at start-up, and stay right through the next clean sync', async () => {
    await firstSync();
    await syncDaysLater();
    const card = sandboxCard();
    // As versions before this one left them: a sync that met an unknown type wrote the card's
    // rows in Pluggy's sign, and the next clean one put right only its recent window's.
    const windowStart = new Date(session.clock.now() - 45 * day).toISOString().slice(0, 10);
    const spoiled = sqlite()
      .prepare(
        `UPDATE transactions
            SET amount_cents = -amount_cents, amount_in_account_currency_cents = -amount_in_account_currency_cents
          WHERE account_id = ? AND date < ? AND amount_cents <> 0
          RETURNING id`,
      )
      .pluck()
      .all(card.id, windowStart) as string[];
    expect(spoiled.length).toBeGreaterThan(100);
    expect(wrongSigns(sqlite(), sandboxData())).toEqual([...spoiled].sort());

    // The user's work since, on spoiled rows and right ones, and a spoiled row split and reconciled.
    const rows = cardRows();
    workOn(rows);
    const reconciled = rows[10];
    if (!reconciled || !spoiled.includes(reconciled.id)) throw new Error('the row to reconcile is not spoiled');
    splitInTwo(reconciled);
    reconcile(sqlite(), card.id, [reconciled.id]);
    const before = { data: userData(), splits: splitParts() };
    const corrected = new Set(spoiled.filter((id) => id !== reconciled.id));

    // Start-up: the app's connections are made, which repairs the books in the background.
    const logged: { event: string; fields: unknown }[] = [];
    const record = (event: string, fields?: Record<string, unknown>) => logged.push({ event, fields });
    const logger: Logger = { info: record, warn: record, error: record };
    const deps = testHandlerDeps(session.database, { logger });
    try {
      await vi.waitFor(() =>
        expect(db().select().from(settings).where(eq(settings.key, 'sync.signs-repaired')).get()).toMatchObject({
          value: { corrected: spoiled.length - 1, heldBack: 1 },
        }),
      );
    } finally {
      await deps.dispose();
    }
    expect(logged).toEqual([{ event: 'sync.signs-repaired', fields: { corrected: spoiled.length - 1, heldBack: 1 } }]);
    expect(wrongSigns(sqlite(), sandboxData())).toEqual([reconciled.id]);
    expect(openConflicts()).toEqual([
      expect.objectContaining({
        transactionId: reconciled.id,
        held: reconciled.amount_cents,
        incoming: -reconciled.amount_cents,
      }),
    ]);
    expect(userData()).toEqual(before.data);
    // Parts negated with their corrected transaction; the held-back one's stay with its amount.
    expect(splitParts()).toEqual(
      before.splits.map((part) =>
        corrected.has(part.transactionId) ? { ...part, amountCents: -part.amountCents } : part,
      ),
    );
    expect(new Set(splitParts().map((part) => corrected.has(part.transactionId)))).toEqual(new Set([true, false]));
    expect(splitsAstray()).toEqual([]);
    // Once: recorded, it never runs again.
    expect(await repairSignsOnce(session.database, { logger })).toBeNull();

    await syncDaysLater();
    expect(wrongSigns(sqlite(), sandboxData())).toEqual([reconciled.id]);
    expect(userData()).toEqual(before.data);
    acceptConflicts();
    expectBooksAsTheBank();
  });
});
