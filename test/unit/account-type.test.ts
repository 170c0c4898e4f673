import { describe, expect, it } from 'vitest';
import type { Account } from '../../electron/core/pluggy/models.ts';
import { resolveAccountType } from '../../electron/core/sync/pluggy-mapping.ts';

const account = (fields: Partial<Account>): Account => ({
  id: 'acc',
  itemId: 'item',
  type: 'SOME_FUTURE_TYPE',
  name: 'Conta',
  balance: 10,
  currencyCode: 'BRL',
  ...fields,
});
const creditData = { creditLimit: 1000 };
const bankData = { transferNumber: '0001/123' };

describe('the type an account is booked as (which decides the sign of its amounts)', () => {
  it("is Pluggy's when Pluggy's spec knows it, whatever was booked before", () => {
    expect(resolveAccountType(account({ type: 'CREDIT' }), 'BANK')).toBe('CREDIT');
    expect(resolveAccountType(account({ type: 'BANK', creditData }), 'CREDIT')).toBe('BANK');
  });

  it('stays as booked when Pluggy sends a type it added later, whatever else it sends', () => {
    expect(resolveAccountType(account({ subtype: 'CREDIT_CARD', creditData }), 'BANK')).toBe('BANK');
    expect(resolveAccountType(account({ subtype: 'CHECKING_ACCOUNT', bankData }), 'CREDIT')).toBe('CREDIT');
  });

  it('of a new account with an unknown type, is told by its subtype first, then by its credit or bank data', () => {
    expect(resolveAccountType(account({ subtype: 'CREDIT_CARD' }), null)).toBe('CREDIT');
    expect(resolveAccountType(account({ subtype: 'SAVINGS_ACCOUNT', creditData }), null)).toBe('BANK');
    expect(resolveAccountType(account({ subtype: 'SALARY_ACCOUNT', creditData }), null)).toBe('CREDIT');
    expect(resolveAccountType(account({ bankData }), null)).toBe('BANK');
  });

  it("is BANK, Pluggy's own sign, with nothing to go by or evidence both ways", () => {
    expect(resolveAccountType(account({}), null)).toBe('BANK');
    expect(resolveAccountType(account({ subtype: null, creditData: null, bankData: null }), null)).toBe('BANK');
    expect(resolveAccountType(account({ creditData, bankData }), null)).toBe('BANK');
  });

  it('of an account an older version stored with an unknown type, is told as for a new one', () => {
    expect(resolveAccountType(account({ creditData }), 'SOME_FUTURE_TYPE')).toBe('CREDIT');
    expect(resolveAccountType(account({}), 'SOME_FUTURE_TYPE')).toBe('BANK');
  });
});
