import { describe, expect, it } from 'vitest';
import { toBillRow } from '../../electron/core/sync/pluggy-mapping.ts';

const bill = { id: 'b1', totalAmount: 1234.56, totalAmountCurrencyCode: 'BRL' };

describe("a card bill in Balancete's terms", () => {
  it("owes its total as money out, with its dates in São Paulo's calendar", () => {
    // 02:30 UTC on the 13th is still the 12th in São Paulo.
    expect(
      toBillRow({ ...bill, billClosingDate: '2023-07-13T02:30:00.000Z', dueDate: '2023-07-20T03:00:00.000Z' }, 'card'),
    ).toEqual({
      id: 'b1',
      accountId: 'card',
      closingDate: '2023-07-12',
      dueDate: '2023-07-20',
      totalCents: -123456,
      currencyCode: 'BRL',
    });
  });

  it("takes a date sent without a zone (as in Pluggy's spec) as the calendar date it names, on any machine", () => {
    const row = toBillRow({ ...bill, billClosingDate: '2023-07-13T00:00:00', dueDate: '2023-07-20' }, 'card');
    expect(row).toMatchObject({ closingDate: '2023-07-13', dueDate: '2023-07-20' });
  });

  it('may have no closing date, and a paid-off bill owes nothing (never -0)', () => {
    const row = toBillRow({ id: 'b2', dueDate: '2023-07-20T03:00:00.000Z', totalAmount: 0 }, 'card');
    expect(row).toMatchObject({ closingDate: null, totalCents: 0, currencyCode: null });
    expect(Object.is(row.totalCents, -0)).toBe(false);
  });
});
