import type Database from 'better-sqlite3';
import { RuleConditions, type RulePreview } from '../../shared/rules.ts';
import { accountAmount } from '../books/transaction-conditions.ts';
import { compile, FoldedSubject, usable } from './engine.ts';
import { pagesOfLiveRows, type RuleRow } from './rows.ts';

/** Matches shown in the editor; the count covers them all. */
const previewRows = 50;

/**
 * What a rule being edited would match among the live transactions, newest first, before
 * it is saved (conditions only: whether the user's own choices would keep their values is
 * the apply's business). An unusable pattern is refused with its issues, as on save. Scans
 * every row: the app runs it in a worker (see worker-client.ts), never on main's thread.
 */
export function previewRule(sqlite: Database.Database, input: RuleConditions): RulePreview {
  const rule = compile({ id: 0, ...usable(RuleConditions.parse(input)), actions: {} });
  let count = 0;
  // The newest matches so far: trimmed page by page, never a sort of every match at once.
  let newest: RuleRow[] = [];
  for (const page of pagesOfLiveRows(sqlite)) {
    for (const row of page) {
      if (!rule.matches(new FoldedSubject(row.subject))) continue;
      count += 1;
      newest.push(row);
    }
    newest = newest.sort(newestFirst).slice(0, previewRows);
  }
  const amounts = amountsOf(sqlite, newest);
  return {
    count,
    // A row deleted since its page was read (its connection removed with its data) is left out.
    rows: newest.flatMap((row) => {
      const amount = amounts.get(row.id);
      return amount
        ? [
            {
              id: row.id,
              date: row.date,
              description: row.subject.description,
              ...amount,
              categoryId: row.current?.categoryId ?? row.subject.pluggyCategoryId,
            },
          ]
        : [];
    }),
  };
}

type ShownAmount = Pick<
  RulePreview['rows'][number],
  'amountCents' | 'currencyCode' | 'accountAmountCents' | 'accountCurrencyCode'
>;

/**
 * The shown matches' amounts as every screen shows a transaction's: its own and what its
 * account was charged, with both currencies. Read for these few rows only, so the rules'
 * hot path (re-applying them to every row) reads no more than it did.
 */
function amountsOf(sqlite: Database.Database, rows: readonly RuleRow[]): Map<string, ShownAmount> {
  const read = sqlite
    .prepare<[string], ShownAmount & { id: string }>(
      `SELECT t.id, t.amount_cents AS amountCents, t.currency_code AS currencyCode,
              ${accountAmount} AS accountAmountCents, a.currency_code AS accountCurrencyCode
         FROM transactions t JOIN accounts a ON a.id = t.account_id
        WHERE t.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rows.map((row) => row.id)));
  return new Map(read.map(({ id, ...amount }) => [id, amount]));
}

function newestFirst(a: RuleRow, b: RuleRow): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
