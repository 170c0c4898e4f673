import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useUpdateAccount } from '../../api/queries.ts';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';
import '../own-entries/own-entries.css';
import { typeLabelKey } from './account-type.ts';

/** Where an account's register is. */
export const accountPath = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/**
 * One account on Contas: its name opens its register (so does a click anywhere on the row).
 * A disconnected account (its bank no longer updates it) says so and offers, right there,
 * to hide it or delete it; a hidden one (shown when asked for) to show it again.
 */
export function AccountRow({
  account,
  onDelete,
  onEdit,
}: {
  account: AccountSummary;
  /** Where deleting is offered (Contas; Conexões lists connected accounts only). */
  onDelete?: (account: AccountSummary) => void;
  /** Where a manual account's own fields are edited (Contas). */
  onEdit?: (account: AccountSummary) => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const navigate = useNavigate();
  const update = useUpdateAccount();
  const typeKey = typeLabelKey(account);
  const manual = account.mode === 'manual';
  // A manual account is the user's own: editable and deletable right here, like a disconnected one.
  const deletable = (account.disconnected || manual) && onDelete;
  const classes = ['account'];
  if (account.closed) classes.push('account-closed');
  if (account.hidden) classes.push('account-hidden');
  return (
    <li
      className={classes.join(' ')}
      onClick={(event) => {
        // The row is a larger target for the link; its buttons keep their own jobs.
        if (!(event.target instanceof Element) || !event.target.closest('a, button')) {
          void navigate(accountPath(account.id));
        }
      }}
    >
      <div className="account-main">
        <Link className="account-name" to={accountPath(account.id)}>
          {account.displayName}
        </Link>
        <span className="account-meta">
          {typeKey ? t(typeKey) : account.type}
          {account.number && <span className="account-number"> · {account.number}</span>}
          {(account.disconnected || account.closed) && (
            <span className="badge">{t(account.disconnected ? 'accounts.disconnected' : 'accounts.closed')}</span>
          )}
          {manual && (
            <span className="badge badge-manual" title={t('accounts.manual.badgeHelp')}>
              {t('accounts.manual.badge')}
            </span>
          )}
          {account.hidden && <span className="badge">{t('accountNames.hiddenBadge')}</span>}
        </span>
        {account.disconnected && <span className="account-meta">{t('accounts.disconnectedHelp')}</span>}
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
      {(account.disconnected || account.hidden || (manual && (onEdit || onDelete))) && (
        <div className="account-actions">
          {manual && onEdit && (
            <button
              type="button"
              className="link-button"
              aria-label={t('accounts.manual.editNamed', { name: account.displayName })}
              onClick={() => onEdit(account)}
            >
              {t('accounts.manual.edit')}
            </button>
          )}
          {(account.disconnected || account.hidden) && (
            <button
              type="button"
              className="link-button"
              aria-label={t(account.hidden ? 'accounts.unhideNamed' : 'accounts.hideNamed', {
                name: account.displayName,
              })}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: account.id, hidden: !account.hidden })}
            >
              {t(account.hidden ? 'accounts.unhide' : 'accounts.hide')}
            </button>
          )}
          {deletable && (
            <button
              type="button"
              className="link-button quiet-danger"
              aria-label={t('accounts.deleteNamed', { name: account.displayName })}
              onClick={() => deletable(account)}
            >
              {t('accounts.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
