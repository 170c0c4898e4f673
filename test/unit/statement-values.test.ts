import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountCents, csvDay, ofxAmountCents, ofxDay } from '../../electron/core/imports/statement-values.ts';

/** Cents written the Brazilian way, with thousands grouped: -123456 → "-1.234,56". */
function brazilian(cents: number): string {
  const size = Math.abs(cents);
  const reais = Math.floor(size / 100).toLocaleString('pt-BR');
  return `${cents < 0 ? '-' : ''}${reais},${String(size % 100).padStart(2, '0')}`;
}

describe('amountCents', () => {
  it.each([
    ['1.234,56', ',', 123456],
    ['-1.234,56', ',', -123456],
    ['-0,01', ',', -1],
    ['0,10', ',', 10],
    ['12,5', ',', 1250],
    ['1.234', ',', 123400],
    ['1234', ',', 123400],
    ['R$ 1.234,56', ',', 123456],
    ['-R$ 12,00', ',', -1200],
    ['R$ -12,00', ',', -1200],
    ['12,50-', ',', -1250],
    ['(12,50)', ',', -1250],
    ['\u221212,50', ',', -1250],
    ['50,00 D', ',', -5000],
    ['50,00 C', ',', 5000],
    ['1 234 567,89', ',', 123456789],
    ['12,500', ',', 1250],
    ['1,234.56', '.', 123456],
    ['-1234.56', '.', -123456],
    ['-1.5', '.', -150],
    ['0.1', '.', 10],
    ['+7.00', '.', 700],
    ['-0,00', ',', 0],
  ] as const)('%s (decimal %s) → %d cents', (text, mark, cents) => {
    expect(amountCents(text, mark)).toBe(cents);
  });

  it.each([
    ['12,3,4', ','],
    ['12,345', ','],
    ['1.23.456,00', ','],
    ['abc', ','],
    ['', ','],
    ['-', ','],
    ['--12,00', ','],
    ['(-12,00)', ','],
    ['12.50', ','],
    ['1,234,56', ','],
    ['12/11/2026', ','],
    ['99999999999999,00', ','],
  ] as const)('refuses %j (decimal %s)', (text, mark) => {
    expect(amountCents(text, mark)).toBeNull();
  });

  it('reads back every amount exactly, in both notations', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }), (cents) => {
        const expected = cents === 0 ? 0 : cents;
        expect(amountCents(brazilian(cents), ',')).toBe(expected);
        const plain = `${cents < 0 ? '-' : ''}${String(Math.floor(Math.abs(cents) / 100))}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
        expect(amountCents(plain, '.')).toBe(expected);
        expect(ofxAmountCents(plain)).toBe(expected);
        expect(ofxAmountCents(plain.replace('.', ','))).toBe(expected);
      }),
    );
  });
});

describe('dates', () => {
  it.each([
    ['20261130', '2026-11-30'],
    ['20261130120000', '2026-11-30'],
    ['20261130120000[-3:BRT]', '2026-11-30'],
    ['20261130000000.000[-03:EST]', '2026-11-30'],
    ['20240229', '2024-02-29'],
  ])('OFX %s is the day %s as written', (text, day) => {
    expect(ofxDay(text)).toBe(day);
  });

  it.each(['20261131', '20250229', '2026-11-30', '30/11/2026', '2026113', ''])('OFX %j is not a date', (text) => {
    expect(ofxDay(text)).toBeNull();
  });

  it.each([
    ['02/01/2026', 'dd/mm/yyyy', '2026-01-02'],
    ['2/1/2026', 'dd/mm/yyyy', '2026-01-02'],
    ['02/01/2026 10:32', 'dd/mm/yyyy', '2026-01-02'],
    ['02/01/26', 'dd/mm/yy', '2026-01-02'],
    ['02/01/99', 'dd/mm/yy', '1999-01-02'],
    ['2026-01-02', 'yyyy-mm-dd', '2026-01-02'],
    ['2026-01-02T10:32:00-03:00', 'yyyy-mm-dd', '2026-01-02'],
    ['02-01-2026', 'dd-mm-yyyy', '2026-01-02'],
    ['01/02/2026', 'mm/dd/yyyy', '2026-01-02'],
  ] as const)('CSV %s in %s is %s', (text, format, day) => {
    expect(csvDay(text, format)).toBe(day);
  });

  it.each([
    ['31/11/2026', 'dd/mm/yyyy'],
    ['29/02/2025', 'dd/mm/yyyy'],
    ['13/13/2026', 'dd/mm/yyyy'],
    ['2026-01-02', 'dd/mm/yyyy'],
    ['02/01/2026', 'yyyy-mm-dd'],
    ['02/01/2026', 'dd/mm/yy'],
  ] as const)('CSV %s is not a date in %s', (text, format) => {
    expect(csvDay(text, format)).toBeNull();
  });
});
