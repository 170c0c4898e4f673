import type Database from 'better-sqlite3';
import type { ReportQuery } from '../../electron/shared/reports.ts';

/**
 * The reports computed a second way, as the tests' referee: plain SELECTs of the raw
 * tables, then a fold in TypeScript over every row, following the rules as written in
 * electron/core/reports (not its SQL).
 */

interface Movement {
  accountId: string;
  date: string;
  cents: number;
  categoryId: string | null;
  group: string | null;
  usage: string | null;
  deductible: boolean | null;
}

export interface Folded {
  /** `${section}|${categoryId ?? ''}` → net cents. */
  lines: Map<string, number>;
  incomeCents: number;
  expenseCents: number;
  notCountedCents: number;
  /** Per account: money in and out. */
  accounts: Map<string, { inCents: number; outCents: number }>;
}

export function readMovements(sqlite: Database.Database): Movement[] {
  const transactions = sqlite.prepare('SELECT * FROM transactions').all() as Record<string, unknown>[];
  const users = new Map(
    (sqlite.prepare('SELECT * FROM transaction_user_data').all() as Record<string, unknown>[]).map((row) => [
      row.transaction_id as string,
      row,
    ]),
  );
  const splits = new Map<string, { position: number; category_id: string | null; amount_cents: number }[]>();
  for (const part of sqlite.prepare('SELECT * FROM transaction_splits').all() as {
    transaction_id: string;
    position: number;
    category_id: string | null;
    amount_cents: number;
  }[]) {
    splits.set(part.transaction_id, [...(splits.get(part.transaction_id) ?? []), part]);
  }
  const groups = new Map(
    (
      sqlite.prepare('SELECT id, report_group FROM categories').all() as { id: string; report_group: string | null }[]
    ).map((row) => [row.id, row.report_group]),
  );
  const movements: Movement[] = [];
  for (const t of transactions) {
    if (t.removed_at !== null) continue;
    const user = users.get(t.id as string);
    const account = (t.amount_in_account_currency_cents ?? t.amount_cents) as number;
    const base = {
      accountId: t.account_id as string,
      date: t.date as string,
      usage: (user?.usage as string | null | undefined) ?? null,
      deductible: user?.deductible === null || user?.deductible === undefined ? null : user.deductible === 1,
    };
    const parts = [...(splits.get(t.id as string) ?? [])].sort((a, b) => a.position - b.position);
    const whole = parts.reduce((sum, part) => sum + part.amount_cents, 0);
    if (parts.length > 0 && whole !== 0) {
      // Shares of the account amount, rounded (toward zero) on the running total.
      let before = 0n;
      let running = 0;
      for (const part of parts) {
        running += part.amount_cents;
        const upTo = (BigInt(running) * BigInt(account)) / BigInt(whole);
        movements.push({ ...base, cents: Number(upTo - before), categoryId: part.category_id, group: null });
        before = upTo;
      }
    } else {
      const categoryId = ((user?.category_id as string | null | undefined) ?? t.pluggy_category_id) as string | null;
      movements.push({ ...base, cents: account, categoryId, group: null });
    }
  }
  for (const movement of movements)
    movement.group = movement.categoryId ? (groups.get(movement.categoryId) ?? null) : null;
  return movements;
}

function selected(movements: readonly Movement[], query: ReportQuery, from = query.from): Movement[] {
  return movements.filter(
    (movement) =>
      movement.date >= from &&
      movement.date <= query.to &&
      (!query.accountIds || query.accountIds.includes(movement.accountId)) &&
      (!query.businessOnly || movement.usage === 'business'),
  );
}

export function foldProfitAndLoss(movements: readonly Movement[], query: ReportQuery): Folded {
  const chosen = selected(movements, query);
  const ungroupedNet = new Map<string, number>();
  for (const movement of chosen) {
    if (movement.group === null && movement.categoryId !== null) {
      ungroupedNet.set(movement.categoryId, (ungroupedNet.get(movement.categoryId) ?? 0) + movement.cents);
    }
  }
  const folded: Folded = { lines: new Map(), incomeCents: 0, expenseCents: 0, notCountedCents: 0, accounts: new Map() };
  for (const movement of chosen) {
    let section: string;
    if (movement.group !== null) section = movement.group;
    else if (movement.categoryId === null)
      section = movement.cents >= 0 ? 'unclassified_income' : 'unclassified_expense';
    else section = (ungroupedNet.get(movement.categoryId) ?? 0) >= 0 ? 'unclassified_income' : 'unclassified_expense';
    const key = `${section}|${movement.categoryId ?? ''}`;
    folded.lines.set(key, (folded.lines.get(key) ?? 0) + movement.cents);
    if (section === 'transfer' || section === 'investment') folded.notCountedCents += movement.cents;
    else if (section === 'income' || section === 'unclassified_income') folded.incomeCents += movement.cents;
    else folded.expenseCents += movement.cents;
    const account = folded.accounts.get(movement.accountId) ?? { inCents: 0, outCents: 0 };
    if (movement.cents > 0) account.inCents += movement.cents;
    else account.outCents += movement.cents;
    folded.accounts.set(movement.accountId, account);
  }
  return folded;
}

/** Income and deductible paid per month, the year's carry done month by month. */
export function foldLivroCaixa(
  movements: readonly Movement[],
  query: ReportQuery,
): {
  month: string;
  incomeCents: number;
  deductibleCents: number;
  deductionUsedCents: number;
  taxableBaseCents: number;
  carriedOutCents: number;
  lapsedCents: number;
}[] {
  const year = Number(query.from.slice(0, 4));
  const firstMonth = query.from.slice(0, 7);
  const lastMonth = query.to.slice(0, 7);
  const perMonth = new Map<string, { income: number; deductible: number }>();
  // Whole months: every movement of the year up to the end of the last month counts.
  for (const movement of selected(movements, { ...query, to: `${lastMonth}-31` }, `${year}-01-01`)) {
    const month = movement.date.slice(0, 7);
    const figures = perMonth.get(month) ?? { income: 0, deductible: 0 };
    const countsAsExpense = !['income', 'transfer', 'investment'].includes(movement.group ?? '');
    if (
      movement.deductible === true
        ? countsAsExpense
        : movement.deductible === null && movement.group === 'deductible_expense'
    ) {
      figures.deductible -= movement.cents;
    } else if (movement.group === 'income') {
      figures.income += movement.cents;
    }
    perMonth.set(month, figures);
  }
  const result = [];
  let carry = 0;
  for (
    let y = year, m = 1;
    `${y}-${String(m).padStart(2, '0')}` <= query.to.slice(0, 7);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1)
  ) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (m === 1) carry = 0;
    const { income, deductible } = perMonth.get(month) ?? { income: 0, deductible: 0 };
    let used = carry + deductible;
    if (used > income) used = income;
    if (used < 0) used = 0;
    const left = carry + deductible - used > 0 ? carry + deductible - used : 0;
    carry = m === 12 ? 0 : left;
    if (month >= firstMonth) {
      result.push({
        month,
        incomeCents: income,
        deductibleCents: deductible,
        deductionUsedCents: used,
        taxableBaseCents: income - used > 0 ? income - used : 0,
        carriedOutCents: carry,
        lapsedCents: m === 12 ? left : 0,
      });
    }
  }
  return result;
}
