import type { AccountSummary } from '../../../../electron/shared/models.ts';

/** Why an account's balance is not in the totals (the first reason that holds). */
export const leftOutReasons = ['disconnected', 'closed', 'hidden', 'otherCurrency'] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

export interface AccountTotals {
  /** Sum of bank balances (BRL, open accounts). */
  bank: number;
  /** Sum of card balances: what is owed, negative in the user's sign convention. */
  credit: number;
  net: number;
  /** How many accounts are left out, by reason. */
  leftOut: Record<LeftOutReason, number>;
}

/**
 * Why an account's balance is not in the totals, or null when it is: only what the banks
 * still report is added up. A disconnected account's balance stopped on the day its
 * connection was removed (its last figure, not the money there today), a closed one is no
 * longer listed by its bank, a hidden one the user left out, and other currencies cannot be
 * added to reais.
 */
function leftOutBecause(account: AccountSummary): LeftOutReason | null {
  if (account.disconnected) return 'disconnected';
  if (account.closed) return 'closed';
  if (account.hidden) return 'hidden';
  return account.currencyCode === 'BRL' ? null : 'otherCurrency';
}

/** Totals over the accounts whose balances count (see `leftOutBecause`). */
export function summarise(accounts: readonly AccountSummary[]): AccountTotals {
  let bank = 0;
  let credit = 0;
  const leftOut: Record<LeftOutReason, number> = { disconnected: 0, closed: 0, hidden: 0, otherCurrency: 0 };
  for (const account of accounts) {
    const reason = leftOutBecause(account);
    if (reason !== null) leftOut[reason] += 1;
    else if (account.type === 'CREDIT') credit += account.balanceCents;
    else bank += account.balanceCents;
  }
  return { bank, credit, net: bank + credit, leftOut };
}

export interface InstitutionGroup {
  connectionId: string;
  institution: string;
  color: string | null;
  accounts: AccountSummary[];
}

/** Accounts grouped by connection, keeping the order they came in. */
export function groupByInstitution(accounts: readonly AccountSummary[]): InstitutionGroup[] {
  const groups = new Map<string, InstitutionGroup>();
  for (const account of accounts) {
    let group = groups.get(account.connectionId);
    if (!group) {
      group = {
        connectionId: account.connectionId,
        institution: account.institution,
        color: account.institutionColor,
        accounts: [],
      };
      groups.set(account.connectionId, group);
    }
    group.accounts.push(account);
  }
  return [...groups.values()];
}
