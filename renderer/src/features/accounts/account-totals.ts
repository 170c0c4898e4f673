import type { AccountSummary } from '../../../../electron/shared/models.ts';

export interface AccountTotals {
  /** Sum of bank balances (BRL, open accounts). */
  bank: number;
  /** Sum of card balances: what is owed, negative in the user's sign convention. */
  credit: number;
  net: number;
}

/** Totals over open BRL accounts; other currencies cannot be added to reais. */
export function summarise(accounts: readonly AccountSummary[]): AccountTotals {
  let bank = 0;
  let credit = 0;
  for (const account of accounts) {
    if (account.closed || account.currencyCode !== 'BRL') continue;
    if (account.type === 'CREDIT') credit += account.balanceCents;
    else bank += account.balanceCents;
  }
  return { bank, credit, net: bank + credit };
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
