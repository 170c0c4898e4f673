import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useAccounts } from '../../api/queries.ts';
import { ConnectBankButton } from '../../components/ConnectBankButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Money } from '../../components/Money.tsx';
import { Page } from '../../components/Page.tsx';
import { ReviewBanner } from '../classification/ReviewBanner.tsx';
import { AccountRow } from './AccountRow.tsx';
import { groupByInstitution, summarise } from './account-totals.ts';

/** Every account with its balance, grouped by institution, with totals on top. */
export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();

  return (
    <Page name="accounts" title={t('accounts.title')} subtitle={t('accounts.subtitle')} actions={<ConnectBankButton />}>
      {accounts.isPending && <p className="muted">{t('common.loading')}</p>}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && accounts.data.length === 0 && <EmptyAccounts />}
      {accounts.data && accounts.data.length > 0 && <AccountsOverview accounts={accounts.data} />}
    </Page>
  );
}

function AccountsOverview({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation();
  const totals = summarise(accounts);
  const totalCards = [
    { labelKey: 'accounts.total', cents: totals.net, main: true },
    { labelKey: 'accounts.inAccounts', cents: totals.bank, main: false },
    { labelKey: 'accounts.inCards', cents: totals.credit, main: false },
  ] as const;
  return (
    <>
      <ReviewBanner />
      <dl className="totals" aria-label={t('accounts.total')}>
        {totalCards.map(({ labelKey, cents, main }) => (
          <div className={main ? 'total total-main' : 'total'} key={labelKey}>
            <dt>{t(labelKey)}</dt>
            <dd>
              <Money cents={cents} />
            </dd>
          </div>
        ))}
      </dl>
      {groupByInstitution(accounts).map((group) => (
        <section className="institution" key={group.connectionId} aria-label={group.institution}>
          <h2>
            <span
              className="institution-mark"
              style={{ backgroundColor: group.color ? `#${group.color}` : undefined }}
              aria-hidden="true"
            />
            {group.institution}
            <span className="muted institution-count">{t('accounts.count', { count: group.accounts.length })}</span>
          </h2>
          <ul className="account-list">
            {group.accounts.map((account) => (
              <AccountRow key={account.id} account={account} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function EmptyAccounts() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <h2>{t('accounts.empty.title')}</h2>
      <p>{t('accounts.empty.body')}</p>
    </div>
  );
}
