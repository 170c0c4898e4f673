import { describe, expect, it } from 'vitest';
import { uncategorized } from '../../electron/shared/transactions.ts';
import { formatCompactMoney, formatShortMonth } from '../../renderer/src/features/reports/chart-format.ts';
import {
  matchingPeriod,
  presetRange,
  readReportView,
  transactionsLink,
  writeReportView,
} from '../../renderer/src/features/reports/report-view.ts';
import { readViewState, toQuery } from '../../renderer/src/features/transactions/view-state.ts';

const today = '2026-11-21';

describe('reports view in the URL', () => {
  it('defaults to the last 12 whole months, and round-trips period, switch and tab', () => {
    expect(readReportView(new URLSearchParams(), today)).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
      businessOnly: false,
      tab: 'dashboard',
    });
    const params = new URLSearchParams('from=2026-03-01&to=2026-03-31&business=1&tab=livro-caixa');
    expect(writeReportView(readReportView(params, today)).toString()).toBe(params.toString());
  });

  it('falls back to the default on an unreadable or reversed period and an unknown tab', () => {
    for (const query of [
      'from=2026-13&to=2026-01-01',
      'from=2026-05-01&to=2026-04-30',
      'from=2026-01-01',
      // Days that do not exist, and a year on its way to being typed.
      'from=2026-02-01&to=2026-02-31',
      'from=0202-01-01&to=2026-01-31',
    ]) {
      expect(readReportView(new URLSearchParams(query), today)).toMatchObject({ from: '2025-12-01', to: '2026-11-30' });
    }
    expect(readReportView(new URLSearchParams('tab=nope'), today).tab).toBe('dashboard');
  });

  it('knows the presets back from their dates, December and January included', () => {
    expect(presetRange('last-12', '2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('last-12', '2026-01-31')).toEqual({ from: '2025-02-01', to: '2026-01-31' });
    expect(presetRange('last-month', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(matchingPeriod({ from: '2026-01-01', to: '2026-12-31' }, today)).toBe('this-year');
    expect(matchingPeriod({ from: '2026-11-01', to: '2026-11-30' }, today)).toBe('this-month');
    expect(matchingPeriod({ from: '2026-11-02', to: '2026-11-30' }, today)).toBe('custom');
  });

  it('links a spending line to the Transactions screen on the same category, period and usage', () => {
    const view = { from: '2026-01-01', to: '2026-06-30', businessOnly: true, tab: 'dashboard' } as const;
    const link = transactionsLink(view, 'cat-food');
    expect(link.startsWith('/transactions?')).toBe(true);
    const transactions = readViewState(new URLSearchParams(link.split('?')[1]));
    expect(toQuery(transactions).filters).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      categoryIds: ['cat-food'],
      usage: 'business',
    });
    // Money without a category is spending only where it went out.
    const none = readViewState(
      new URLSearchParams(transactionsLink({ ...view, businessOnly: false }, null).split('?')[1]),
    );
    expect(toQuery(none).filters).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      categoryIds: [uncategorized],
      direction: 'out',
    });
  });
});

describe('chart labels', () => {
  it('writes axis money compactly and months short, in each language', () => {
    expect(formatCompactMoney(1_234_500, 'pt-BR')).toBe('R$\u00a012,3\u00a0mil');
    expect(formatCompactMoney(1_234_500, 'en')).toBe('R$12.3k');
    expect(formatShortMonth('2026-11', 'pt-BR')).toBe('nov/26');
    expect(formatShortMonth('2026-05', 'en')).toBe('May/26');
  });
});
