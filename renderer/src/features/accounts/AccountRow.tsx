import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';

const typeLabelKeys = ['CHECKING_ACCOUNT', 'SAVINGS_ACCOUNT', 'CREDIT_CARD', 'BANK', 'CREDIT'] as const;
type TypeLabelKey = (typeof typeLabelKeys)[number];

function isTypeLabelKey(value: string | null): value is TypeLabelKey {
  return (typeLabelKeys as readonly (string | null)[]).includes(value);
}

/** The most specific label we have: the subtype, else the type (Pluggy adds values over time). */
function typeLabelKey(account: AccountSummary): TypeLabelKey | null {
  if (isTypeLabelKey(account.subtype)) return account.subtype;
  return isTypeLabelKey(account.type) ? account.type : null;
}

export function AccountRow({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const typeKey = typeLabelKey(account);
  return (
    <li className={account.closed ? 'account account-closed' : 'account'}>
      <div className="account-main">
        <span className="account-name">{account.name}</span>
        <span className="account-meta">
          {typeKey ? t(`accounts.types.${typeKey}`) : account.type}
          {account.number && <span className="account-number"> · {account.number}</span>}
          {(account.disconnected || account.closed) && (
            <span className="badge">{t(account.disconnected ? 'accounts.disconnected' : 'accounts.closed')}</span>
          )}
        </span>
      </div>
      <div className="account-balance">
        <Money cents={account.balanceCents} currency={account.currencyCode} />
        <span className="account-meta">
          {account.balanceDate && t('accounts.balanceOn', { date: formatDate(account.balanceDate) })}
          {account.creditLimitCents !== null && (
            <span className="account-limit">
              {' · '}
              {t('accounts.creditLimit', { amount: money(account.creditLimitCents, account.currencyCode) })}
            </span>
          )}
        </span>
      </div>
    </li>
  );
}
