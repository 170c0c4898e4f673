import { describe, expect, it } from 'vitest';
import { maskTaxIdTyping } from '../../electron/shared/tax-id.ts';
import { maskDayTyping, readDay } from '../../renderer/src/components/day-text.ts';
import { formatMoneyInput, parseAmountInput } from '../../renderer/src/components/money-text.ts';

describe('a day typed in a date field', () => {
  it('reads dd/mm/aaaa, with dots or dashes too, leap days included', () => {
    expect(readDay('29/02/2024')).toEqual({ day: '2024-02-29' });
    expect(readDay(' 5.3.2026 ')).toEqual({ day: '2026-03-05' });
    expect(readDay('31-12-2026')).toEqual({ day: '2026-12-31' });
  });

  it('reads a pasted yyyy-mm-dd: four digits first cannot be a day', () => {
    expect(readDay('2026-03-05')).toEqual({ day: '2026-03-05' });
    expect(readDay('2026/3/5')).toEqual({ day: '2026-03-05' });
  });

  it('reads an empty box as no day', () => {
    expect(readDay('')).toEqual({ day: null });
    expect(readDay('   ')).toEqual({ day: null });
  });

  it('says why a text is not a day', () => {
    expect(readDay('31/02/2026')).toEqual({ problem: 'noSuchDay' });
    expect(readDay('29/02/2025')).toEqual({ problem: 'noSuchDay' });
    expect(readDay('01/13/2026')).toEqual({ problem: 'noSuchDay' });
    expect(readDay('00/01/2026')).toEqual({ problem: 'noSuchDay' });
    expect(readDay('2026-02-30')).toEqual({ problem: 'noSuchDay' });
    expect(readDay('15/01/0202')).toEqual({ problem: 'yearRange' });
    expect(readDay('31/12/1899')).toEqual({ problem: 'yearRange' });
    expect(readDay('05/03')).toEqual({ problem: 'shape' });
    expect(readDay('março')).toEqual({ problem: 'shape' });
    expect(readDay('05/03/20261')).toEqual({ problem: 'shape' });
  });

  it('refuses two-digit years rather than guess the century', () => {
    expect(readDay('05/03/26')).toEqual({ problem: 'shortYear' });
    expect(readDay('5/3/202')).toEqual({ problem: 'shortYear' });
  });
});

describe('separators put in as a day is typed', () => {
  it('slashes the digits as they come, whatever was pasted', () => {
    expect(maskDayTyping('0')).toBe('0');
    expect(maskDayTyping('05')).toBe('05');
    expect(maskDayTyping('050')).toBe('05/0');
    expect(maskDayTyping('05/032')).toBe('05/03/2');
    expect(maskDayTyping('05032026')).toBe('05/03/2026');
    expect(maskDayTyping('05/03/2026')).toBe('05/03/2026');
  });

  it('keeps a slash the user typed, and never fights backspace', () => {
    expect(maskDayTyping('05/')).toBe('05/');
    expect(maskDayTyping('05/03/')).toBe('05/03/');
    expect(maskDayTyping('05/0')).toBe('05/0');
  });

  it('leaves any other way of writing a day as typed', () => {
    expect(maskDayTyping('5/3/2026')).toBe('5/3/2026');
    expect(maskDayTyping('2026-03-05')).toBe('2026-03-05');
    expect(maskDayTyping('05.03.2026')).toBe('05.03.2026');
    expect(maskDayTyping('050320261')).toBe('050320261');
  });
});

describe('amounts typed and shown in money boxes', () => {
  it('reads amounts with or without thousands separators, in either language', () => {
    expect(parseAmountInput('1.234,56')).toBe(123456);
    expect(parseAmountInput('1234,56')).toBe(123456);
    expect(parseAmountInput('1,234.56')).toBe(123456);
    expect(parseAmountInput('1234.56')).toBe(123456);
    expect(parseAmountInput('R$ -50')).toBe(-5000);
    expect(parseAmountInput('10,5')).toBe(1050);
    expect(parseAmountInput('1.234')).toBe(123400);
    expect(parseAmountInput('$1,234,567.8')).toBe(123456780);
    expect(parseAmountInput('')).toBeUndefined();
    expect(parseAmountInput('abc')).toBeUndefined();
    expect(parseAmountInput('1,234,5')).toBeUndefined();
    expect(parseAmountInput('1.234,5.6')).toBeUndefined();
  });

  it('shows amounts with the language’s thousands separators', () => {
    expect(formatMoneyInput(349957, 'pt-BR')).toBe('3.499,57');
    expect(formatMoneyInput(349957, 'en')).toBe('3,499.57');
    expect(formatMoneyInput(-123456789, 'pt-BR')).toBe('-1.234.567,89');
    expect(formatMoneyInput(5, 'en')).toBe('0.05');
    expect(formatMoneyInput(-0, 'pt-BR')).toBe('0,00');
  });

  it('reads back what it shows, in both languages', () => {
    for (const cents of [0, 7, 349957, -100000, 123456789]) {
      expect(parseAmountInput(formatMoneyInput(cents, 'pt-BR'))).toBe(cents);
      expect(parseAmountInput(formatMoneyInput(cents, 'en'))).toBe(cents);
    }
  });
});

describe('a CPF or CNPJ as it is typed', () => {
  it('is punctuated as it grows, as a CPF and past 11 digits as a CNPJ', () => {
    expect(maskTaxIdTyping('123')).toBe('123');
    expect(maskTaxIdTyping('1234')).toBe('123.4');
    expect(maskTaxIdTyping('12345678901')).toBe('123.456.789-01');
    expect(maskTaxIdTyping('123.456.789-012')).toBe('12.345.678/9012');
    expect(maskTaxIdTyping('11222333000181')).toBe('11.222.333/0001-81');
  });

  it('leaves text that is no number as typed', () => {
    expect(maskTaxIdTyping('abc')).toBe('abc');
    expect(maskTaxIdTyping('112223330001810')).toBe('112223330001810');
  });
});
