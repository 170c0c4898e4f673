import { describe, expect, it } from 'vitest';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { Dashboard, ReportQuery } from '../../electron/shared/reports.ts';
import { providerRow as row } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';

const serviceIncome = presetCategoryId('service-income');
const otherIncome = presetCategoryId('other-income');

/**
 * "Quem mais pagou você" counts movements: a payment split into several category lines is
 * one payment. Two payments from ACME (one of them split three ways) and one from another
 * client, in the real books over a SQLite file, with the running totals counting them.
 */
const { call } = handlerSession({
  seed: (database) => {
    seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write([
      row('acme-1', { counterpartyName: 'ACME LTDA', amountCents: 900_000, date: '2026-10-10' }),
      row('acme-2', { counterpartyName: 'ACME LTDA', amountCents: 300_000, date: '2026-11-12' }),
      row('beta-1', { counterpartyName: 'BETA SA', amountCents: 1_000_000, date: '2026-11-14' }),
      row('beta-2', { counterpartyName: 'BETA SA', amountCents: 100_000, date: '2026-11-15' }),
    ]);
  },
});

const payers = async (query: ReportQuery) => (await call<Dashboard>('reports:dashboard', query)).topPayers;

describe('top payers with a split payment', () => {
  it('count a split once, its amount as its parts add up, over whole months and partial ones', async () => {
    const before = await payers({ from: '2026-10-01', to: '2026-11-30' });
    expect(before).toEqual([
      { name: 'ACME LTDA', cents: 1_200_000, count: 2 },
      { name: 'BETA SA', cents: 1_100_000, count: 2 },
    ]);
    await call('transactions:split', {
      id: 'acme-1',
      parts: [
        { categoryId: serviceIncome, amountCents: 500_000 },
        { categoryId: otherIncome, amountCents: 300_000 },
        { categoryId: serviceIncome, amountCents: 100_000, note: 'reembolso' },
      ],
    });
    // Whole months (the running totals, moved by the split), then days of partial months (the rows).
    expect(await payers({ from: '2026-10-01', to: '2026-11-30' })).toEqual(before);
    expect(await payers({ from: '2026-10-05', to: '2026-11-13' })).toEqual([
      { name: 'ACME LTDA', cents: 1_200_000, count: 2 },
    ]);
    expect(await payers({ from: '2026-10-01', to: '2026-10-31' })).toEqual([
      { name: 'ACME LTDA', cents: 900_000, count: 1 },
    ]);
  });

  it('count a split with parts on both sides once on each', async () => {
    await call('transactions:split', {
      id: 'beta-1',
      parts: [
        { categoryId: serviceIncome, amountCents: 1_030_000 },
        { categoryId: otherIncome, amountCents: 20_000 },
        { categoryId: presetCategoryId('software'), amountCents: -50_000 },
      ],
    });
    const dashboard = await call<Dashboard>('reports:dashboard', { from: '2026-11-01', to: '2026-11-30' });
    expect(dashboard.topPayers).toEqual([
      { name: 'BETA SA', cents: 1_150_000, count: 2 },
      { name: 'ACME LTDA', cents: 300_000, count: 1 },
    ]);
    expect(dashboard.topPayees).toEqual([{ name: 'BETA SA', cents: -50_000, count: 1 }]);
  });
});
