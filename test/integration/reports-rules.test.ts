import { describe, expect, it } from 'vitest';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import { cashFlow } from '../../electron/core/reports/cash-flow.ts';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import type { LivroCaixa, ProfitAndLoss, ReportQuery } from '../../electron/shared/reports.ts';
import { type BookRow, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { handlerSession } from '../support/handler-session.ts';

/** The reports' rules on small hand-made books, through the real handler map over a real SQLite file. */
const session = handlerSession({ seed: ({ db }) => seedReportBooks(db) });

const rent = presetCategoryId('office-rent');
const service = presetCategoryId('service-income');
const food = presetCategoryId('food');
let serial = 0;
/** A checking movement, unless told otherwise. */
const row = (date: string, amountCents: number, fields: Partial<BookRow> = {}): BookRow => ({
  id: `h-${(serial += 1)}`,
  accountId: 'acc-checking',
  date,
  amountCents,
  ...fields,
});
const income = (date: string, cents: number, fields: Partial<BookRow> = {}) =>
  row(date, cents, { user: { categoryId: service }, ...fields });
const deductible = (date: string, cents: number, fields: Partial<BookRow> = {}) =>
  row(date, -cents, { user: { categoryId: rent }, ...fields });

const write = (rows: BookRow[]) => writeBookRows(session.database.db, rows);
const pnl = (query: ReportQuery) => profitAndLoss(session.database.sqlite, query);
const book = (query: ReportQuery) => livroCaixa(session.database.sqlite, query);
const month = (report: LivroCaixa, which: string) => report.months.find((each) => each.month === which);
const line = (report: ProfitAndLoss, section: string, categoryId: string | null) =>
  report.sections.find((each) => each.section === section)?.lines.find((each) => each.categoryId === categoryId);

describe('livro-caixa: the year’s carry-forward', () => {
  it('carries deductions above a month’s income to the next months', () => {
    write([income('2026-01-10', 1_000_00), deductible('2026-01-15', 3_000_00), income('2026-02-10', 5_000_00)]);
    const report = book({ from: '2026-01-01', to: '2026-03-31' });
    expect(report.months).toEqual([
      {
        month: '2026-01',
        incomeCents: 1_000_00,
        deductibleCents: 3_000_00,
        carriedInCents: 0,
        deductionUsedCents: 1_000_00,
        carriedOutCents: 2_000_00,
        lapsedCents: 0,
        taxableBaseCents: 0,
      },
      {
        month: '2026-02',
        incomeCents: 5_000_00,
        deductibleCents: 0,
        carriedInCents: 2_000_00,
        deductionUsedCents: 2_000_00,
        carriedOutCents: 0,
        lapsedCents: 0,
        taxableBaseCents: 3_000_00,
      },
      {
        month: '2026-03',
        incomeCents: 0,
        deductibleCents: 0,
        carriedInCents: 0,
        deductionUsedCents: 0,
        carriedOutCents: 0,
        lapsedCents: 0,
        taxableBaseCents: 0,
      },
    ]);
    expect(report.totals).toEqual({
      incomeCents: 6_000_00,
      deductibleCents: 3_000_00,
      deductionUsedCents: 3_000_00,
      lapsedCents: 0,
      taxableBaseCents: 3_000_00,
    });
  });

  it('lets a December excess lapse: it does not reach the next January', () => {
    write([deductible('2025-12-05', 4_000_00), income('2025-12-20', 1_000_00), income('2026-01-10', 3_000_00)]);
    const report = book({ from: '2025-12-01', to: '2026-01-31' });
    expect(month(report, '2025-12')).toMatchObject({
      deductionUsedCents: 1_000_00,
      carriedOutCents: 0,
      lapsedCents: 3_000_00,
    });
    expect(month(report, '2026-01')).toMatchObject({
      carriedInCents: 0,
      deductionUsedCents: 0,
      taxableBaseCents: 3_000_00,
    });
  });

  it('carries into a period that starts mid-year from the year’s earlier months', () => {
    write([deductible('2026-02-03', 2_500_00), income('2026-04-08', 4_000_00)]);
    const report = book({ from: '2026-04-01', to: '2026-04-30' });
    expect(report.months).toHaveLength(1);
    expect(month(report, '2026-04')).toMatchObject({
      carriedInCents: 2_500_00,
      deductionUsedCents: 2_500_00,
      taxableBaseCents: 1_500_00,
    });
  });

  it('keeps whole months: a period starting or ending mid-month loses none of its months’ days', () => {
    write([deductible('2026-03-05', 3_000_00), income('2026-03-20', 1_000_00), income('2026-04-10', 5_000_00)]);
    const whole = book({ from: '2026-03-01', to: '2026-04-30' });
    const midMonth = book({ from: '2026-03-15', to: '2026-04-09' });
    expect(midMonth.months).toEqual(whole.months);
    expect(month(midMonth, '2026-03')).toMatchObject({ incomeCents: 1_000_00, deductibleCents: 3_000_00 });
    expect(month(midMonth, '2026-04')).toMatchObject({ carriedInCents: 2_000_00, taxableBaseCents: 3_000_00 });
  });

  it('lets the deductible flag win over the category, both ways; taxes only when flagged', () => {
    write([
      income('2026-05-02', 10_000_00),
      deductible('2026-05-03', 100_00, { user: { categoryId: rent, deductible: false } }),
      row('2026-05-04', -200_00, { user: { categoryId: food, deductible: true } }),
      row('2026-05-05', -300_00, { user: { categoryId: presetCategoryId('inss') } }),
      row('2026-05-06', -400_00, { user: { categoryId: presetCategoryId('inss'), deductible: true } }),
      // A transfer flagged deductible is still a transfer.
      row('2026-05-07', -500_00, { pluggyCategoryId: '04000000', user: { deductible: true } }),
    ]);
    expect(month(book({ from: '2026-05-01', to: '2026-05-31' }), '2026-05')?.deductibleCents).toBe(600_00);
  });
});

describe('P&L rules', () => {
  it('counts a transfer pair and a card bill paid from checking as neither income nor expense', () => {
    write([
      income('2026-06-01', 2_000_00),
      row('2026-06-02', -500_00, { accountId: 'acc-card', pluggyCategoryId: '11010000' }),
      row('2026-06-10', -500_00, { pluggyCategoryId: '05100000' }),
      row('2026-06-10', 500_00, { accountId: 'acc-card', pluggyCategoryId: '05100000' }),
      row('2026-06-11', -300_00, { pluggyCategoryId: '04000000' }),
      row('2026-06-11', 300_00, { accountId: 'acc-savings', pluggyCategoryId: '04000000' }),
    ]);
    const report = pnl({ from: '2026-06-01', to: '2026-06-30' });
    expect(report).toMatchObject({
      incomeCents: 2_000_00,
      expenseCents: -500_00,
      netCents: 1_500_00,
      notCountedCents: 0,
    });
    expect(report.sections.find((each) => each.section === 'transfer')?.lines.map((each) => each.count)).toEqual([
      2, 2,
    ]);
    const flow = cashFlow(session.database.sqlite, { from: '2026-06-01', to: '2026-06-30' });
    const card = flow.accounts.find((each) => each.accountId === 'acc-card');
    expect(card).toMatchObject({ inCents: 500_00, outCents: -500_00, transferInCents: 500_00, transferOutCents: 0 });
    expect(flow.totals).toMatchObject({ transferInCents: 800_00, transferOutCents: -800_00 });
  });

  it('nets a refund against its category, and puts uncategorized money on the side of its sign', () => {
    write([
      row('2026-07-01', -900_00, { user: { categoryId: food } }),
      row('2026-07-09', 150_00, { user: { categoryId: food } }),
      row('2026-07-02', -80_00, { accountId: 'acc-card', pluggyCategoryId: '08000000' }),
      row('2026-07-03', 30_00, { accountId: 'acc-card', pluggyCategoryId: '08000000' }),
      row('2026-07-04', 700_00),
      row('2026-07-05', -40_00),
      row('2026-07-06', -20_00, { user: { categoryId: 'user:misc' } }),
      row('2026-07-07', 5_00, { user: { categoryId: 'user:misc' } }),
    ]);
    const report = pnl({ from: '2026-07-01', to: '2026-07-31' });
    expect(line(report, 'nondeductible_expense', food)).toMatchObject({
      cents: -750_00,
      count: 2,
      namePt: 'Alimentação',
      nameEn: 'Food',
    });
    // A refund on the card nets against its Pluggy category too.
    expect(line(report, 'nondeductible_expense', '08000000')).toMatchObject({
      cents: -50_00,
      namePt: 'Compras',
      nameEn: 'Shopping',
    });
    // A category without a group (one of the user's, made before groups were asked for): by its period net.
    expect(line(report, 'unclassified_expense', 'user:misc')).toMatchObject({ cents: -15_00, namePt: 'Diversos' });
    expect(line(report, 'unclassified_income', null)).toMatchObject({
      cents: 700_00,
      namePt: 'Sem categoria',
      nameEn: 'Uncategorized',
    });
    expect(line(report, 'unclassified_expense', null)).toMatchObject({ cents: -40_00 });
    expect(report).toMatchObject({ incomeCents: 700_00, expenseCents: -855_00, netCents: -155_00 });
  });

  it('counts a split as its parts, never also as a whole', () => {
    write([
      row('2026-08-01', -1_000_00, {
        pluggyCategoryId: '08000000',
        splits: [
          { categoryId: rent, amountCents: -600_00 },
          { categoryId: food, amountCents: -400_00 },
        ],
      }),
    ]);
    const report = pnl({ from: '2026-08-01', to: '2026-08-31' });
    expect(report.sections.map((each) => [each.section, each.totalCents])).toEqual([
      ['deductible_expense', -600_00],
      ['nondeductible_expense', -400_00],
    ]);
    expect(month(book({ from: '2026-08-01', to: '2026-08-31' }), '2026-08')?.deductibleCents).toBe(600_00);
  });

  it('includes both ends of the period, and ignores removed rows; adjustments count', () => {
    write([
      row('2026-09-30', -1_00, { user: { categoryId: food } }),
      row('2026-10-01', -2_00, { user: { categoryId: food } }),
      row('2026-10-31', -4_00, { user: { categoryId: food } }),
      row('2026-11-01', -8_00, { user: { categoryId: food } }),
      row('2026-10-15', -16_00, { user: { categoryId: food }, removed: true }),
      row('2026-10-16', -32_00, { origin: 'adjustment' }),
    ]);
    const report = pnl({ from: '2026-10-01', to: '2026-10-31' });
    expect(line(report, 'nondeductible_expense', food)?.cents).toBe(-6_00);
    expect(report.expenseCents).toBe(-38_00);
  });

  it('keeps only business movements when asked; those without a usage are left out', () => {
    write([
      income('2026-03-02', 1_000_00, { user: { categoryId: service, usage: 'business' } }),
      income('2026-03-03', 2_000_00, { user: { categoryId: service, usage: 'personal' } }),
      income('2026-03-04', 4_000_00),
      deductible('2026-03-05', 300_00, { user: { categoryId: rent, usage: 'business' } }),
    ]);
    const query = { from: '2026-03-01', to: '2026-03-31', businessOnly: true };
    expect(pnl(query)).toMatchObject({ incomeCents: 1_000_00, expenseCents: -300_00 });
    expect(month(book(query), '2026-03')).toMatchObject({ incomeCents: 1_000_00, deductibleCents: 300_00 });
    expect(cashFlow(session.database.sqlite, query).totals).toMatchObject({
      inCents: 1_000_00,
      outCents: -300_00,
      openingBalanceCents: null,
      closingBalanceCents: null,
    });
  });
});

describe('reports over IPC', () => {
  it('serves every report through the contract, and refuses a period that ends before it starts', async () => {
    write([income('2026-02-10', 5_000_00), deductible('2026-02-11', 1_000_00)]);
    const query = { from: '2026-02-01', to: '2026-02-28' };
    const report = await session.call<ProfitAndLoss>('reports:profit-and-loss', query);
    expect(report).toMatchObject({ query, incomeCents: 5_000_00, expenseCents: -1_000_00, netCents: 4_000_00 });
    await expect(session.call('reports:livro-caixa', query)).resolves.toMatchObject({
      totals: { taxableBaseCents: 4_000_00 },
    });
    await expect(session.call('reports:cash-flow', query)).resolves.toMatchObject({ totals: { netCents: 4_000_00 } });
    await expect(session.call('reports:dashboard', query)).resolves.toMatchObject({
      months: [{ month: '2026-02', incomeCents: 5_000_00, expenseCents: -1_000_00, netCents: 4_000_00 }],
    });
    await expect(session.call('reports:profit-and-loss', { from: '2026-03-01', to: '2026-02-01' })).rejects.toThrow(
      /INVALID_INPUT/,
    );
    await expect(session.call('reports:profit-and-loss', { from: '2026-03-01' })).rejects.toThrow(/INVALID_INPUT/);
  });
});
