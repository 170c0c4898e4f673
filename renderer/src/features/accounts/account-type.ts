import type { AccountSummary } from '../../../../electron/shared/models.ts';

const typeLabelKeys = ['CHECKING_ACCOUNT', 'SAVINGS_ACCOUNT', 'CREDIT_CARD', 'CASH', 'BANK', 'CREDIT'] as const;
type TypeLabelKey = (typeof typeLabelKeys)[number];

function isTypeLabelKey(value: string | null): value is TypeLabelKey {
  return (typeLabelKeys as readonly (string | null)[]).includes(value);
}

/**
 * The translation key of the most specific label we have: the subtype, else the type
 * (Pluggy adds values over time); null for one we cannot name (show Pluggy's word).
 */
export function typeLabelKey(
  account: Pick<AccountSummary, 'type' | 'subtype'>,
): `accounts.types.${TypeLabelKey}` | null {
  if (isTypeLabelKey(account.subtype)) return `accounts.types.${account.subtype}`;
  return isTypeLabelKey(account.type) ? `accounts.types.${account.type}` : null;
}
