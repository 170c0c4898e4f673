import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ReconciliationConflict,
  ReconciliationDraft,
  ReconciliationHelp,
  ReconciliationLine,
} from '../../electron/shared/reconciliation.ts';
import type { RulePrefill, RulePreview } from '../../electron/shared/rules.ts';
import type { TransactionPage, TransactionTotals } from '../../electron/shared/transactions.ts';
import { noticedSession } from '../support/noticed-session.ts';
import { reconcile } from '../support/reconciled-fixture.ts';

/**
 * "Reais first, everywhere": every IPC answer that shows a transaction carries what its
 * account was charged (in the account's currency) and the transaction's own amount and
 * currency, for a purchase in US$ on the sandbox's card in reais, as a real sync stored it.
 */

const { session, call, linkSandboxBank } = noticedSession();

/** A USD row of the synced book, as stored: the truth the answers are checked against. */
interface StoredForeignRow {
  id: string;
  accountId: string;
  date: string;
  amountCents: number;
  currencyCode: string;
  chargedCents: number;
  accountCurrencyCode: string;
}

let usd: StoredForeignRow;

beforeEach(async () => {
  await linkSandboxBank();
  // Found by currency, not by description: the newest live USD row on an account in another currency.
  usd = session.database.sqlite
    .prepare(
      `SELECT t.id, t.account_id AS accountId, t.date, t.amount_cents AS amountCents, t.currency_code AS currencyCode,
              t.amount_in_account_currency_cents AS chargedCents, a.currency_code AS accountCurrencyCode
         FROM transactions t JOIN accounts a ON a.id = t.account_id
        WHERE t.currency_code = 'USD' AND a.currency_code = 'BRL' AND t.removed_at IS NULL
        ORDER BY t.date DESC, t.rowid DESC LIMIT 1`,
    )
    .get() as StoredForeignRow;
  expect(usd, 'the synced sandbox book holds a USD purchase on an account in reais').toBeTruthy();
  // Reais and dollars differ, so an answer that mixes them up shows.
  expect(usd.chargedCents).toBeLessThan(usd.amountCents);
  expect(usd.amountCents).toBeLessThan(0);
});

/** What a reconciliation line (or conflict side) of the USD row must say. */
const usdLine = () => ({
  id: usd.id,
  amountCents: usd.chargedCents,
  accountCurrencyCode: 'BRL',
  originalAmountCents: usd.amountCents,
  currencyCode: 'USD',
});

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

it("lists the row with the account's charge in reais beside its own amount in dollars, and totals add the reais", async () => {
  const filters = { accountIds: [usd.accountId], from: usd.date, to: usd.date };
  const page = await call<TransactionPage>('transactions:list', { filters });
  expect(page.rows.find((row) => row.id === usd.id)).toMatchObject({
    amountCents: usd.amountCents,
    currencyCode: 'USD',
    accountAmountCents: usd.chargedCents,
    accountCurrencyCode: 'BRL',
  });
  // Every row says what its account was charged; rows in the account's own currency the same amount twice.
  for (const row of page.rows) {
    expect(row.accountCurrencyCode).toBe('BRL');
    if (row.currencyCode === 'BRL') expect(row.accountAmountCents).toBe(row.amountCents);
  }
  // The totals above the list add up what the rows show first.
  const totals = await call<TransactionTotals>('transactions:totals', filters);
  expect(totals.netCents).toBe(page.rows.reduce((sum, row) => sum + row.accountAmountCents, 0));
});

it('previews a rule made from the row with the charge in reais, not the dollars as reais', async () => {
  const prefill = await call<RulePrefill>('rules:from-transaction', { id: usd.id });
  const preview = await call<RulePreview>('rules:preview', { match: prefill.match, conditions: prefill.conditions });
  expect(preview.rows.find((row) => row.id === usd.id)).toMatchObject({
    amountCents: usd.amountCents,
    currencyCode: 'USD',
    accountAmountCents: usd.chargedCents,
    accountCurrencyCode: 'BRL',
  });
});

it("matches a rule's amount against the charge in reais, as the Transações amount filter does", async () => {
  const exactly = (cents: number) => ({
    match: 'all',
    conditions: [
      { field: 'amount', operator: 'equals', cents: Math.abs(cents) },
      { field: 'account', operator: 'in', values: [usd.accountId] },
    ],
  });
  const byReais = await call<RulePreview>('rules:preview', exactly(usd.chargedCents));
  expect(byReais.rows.map((row) => row.id)).toContain(usd.id);
  const byDollars = await call<RulePreview>('rules:preview', exactly(usd.amountCents));
  expect(byDollars.rows.map((row) => row.id)).not.toContain(usd.id);
});

describe('reconciliation', () => {
  it("shows the row in the draft's lines and in the helper with the charge in reais first, the dollars beside it", async () => {
    // A statement the day before: the row is one the bank may have dated earlier.
    const draft = await call<ReconciliationDraft>('reconciliation:start', {
      accountId: usd.accountId,
      statementDate: dayBefore(usd.date),
      statementBalanceCents: 0,
    });
    const help = await call<ReconciliationHelp>('reconciliation:help', { id: draft.id });
    expect(help.afterStatement.find((line) => line.id === usd.id)).toMatchObject(usdLine());

    const moved = await call<ReconciliationDraft>('reconciliation:update', { id: draft.id, statementDate: usd.date });
    const line = moved.lines.find((candidate) => candidate.id === usd.id) as ReconciliationLine;
    expect(line).toMatchObject(usdLine());
    // What the sums count is the charge in reais.
    const standing = await call<{ clearedTotalCents: number }>('reconciliation:tick', {
      id: draft.id,
      transactionIds: [usd.id],
      cleared: true,
    });
    expect(standing.clearedTotalCents).toBe(usd.chargedCents);
  });

  it('shows both versions of a reconciled row the bank changed with the charge in reais first, the dollars beside it', async () => {
    reconcile(session.database.sqlite, usd.accountId, [usd.id]);
    // The bank re-prices it (as a sync writes it): held back as a conflict, the books unchanged.
    session.database.sqlite
      .prepare(
        `UPDATE transactions SET amount_cents = amount_cents - 100,
           amount_in_account_currency_cents = amount_in_account_currency_cents - 610 WHERE id = ?`,
      )
      .run(usd.id);
    const conflicts = await call<ReconciliationConflict[]>('reconciliation:conflicts', { accountId: usd.accountId });
    expect(conflicts).toHaveLength(1);
    const { id: _, ...reconciled } = usdLine();
    expect(conflicts[0]).toMatchObject({
      transactionId: usd.id,
      kind: 'changed',
      reconciled,
      incoming: { ...reconciled, amountCents: usd.chargedCents - 610, originalAmountCents: usd.amountCents - 100 },
    });
  });
});
