import { isCalendarDay } from '../../../../electron/shared/calendar-day.ts';
import { bookkeepingDate } from '../../../../electron/shared/format.ts';
import {
  type TransactionFilters,
  type TransactionQuery,
  transactionSortKeys,
} from '../../../../electron/shared/transactions.ts';

/** Period presets of the filter bar; `custom` uses the from/to the user typed. */
export const periodPresets = [
  'all',
  'this-month',
  'last-month',
  'last-30',
  'last-90',
  'this-year',
  'last-year',
  'custom',
] as const;
type PeriodPreset = (typeof periodPresets)[number];

export type SortKey = (typeof transactionSortKeys)[number];

/**
 * What the transactions screen shows, as it lives in the URL's query string: the router's
 * history then gives back/forward over filters and sorting for free. Presets stay presets
 * (not dates), so "este mês" still means this month when the link is opened next month.
 */
export interface ViewState {
  accountIds: string[];
  period: PeriodPreset;
  from?: string;
  to?: string;
  categoryIds: string[];
  minCents?: number;
  maxCents?: number;
  direction?: 'in' | 'out';
  pending: boolean;
  usage?: 'business' | 'personal' | 'unset';
  search: string;
  /** "Mostrar contas ocultas": hidden accounts' rows in the all-accounts list (an account chosen shows anyway). */
  includeHidden: boolean;
  sort: SortKey;
  descending: boolean;
}

/** Every filter off; the sort stays as it is. */
export const noFilters = {
  accountIds: [],
  period: 'all',
  from: undefined,
  to: undefined,
  categoryIds: [],
  minCents: undefined,
  maxCents: undefined,
  direction: undefined,
  pending: false,
  usage: undefined,
  search: '',
  includeHidden: false,
} as const satisfies Omit<ViewState, 'sort' | 'descending'>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function integerParam(value: string | null): number | undefined {
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

function dayParam(value: string | null): string | undefined {
  return value !== null && isoDay.test(value) ? value : undefined;
}

/** Reads the view from the query string; anything unreadable falls back to the default. */
export function readViewState(params: URLSearchParams): ViewState {
  return {
    accountIds: params.getAll('account'),
    period: oneOf(periodPresets, params.get('period')) ?? 'all',
    from: dayParam(params.get('from')),
    to: dayParam(params.get('to')),
    categoryIds: params.getAll('category'),
    minCents: integerParam(params.get('min')),
    maxCents: integerParam(params.get('max')),
    direction: oneOf(['in', 'out'] as const, params.get('flow')),
    pending: params.get('pending') === '1',
    usage: oneOf(['business', 'personal', 'unset'] as const, params.get('usage')),
    search: params.get('q') ?? '',
    includeHidden: params.get('hidden') === '1',
    sort: oneOf(transactionSortKeys, params.get('sort')) ?? 'date',
    descending: params.get('order') !== 'asc',
  };
}

/** The query string for a view; defaults are left out so the plain screen has a plain URL. */
export function writeViewState(view: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of view.accountIds) params.append('account', id);
  if (view.period !== 'all') params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  for (const id of view.categoryIds) params.append('category', id);
  if (view.minCents !== undefined) params.set('min', String(view.minCents));
  if (view.maxCents !== undefined) params.set('max', String(view.maxCents));
  if (view.direction) params.set('flow', view.direction);
  if (view.pending) params.set('pending', '1');
  if (view.usage) params.set('usage', view.usage);
  if (view.search) params.set('q', view.search);
  if (view.includeHidden) params.set('hidden', '1');
  if (view.sort !== 'date') params.set('sort', view.sort);
  if (!view.descending) params.set('order', 'asc');
  return params;
}

/** The Transactions screen listing a category's transactions of all time (`uncategorized` for none), newest first. */
export function categoryTransactionsLink(categoryId: string): string {
  return `/transactions?${writeViewState({ ...noFilters, categoryIds: [categoryId], sort: 'date', descending: true }).toString()}`;
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The inclusive bookkeeping dates a period covers, counted from `today` (São Paulo). */
export function periodRange(
  view: Pick<ViewState, 'period' | 'from' | 'to'>,
  today: string,
): { from?: string; to?: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pad = (value: number) => String(value).padStart(2, '0');
  switch (view.period) {
    case 'all':
      return {};
    case 'custom':
      // Only days that exist: a date field half typed (year 0202 on its way to 2025) filters nothing yet.
      return {
        ...(view.from !== undefined && isCalendarDay(view.from) ? { from: view.from } : {}),
        ...(view.to !== undefined && isCalendarDay(view.to) ? { to: view.to } : {}),
      };
    case 'this-month':
      return { from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: `${y}-${pad(m)}-01`, to: lastDayOfMonth(y, m) };
    }
    case 'last-30':
      return { from: shiftDay(today, -29), to: today };
    case 'last-90':
      return { from: shiftDay(today, -89), to: today };
    case 'this-year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The list query (without paging) for a view, with presets turned into dates as of now. */
export function toQuery(view: ViewState, now = new Date()): Omit<TransactionQuery, 'offset' | 'limit'> {
  const filters: TransactionFilters = { ...periodRange(view, bookkeepingDate(now)) };
  if (view.accountIds.length > 0) filters.accountIds = view.accountIds;
  if (view.categoryIds.length > 0) filters.categoryIds = view.categoryIds;
  // The range is of sizes: "-100" typed (or in an old link) means 100 out or in.
  if (view.minCents !== undefined) filters.minCents = Math.abs(view.minCents);
  if (view.maxCents !== undefined) filters.maxCents = Math.abs(view.maxCents);
  if (view.direction) filters.direction = view.direction;
  if (view.pending) filters.pending = true;
  if (view.usage) filters.usage = view.usage;
  const search = view.search.trim();
  if (search) filters.search = search;
  if (view.includeHidden && view.accountIds.length === 0) filters.includeHidden = true;
  return { filters, sort: view.sort, descending: view.descending };
}
