import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useAccounts, useSettings } from '../../api/queries.ts';
import { ConnectBankButton } from '../../components/ConnectBankButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Money } from '../../components/Money.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { ReviewBanner } from '../classification/ReviewBanner.tsx';
import { ManualAccountDialog } from '../own-entries/ManualAccountDialog.tsx';
import type { AccountsPageState } from './AccountRegisterPage.tsx';
import { AccountRow } from './AccountRow.tsx';
import { groupByInstitution, leftOutReasons, summarise } from './account-totals.ts';
import { DeleteAccountDialog } from './DeleteAccountDialog.tsx';
import './accounts.css';

/** Every account with its balance, grouped by institution, with totals on top. */
export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Page
      name="accounts"
      title={t('accounts.title')}
      subtitle={t('accounts.subtitle')}
      actions={
        <div className="accounts-actions">
          <button type="button" onClick={() => setCreating(true)}>
            {t('accounts.manual.new')}
          </button>
          {/* With no account yet, the empty card below offers it, with what linking means. */}
          {accounts.data && accounts.data.length > 0 && <ConnectBankButton />}
        </div>
      }
    >
      {accounts.isPending && <p className="muted">{t('common.loading')}</p>}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {created && (
        <p className="notice notice-ok" role="status">
          {t('accounts.manual.created', { name: created })}
        </p>
      )}
      {accounts.data && accounts.data.length === 0 && <EmptyAccounts />}
      {accounts.data && accounts.data.length > 0 && <AccountsOverview accounts={accounts.data} />}
      {creating && (
        <ManualAccountDialog
          onSaved={(account) => {
            setCreated(account.displayName);
            setCreating(false);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Page>
  );
}

/**
 * The totals (of the accounts the banks still report, and not hidden), then each bank's
 * accounts. Hidden accounts are listed only with "Mostrar contas ocultas" on (kept in the
 * address, so Back returns to it), marked.
 */
function AccountsOverview({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const showHidden = params.get('hidden') === '1';
  const location = useLocation();
  const deletedName = (location.state as AccountsPageState | null)?.deleted;
  const [justDeleted, setJustDeleted] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AccountSummary | null>(null);
  const [editing, setEditing] = useState<AccountSummary | null>(null);
  const totals = summarise(accounts);
  const hiddenCount = accounts.filter((account) => account.hidden).length;
  const shown = showHidden ? accounts : accounts.filter((account) => !account.hidden);
  const totalCards = [
    { labelKey: 'accounts.total', cents: totals.net, main: true },
    { labelKey: 'accounts.inAccounts', cents: totals.bank, main: false },
    { labelKey: 'accounts.inCards', cents: totals.credit, main: false },
  ] as const;
  const deleted = justDeleted ?? deletedName;
  const leftOut = leftOutReasons
    .filter((reason) => totals.leftOut[reason] > 0)
    .map((reason) => t(`accounts.leftOut.${reason}`, { count: totals.leftOut[reason] }));
  return (
    <>
      <ReviewBanner />
      {deleted && (
        <p className="notice notice-ok" role="status">
          {t('accounts.deleted', { name: deleted })}
        </p>
      )}
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
      {(leftOut.length > 0 || hiddenCount > 0) && (
        <div className="accounts-view">
          {leftOut.length > 0 && (
            <p className="muted">
              {t('accounts.leftOut.sentence', { list: new Intl.ListFormat(language).format(leftOut) })}
            </p>
          )}
          {hiddenCount > 0 && (
            <label className="filter-check">
              <input
                type="checkbox"
                checked={showHidden}
                onChange={(event) => setParams(event.target.checked ? { hidden: '1' } : {}, { replace: true })}
              />
              {t('accounts.showHidden', { count: hiddenCount })}
            </label>
          )}
        </div>
      )}
      {groupByInstitution(shown).map((group) => (
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
              <AccountRow key={account.id} account={account} onDelete={setDeleting} onEdit={setEditing} />
            ))}
          </ul>
        </section>
      ))}
      {editing && (
        <ManualAccountDialog account={editing} onSaved={() => setEditing(null)} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <DeleteAccountDialog
          account={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setJustDeleted(deleting.displayName);
            setDeleting(null);
          }}
        />
      )}
    </>
  );
}

/**
 * No account yet, as on first run: what linking a bank brings, which Pluggy it goes through
 * (demo mode's fictitious banks, and how to use real ones instead; or the user's own
 * application) and the button to link one.
 */
function EmptyAccounts() {
  const { t } = useTranslation();
  const mode = useSettings().data?.pluggyMode;
  return (
    <div className="empty-state">
      <h2>{t('accounts.empty.title')}</h2>
      <p>{t('accounts.empty.body')}</p>
      {mode && <p>{t(`accounts.empty.${mode}`)}</p>}
      <div className="empty-state-actions">
        <ConnectBankButton />
        {mode === 'demo' && <Link to="/settings?section=pluggy-account">{t('accounts.empty.useOwn')}</Link>}
      </div>
    </div>
  );
}
