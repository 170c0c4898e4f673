import { describe, expect, it } from 'vitest';
import type { CategorySummary } from '../../electron/shared/categories.ts';
import { categoryOptions, searchCategories } from '../../renderer/src/features/transactions/category-options.ts';
import {
  periodRange,
  readViewState,
  toQuery,
  writeViewState,
} from '../../renderer/src/features/transactions/view-state.ts';

describe('transactions view state in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    const params = new URLSearchParams(
      'account=a1&account=a2&period=custom&from=2026-01-01&to=2026-01-31&category=__uncategorized__&min=-10000&max=500&flow=out&pending=1&usage=business&q=caf%C3%A9&sort=amount&order=asc',
    );
    const view = readViewState(params);
    expect(view).toMatchObject({ accountIds: ['a1', 'a2'], minCents: -10000, direction: 'out', descending: false });
    expect(writeViewState(view).toString()).toBe(params.toString());
    expect(writeViewState(readViewState(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores what it cannot read', () => {
    const view = readViewState(new URLSearchParams('period=someday&min=abc&sort=evil&flow=sideways&from=yesterday'));
    expect(view).toMatchObject({
      period: 'all',
      minCents: undefined,
      sort: 'date',
      direction: undefined,
      from: undefined,
    });
  });

  it('turns presets into dates from today, and builds the query', () => {
    expect(periodRange({ period: 'this-month' }, '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange({ period: 'last-month' }, '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange({ period: 'last-30' }, '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(periodRange({ period: 'last-year' }, '2026-07-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // Own dates only once they are days that exist: a half-typed year or 30/02 filters nothing (main would refuse it).
    expect(periodRange({ period: 'custom', from: '0202-01-15', to: '2026-02-30' }, '2026-07-01')).toEqual({});
    expect(periodRange({ period: 'custom', from: '2024-02-29', to: '2024-03-31' }, '2026-07-01')).toEqual({
      from: '2024-02-29',
      to: '2024-03-31',
    });
    const view = readViewState(new URLSearchParams('period=this-year&q=%20uber%20&pending=1'));
    expect(toQuery(view, new Date('2026-11-21T12:00:00Z'))).toEqual({
      filters: { from: '2026-01-01', to: '2026-12-31', pending: true, search: 'uber' },
      sort: 'date',
      descending: true,
    });
  });
});

describe('category picker search', () => {
  const category = (id: string, namePt: string, parentId: string | null = null, archived = false): CategorySummary => ({
    id,
    parentId,
    source: 'user',
    namePt,
    nameEn: namePt,
    reportGroup: null,
    review: 'unclassified',
    archived,
  });
  const options = categoryOptions(
    [
      category('p', 'Despesas pessoais'),
      category('pt', 'Transporte pessoal', 'p'),
      category('t', 'Transporte'),
      category('old', 'Transporte antigo', null, true),
      category('s', 'Saúde', 'p'),
    ],
    'pt-BR',
  );

  it('ignores accents and case, hides archived categories, and puts name matches first', () => {
    expect(searchCategories(options, 'transp').map((option) => option.path)).toEqual([
      'Transporte',
      'Despesas pessoais › Transporte pessoal',
    ]);
    expect(searchCategories(options, 'SAUDE').map((option) => option.path)).toEqual(['Despesas pessoais › Saúde']);
    expect(searchCategories(options, 'pessoais saude').map((option) => option.id)).toEqual(['s']);
    expect(searchCategories(options, '')).toHaveLength(4);
  });
});
