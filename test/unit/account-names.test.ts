import { describe, expect, it } from 'vitest';
import { accountNames, accountNumberEnd, type NamedAccount } from '../../electron/shared/account-names.ts';

const account = (
  id: string,
  institution: string,
  name: string,
  number: string | null,
  nickname: string | null = null,
) => ({ id, institution, name, number, nickname }) satisfies NamedAccount;

describe('account names', () => {
  it('take the end of an account or card number, with its check digit', () => {
    expect(accountNumberEnd('0001/12345-0')).toBe('2345-0');
    expect(accountNumberEnd('4242')).toBe('4242');
    expect(accountNumberEnd('1234 5678 9012 3456')).toBe('3456');
    expect(accountNumberEnd('987')).toBe('987');
    expect(accountNumberEnd(null)).toBeNull();
    expect(accountNumberEnd('  ')).toBeNull();
  });

  it('are the institution, the name and the number’s end, or the nickname, in full and short', () => {
    const names = accountNames([
      account('a', 'Itaú', 'Conta Corrente', '0001/12345-0'),
      account('b', 'Nubank', 'Mastercard', '1234'),
      account('c', 'Inter', 'Conta Digital', null),
      account('d', 'Itaú', 'Poupança', '0001/54321-9', 'Reserva de impostos'),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      a: { full: 'Itaú · Conta Corrente ·· 2345-0', short: 'Itaú ·· 2345-0' },
      b: { full: 'Nubank · Mastercard ·· 1234', short: 'Nubank ·· 1234' },
      c: { full: 'Inter · Conta Digital', short: 'Inter · Conta Digital' },
      d: { full: 'Reserva de impostos', short: 'Reserva de impostos' },
    });
  });

  it('never give two accounts the same name: the later ones of a bank linked twice are numbered', () => {
    const names = accountNames([
      account('first', 'Pluggy Bank', 'Conta Corrente', '0001/12345-0'),
      account('second', 'Pluggy Bank', 'Conta Corrente', '0001/12345-0'),
      account('third', 'Pluggy Bank', 'Conta Corrente', '0001/12345-0'),
      account('nick', 'Itaú', 'Conta Corrente', '0001/99999-1', 'Pluggy Bank · Conta Corrente ·· 2345-0'),
    ]);
    const full = [...names.values()].map((each) => each.full);
    const short = [...names.values()].map((each) => each.short);
    expect(new Set(full).size).toBe(4);
    expect(new Set(short).size).toBe(4);
    expect(names.get('first')?.full).toBe('Pluggy Bank · Conta Corrente ·· 2345-0');
    expect(names.get('third')).toEqual({
      full: 'Pluggy Bank · Conta Corrente ·· 2345-0 (3)',
      short: 'Pluggy Bank ·· 2345-0 (3)',
    });
  });

  it('stay unique when a nickname looks like a numbered name', () => {
    const names = accountNames([
      account('nick', 'Itaú', 'Poupança', '0001/99999-1', 'Pluggy Bank · Conta Corrente ·· 2345-0 (2)'),
      account('first', 'Pluggy Bank', 'Conta Corrente', '0001/12345-0'),
      account('second', 'Pluggy Bank', 'Conta Corrente', '0001/12345-0'),
    ]);
    expect(names.get('nick')?.full).toBe('Pluggy Bank · Conta Corrente ·· 2345-0 (2)');
    expect(names.get('first')?.full).toBe('Pluggy Bank · Conta Corrente ·· 2345-0');
    expect(names.get('second')?.full).toBe('Pluggy Bank · Conta Corrente ·· 2345-0 (3)');
    expect(new Set([...names.values()].map((each) => each.short)).size).toBe(3);
  });
});
