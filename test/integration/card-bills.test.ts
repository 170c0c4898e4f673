/**
 * Card bills kept offline, and the figures a first reconciliation starts from (issue 7),
 * against the real sandbox over HTTPS: the bills and balances it serves must agree with
 * the transactions it serves, the way a statement agrees with the books.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, creditCardBills, transactions } from '../../db/schema.ts';
import {
  openingAtAccountStart,
  suggestedStatement,
} from '../../electron/core/books/reconciliation/statement-suggestion.ts';
import { bookkeepingDate } from '../../electron/shared/format.ts';
import { syncSession } from '../support/sync-session.ts';

const session = syncSession();
const sandboxData = () => session.sandboxData();

function storedAccount(type: 'BANK' | 'CREDIT', subtype: string) {
  const account = session.database.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.type, type), eq(accounts.subtype, subtype)))
    .get();
  if (!account) throw new Error(`no ${subtype}`);
  return account;
}

const storedBills = (accountId: string) =>
  session.database.db
    .select()
    .from(creditCardBills)
    .where(eq(creditCardBills.accountId, accountId))
    .orderBy(creditCardBills.dueDate)
    .all();

/** The account's transactions held, dated up to `date`, in the account's currency. */
function heldThrough(accountId: string, date: string): number {
  const row = session.database.db
    .select({
      cents: sql<number>`coalesce(sum(coalesce(${transactions.amountInAccountCurrencyCents}, ${transactions.amountCents})), 0)`,
    })
    .from(transactions)
    .where(and(eq(transactions.accountId, accountId), isNull(transactions.removedAt), lte(transactions.date, date)))
    .get();
  return row?.cents ?? 0;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('card bills', () => {
  it("are stored with the card's bills: closing and due dates in São Paulo, totals owed as money out", async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const card = storedAccount('CREDIT', 'CREDIT_CARD');
    const sandboxCard = sandboxData().accounts.find((account) => account.kind === 'card');
    if (!sandboxCard) throw new Error('no card');
    const { closes, closingBalances } = sandboxData().totals(sandboxCard);
    expect(closes.length).toBeGreaterThan(6);

    const bills = storedBills(card.id);
    expect(bills).toHaveLength(closes.length);
    expect(bills.map((bill) => bill.closingDate)).toEqual(closes.map((close) => bookkeepingDate(new Date(close))));
    // The sandbox closes bills on the 5th and has them due on the 15th.
    expect(bills.every((bill) => bill.closingDate?.endsWith('-05') && bill.dueDate.endsWith('-15'))).toBe(true);
    expect(bills.map((bill) => bill.totalCents)).toEqual(closingBalances.map((owed) => -owed));
    expect(bills.every((bill) => bill.totalCents < 0 && bill.currencyCode === 'BRL')).toBe(true);
    // Bank accounts have none.
    expect(storedBills(storedAccount('BANK', 'CHECKING_ACCOUNT').id)).toEqual([]);
  });

  it('are updated in place by a later sync, and ones Pluggy stops listing stay as history', async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const card = storedAccount('CREDIT', 'CREDIT_CARD');
    const synced = storedBills(card.id);
    const [first] = synced;
    if (!first) throw new Error('no bill');
    session.database.db.update(creditCardBills).set({ totalCents: 1 }).where(eq(creditCardBills.id, first.id)).run();
    const old = { id: 'bill-no-longer-listed', accountId: card.id, closingDate: '2020-01-05', dueDate: '2020-01-15' };
    session.database.db
      .insert(creditCardBills)
      .values({ ...old, totalCents: -123_45, currencyCode: 'BRL' })
      .run();

    await session.sync.syncItem(session.itemId, 'poll');
    const after = storedBills(card.id);
    expect(after).toHaveLength(synced.length + 1);
    expect(after.filter((bill) => bill.id !== old.id)).toEqual(synced);
    expect(after.find((bill) => bill.id === old.id)).toMatchObject({ totalCents: -123_45 });
  });

  it('failing to read them fails no sync: the bills held stay, and the HTTP error is session.logged', async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const card = storedAccount('CREDIT', 'CREDIT_CARD');
    const before = storedBills(card.id);
    expect(before.length).toBeGreaterThan(0);

    session.sandbox.sandbox.control.faults.add({ kind: 'server-error', path: '/bills', status: 500 });
    const counts = await session.nextDay();
    expect(counts.created).toBeGreaterThan(0); // the update's new rows still came in
    expect(storedBills(card.id)).toEqual(before);
    expect(session.logged.filter((entry) => entry.level === 'warn').map((entry) => entry.event)).toEqual([
      'sync.bills-failed',
    ]);
    expect(session.logged.find((entry) => entry.event === 'sync.bills-failed')?.fields).toMatchObject({
      accountId: card.id,
      code: 'PLUGGY_SERVER',
      status: 500,
    });
  });
});

describe('where a reconciliation starts', () => {
  it("a card: its last bill, dated the day before it closed; and every bill matches the card's rows to that day", async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const card = storedAccount('CREDIT', 'CREDIT_CARD');
    const bills = storedBills(card.id);
    const last = bills.at(-1);
    if (!last?.closingDate) throw new Error('no closed bill');
    expect(suggestedStatement(session.database.db, card.id)).toEqual({
      date: dayBefore(last.closingDate),
      balanceCents: last.totalCents,
      source: 'bill',
    });

    // The card's debt starts at nothing; pending rows are in its balance, so they count.
    const opening = openingAtAccountStart(session.database.db, card.id);
    expect(opening).toBe(0);
    expect(
      await session.database.db.$count(
        transactions,
        and(eq(transactions.accountId, card.id), eq(transactions.status, 'PENDING')),
      ),
    ).toBeGreaterThan(0);
    for (const bill of bills) {
      const statementDate = dayBefore(bill.closingDate ?? '');
      expect({ statementDate, cents: opening + heldThrough(card.id, statementDate) }).toEqual({
        statementDate,
        cents: bill.totalCents,
      });
    }
    // The closing day's rows belong to the next bill: where there are any, counting them breaks the match.
    const closingDayRows = bills.filter(
      (bill) =>
        heldThrough(card.id, bill.closingDate ?? '') !== heldThrough(card.id, dayBefore(bill.closingDate ?? '')),
    );
    expect(closingDayRows.length).toBeGreaterThan(0);
    for (const bill of closingDayRows) {
      expect(opening + heldThrough(card.id, bill.closingDate ?? '')).not.toBe(bill.totalCents);
    }
  });

  it('a bank account: its balance and date, and the balance before its first row', async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const checking = storedAccount('BANK', 'CHECKING_ACCOUNT');
    const suggested = suggestedStatement(session.database.db, checking.id);
    expect(suggested).toEqual({ date: checking.balanceDate, balanceCents: checking.balanceCents, source: 'balance' });
    if (!suggested) throw new Error('no suggestion');
    const opening = openingAtAccountStart(session.database.db, checking.id);
    expect(opening + heldThrough(checking.id, suggested.date)).toBe(suggested.balanceCents);
    expect(opening).toBeGreaterThan(0); // the sandbox keeps checking in credit from its start
  });

  it.each([['CHECKING_ACCOUNT'], ['SAVINGS_ACCOUNT']])(
    'the balance before the first row holds as later syncs bring new rows and a new balance (%s)',
    async (subtype) => {
      await session.sync.syncItem(session.itemId, 'connect');
      const account = storedAccount('BANK', subtype);
      const opening = openingAtAccountStart(session.database.db, account.id);

      // Days later the bank has new rows (some back-dated), rows that posted, changed or went away.
      for (let day = 0; day < 5; day += 1) {
        session.clock.advance(23 * 3600 * 1000);
        session.sandbox.sandbox.control.autoUpdate(session.itemId);
        await session.sync.syncItem(session.itemId, 'poll');
        const moved = storedAccount('BANK', subtype);
        expect(moved.balanceDate).not.toBe(account.balanceDate);
        expect(openingAtAccountStart(session.database.db, account.id)).toBe(opening);
      }
    },
  );

  it('an account with no balance date has no suggested statement', async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    const savings = storedAccount('BANK', 'SAVINGS_ACCOUNT');
    session.database.db.update(accounts).set({ balanceDate: null }).where(eq(accounts.id, savings.id)).run();
    expect(suggestedStatement(session.database.db, savings.id)).toBeNull();
  });

  it('an account the books do not hold is not found', () => {
    expect(() => suggestedStatement(session.database.db, 'no-such-account')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => openingAtAccountStart(session.database.db, 'no-such-account')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
