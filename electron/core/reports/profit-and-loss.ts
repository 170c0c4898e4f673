import type Database from 'better-sqlite3';
import {
  type ProfitAndLoss,
  type ProfitAndLossSection,
  ReportQuery,
  type ReportCategoryLine,
  type ReportSection,
  reportSections,
} from '../../shared/reports.ts';
import { categoryLineColumns, classifiedMovements, prepared } from './report-rows.ts';

type LineRow = ReportCategoryLine & { section: ReportSection; side: 'income' | 'expense' | null };

/**
 * The period's net per section and category (SQL: see `classifiedMovements` for the rules).
 * Nets, so a refund in an expense category reduces that category's expense. Used by the
 * P&L and by the dashboard's spending, which must agree.
 */
export function categoryLines(sqlite: Database.Database, query: ReportQuery): LineRow[] {
  const movements = classifiedMovements(query, { byCategory: true });
  return prepared(
    sqlite,
    `${movements.sql}
     SELECT l.section, l.side, ${categoryLineColumns}, l.cents, l.count
     FROM (SELECT section, side, category_id, sum(cents) AS cents, sum(count) AS count
           FROM classified GROUP BY section, category_id HAVING sum(count) <> 0) l
     LEFT JOIN categories c ON c.id = l.category_id
     ORDER BY l.side IS NULL, abs(l.cents) DESC, l.category_id`,
  ).all(...movements.values) as LineRow[];
}

/**
 * Profit and loss by report group and category. Section totals are the sums of their
 * lines, income and expenses the sums of their sides' sections, and the net their sum;
 * transfers and investments are listed with their own total and left out of all three.
 */
export function profitAndLoss(sqlite: Database.Database, input: ReportQuery): ProfitAndLoss {
  const query = ReportQuery.parse(input);
  const lines = categoryLines(sqlite, query);
  const sections: ProfitAndLossSection[] = reportSections.flatMap((section) => {
    const own = lines.filter((line) => line.section === section);
    if (own.length === 0) return [];
    return [
      {
        section,
        side: own[0]?.side ?? null,
        lines: own.map(({ section: _section, side: _side, ...line }) => line),
        totalCents: sum(own),
      },
    ];
  });
  const incomeCents = sum(sections.filter((each) => each.side === 'income').map(asCents));
  const expenseCents = sum(sections.filter((each) => each.side === 'expense').map(asCents));
  return {
    query,
    sections,
    incomeCents,
    expenseCents,
    netCents: incomeCents + expenseCents,
    notCountedCents: sum(sections.filter((each) => each.side === null).map(asCents)),
  };
}

const asCents = (section: ProfitAndLossSection) => ({ cents: section.totalCents });
const sum = (items: readonly { cents: number }[]) => items.reduce((total, item) => total + item.cents, 0);
