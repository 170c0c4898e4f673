import { describe, expect, it } from 'vitest';
import { bookkeepingDate, formatDate, formatDateTime, formatMoney } from '../../electron/shared/format.ts';
import { fromCents, toCents } from '../../electron/shared/money.ts';

// Intl separates "R$" from the amount with a no-break space in pt-BR.
const nbsp = '\u00a0';

describe('toCents', () => {
  it.each([
    [0, 0],
    [1, 100],
    [1234.56, 123456],
    [-1234.56, -123456],
    [0.1 + 0.2, 30],
    [1.005, 101], // 1.005 * 100 = 100.49999… in binary floating point
    [8.675, 868],
    [-0.005, -1],
    [99999999999.99, 9999999999999],
  ])('%s → %s cents', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  it('never returns negative zero', () => {
    expect(Object.is(toCents(-0), 0)).toBe(true);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });

  it('refuses what is not a finite number', () => {
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
    expect(() => toCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips every cent value in a wide range', () => {
    for (let cents = -100_000; cents <= 100_000; cents += 7) {
      expect(toCents(fromCents(cents))).toBe(cents);
    }
  });
});

describe('formatMoney', () => {
  it('writes BRL the Brazilian way in pt-BR', () => {
    expect(formatMoney(123456789, 'pt-BR')).toBe(`R$${nbsp}1.234.567,89`);
    expect(formatMoney(5, 'pt-BR')).toBe(`R$${nbsp}0,05`);
    expect(formatMoney(-98765, 'pt-BR')).toBe(`-R$${nbsp}987,65`);
  });

  it('writes BRL with English separators in en', () => {
    expect(formatMoney(123456789, 'en')).toBe('R$1,234,567.89');
    expect(formatMoney(-98765, 'en')).toBe('-R$987.65');
  });

  it('formats other currencies too', () => {
    expect(formatMoney(1999, 'pt-BR', 'USD')).toBe(`US$${nbsp}19,99`);
  });
});

describe('dates', () => {
  it('formats calendar dates as dd/mm/yyyy without time-zone shifts', () => {
    expect(formatDate('2026-01-02')).toBe('02/01/2026');
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
    expect(() => formatDate('31/12/2026')).toThrow(RangeError);
  });

  it('takes the bookkeeping date on São Paulo time', () => {
    // 02:30 UTC on the 1st is still the evening of the 31st in São Paulo (UTC−3).
    expect(bookkeepingDate('2026-01-01T02:30:00.000Z')).toBe('2025-12-31');
    expect(bookkeepingDate('2026-01-01T03:00:00.000Z')).toBe('2026-01-01');
    expect(() => bookkeepingDate('yesterday')).toThrow(RangeError);
  });

  it('formats instants in São Paulo time, dd/mm/yyyy in both languages', () => {
    expect(formatDateTime('2026-11-21T06:04:00.000Z', 'pt-BR')).toBe('21/11/2026 03:04');
    expect(formatDateTime('2026-11-21T06:04:00.000Z', 'en')).toBe('21/11/2026 03:04');
  });
});
