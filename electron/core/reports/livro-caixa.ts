import type Database from 'better-sqlite3';
import { lastDayOfMonth } from '../../shared/calendar-day.ts';
import { type LivroCaixa, type LivroCaixaMonth, ReportQuery } from '../../shared/reports.ts';
import { monthlySums, monthsOf, prepared } from './report-rows.ts';

/**
 * The livro-caixa as a freelancer keeps it for the Carnê-Leão: month by month, income
 * received and deductible expenses paid, from the counted movements (report-rows.ts's
 * `classifiedMovements` says how they count).
 *
 * - Income: the net of the month's movements in 'income' categories (a returned payment
 *   reduces it). Income is never deductible, whatever flag a transaction carries.
 * - Deductible paid: movements of transactions the user flagged deductible (whatever their
 *   category, but for income, transfers and investments, which are never expenses), and, where the
 *   flag is not set, movements in 'deductible_expense' categories. The flag wins when set:
 *   flagged not deductible keeps a 'deductible_expense' movement out. Net of refunds,
 *   shown positive. Taxes are not deductible unless flagged (e.g. INSS paid).
 * - The year's rule: deductions above a month's income carry forward to the later months
 *   of the same year, and what is left at the end of December lapses (each January starts
 *   at zero). A month uses its own and the carried deductions up to its income; the
 *   taxable base is income less the deduction used, never negative. A month's refunds can
 *   reduce what is carried, never below zero.
 * - It is kept in whole months, as the Carnê-Leão is: a period that starts or ends
 *   mid-month shows the whole of its first and last months, and the carry into the first
 *   comes from the earlier months of its year. Every month is shown (zeros when nothing
 *   moved).
 *
 * The monthly sums are SQL; the carry is a running fold over those twelve-a-year figures.
 */
export function livroCaixa(sqlite: Database.Database, input: ReportQuery): LivroCaixa {
  const query = ReportQuery.parse(input);
  const yearStart = `${query.from.slice(0, 4)}-01-01`;
  // From January of the first month's year (for the carry) to the end of the last month.
  const byMonth = new Map(
    monthFigures(sqlite, { ...query, from: yearStart, to: lastDayOfMonth(query.to) }).map((each) => [each.month, each]),
  );
  const figures = monthsOf(yearStart, query.to).map(
    (month) => byMonth.get(month) ?? { month, incomeCents: 0, deductibleCents: 0 },
  );
  const months = carryForward(figures).filter((each) => each.month >= query.from.slice(0, 7));
  const total = (key: keyof Omit<LivroCaixaMonth, 'month'>) => months.reduce((sum, each) => sum + each[key], 0);
  return {
    query,
    months,
    totals: {
      incomeCents: total('incomeCents'),
      deductibleCents: total('deductibleCents'),
      deductionUsedCents: total('deductionUsedCents'),
      lapsedCents: total('lapsedCents'),
      taxableBaseCents: total('taxableBaseCents'),
    },
  };
}

/**
 * Income and deductible paid, per month of the query's period (see `livroCaixa`), summed by
 * account and month as the buckets are read (`monthlySums`); transfers and investments are
 * the movements without a side.
 */
function monthFigures(sqlite: Database.Database, query: ReportQuery): MonthFigures[] {
  const sums = monthlySums(
    query,
    { deductible: true },
    ({ side }) => `
      sum(CASE WHEN c.report_group = 'income' THEN b.cents END) AS incomeCents,
      sum(CASE WHEN (b.deductible = 1 AND (${side}) IS NOT NULL AND c.report_group IS NOT 'income')
                 OR (b.deductible IS NULL AND c.report_group = 'deductible_expense') THEN -b.cents END) AS deductibleCents`,
  );
  return prepared(
    sqlite,
    `SELECT month, coalesce(sum(incomeCents), 0) AS incomeCents, coalesce(sum(deductibleCents), 0) AS deductibleCents
     FROM (${sums.sql}) GROUP BY month`,
  ).all(...sums.values) as MonthFigures[];
}

export interface MonthFigures {
  month: string;
  incomeCents: number;
  deductibleCents: number;
}

/** The year's rule over consecutive months (see `livroCaixa`). */
export function carryForward(figures: readonly MonthFigures[]): LivroCaixaMonth[] {
  let carry = 0;
  return figures.map(({ month, incomeCents, deductibleCents }) => {
    const carriedInCents = month.endsWith('-01') ? 0 : carry;
    const available = carriedInCents + deductibleCents;
    const deductionUsedCents = Math.max(0, Math.min(available, incomeCents));
    const left = Math.max(0, available - deductionUsedCents);
    const december = month.endsWith('-12');
    carry = december ? 0 : left;
    return {
      month,
      incomeCents,
      deductibleCents,
      carriedInCents,
      deductionUsedCents,
      carriedOutCents: carry,
      lapsedCents: december ? left : 0,
      taxableBaseCents: Math.max(0, incomeCents - deductionUsedCents),
    };
  });
}
