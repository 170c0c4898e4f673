import { isCalendarDay } from '../../../../electron/shared/calendar-day.ts';
import type { ReportQuery } from '../../../../electron/shared/reports.ts';
import { uncategorized } from '../../../../electron/shared/transactions.ts';
import { noFilters, periodRange, writeViewState } from '../transactions/view-state.ts';

/** The period picker's presets; `custom` is any other from/to. */
export const reportPeriods = ['this-month', 'last-month', 'last-12', 'this-year', 'last-year', 'custom'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export const reportTabs = ['dashboard', 'profit-and-loss', 'livro-caixa', 'cash-flow'] as const;
export type ReportTab = (typeof reportTabs)[number];

/**
 * What the Reports screen shows, as it lives in the address (`?from=&to=&business=1&tab=`):
 * Back walks through periods and tabs, and the PDF printer can open the very same view.
 * The dates are always written out, so a link names its period exactly.
 */
export interface ReportView {
  from: string;
  to: string;
  businessOnly: boolean;
  tab: ReportTab;
}

/** The inclusive dates of a preset as of `today` (São Paulo); whole months, so charts show whole months. */
export function presetRange(period: Exclude<ReportPeriod, 'custom'>, today: string): { from: string; to: string } {
  if (period === 'last-12') {
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    // Eleven months back plus this one: month - 11, wrapping into last year.
    const [startYear, startMonth] = month === 12 ? [year, 1] : [year - 1, month + 1];
    const { to } = presetRange('this-month', today);
    return { from: `${startYear}-${String(startMonth).padStart(2, '0')}-01`, to };
  }
  const { from, to } = periodRange({ period }, today);
  if (!from || !to) throw new RangeError(`No dates for ${period}`);
  return { from, to };
}

/** The preset whose dates these are today, else `custom`. */
export function matchingPeriod(view: Pick<ReportView, 'from' | 'to'>, today: string): ReportPeriod {
  return (
    reportPeriods.find((period) => {
      if (period === 'custom') return false;
      const range = presetRange(period, today);
      return range.from === view.from && range.to === view.to;
    }) ?? 'custom'
  );
}

/** Reads the view from the query string; a missing or unreadable period is the last 12 months. */
export function readReportView(params: URLSearchParams, today: string): ReportView {
  const from = params.get('from');
  const to = params.get('to');
  const period =
    from !== null && to !== null && isCalendarDay(from) && isCalendarDay(to) && from <= to
      ? { from, to }
      : presetRange('last-12', today);
  return {
    ...period,
    businessOnly: params.get('business') === '1',
    tab: reportTabs.find((tab) => tab === params.get('tab')) ?? 'dashboard',
  };
}

export function writeReportView(view: ReportView): URLSearchParams {
  const params = new URLSearchParams({ from: view.from, to: view.to });
  if (view.businessOnly) params.set('business', '1');
  if (view.tab !== 'dashboard') params.set('tab', view.tab);
  return params;
}

export function reportQuery(view: ReportView): ReportQuery {
  return view.businessOnly ? { from: view.from, to: view.to, businessOnly: true } : { from: view.from, to: view.to };
}

/**
 * The Transactions screen showing the movements behind a report line: its category over
 * the report's period (business only when the report is). Money without a category is
 * split by sign in the reports (spending shows what went out), so that link keeps to one
 * side: money out unless told otherwise.
 */
export function transactionsLink(
  view: ReportView,
  categoryId: string | null,
  uncategorizedDirection: 'in' | 'out' = 'out',
): string {
  const params = writeViewState({
    ...noFilters,
    period: 'custom',
    from: view.from,
    to: view.to,
    categoryIds: [categoryId ?? uncategorized],
    direction: categoryId === null ? uncategorizedDirection : undefined,
    usage: view.businessOnly ? 'business' : undefined,
    sort: 'date',
    descending: true,
  });
  return `/transactions?${params.toString()}`;
}
