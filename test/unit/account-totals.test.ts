import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../electron/shared/models.ts';
import { summarise } from '../../renderer/src/features/accounts/account-totals.ts';

const account = (overrides: Partial<AccountSummary>): AccountSummary => ({
  id: 'a',
  connectionId: 'c',
  institution: 'Banco',
  institutionColor: null,
  type: 'BANK',
  subtype: 'CHECKING_ACCOUNT',
  name: 'Conta',
  number: null,
  currencyCode: 'BRL',
  balanceCents: 0,
  balanceDate: null,
  creditLimitCents: null,
  closed: false,
  disconnected: false,
  displayName: 'Banco · Conta',
  shortName: 'Banco · Conta',
  nickname: null,
  hidden: false,
  mode: 'own',
  openingBalanceCents: null,
  openingBalanceDate: null,
  ...overrides,
});

describe('Contas totals', () => {
  it('add up only what the banks still report in reais, and say what they leave out and why', () => {
    const totals = summarise([
      account({ balanceCents: 100_000 }),
      account({ type: 'CREDIT', balanceCents: -30_000 }),
      // A removed connection's kept account is also closed: counted once, as disconnected.
      account({ balanceCents: 999_999, disconnected: true, closed: true }),
      account({ balanceCents: 5_000, closed: true }),
      account({ balanceCents: 7_000, hidden: true }),
      account({ balanceCents: 9_000, currencyCode: 'USD' }),
    ]);
    expect(totals).toEqual({
      bank: 100_000,
      credit: -30_000,
      net: 70_000,
      leftOut: { disconnected: 1, closed: 1, hidden: 1, otherCurrency: 1 },
    });
  });
});
