import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useAccounts, useUpdateAccount } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { modalOpen } from '../../components/keys.ts';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { Page } from '../../components/Page.tsx';
import { ImportHistory } from '../imports/ImportHistory.tsx';
import { ManualAccountDialog } from '../own-entries/ManualAccountDialog.tsx';
import { TransactionWorkspace } from '../transactions/TransactionWorkspace.tsx';
import { typeLabelKey } from './account-type.ts';
import { DeleteAccountDialog } from './DeleteAccountDialog.tsx';
import { RenameAccountForm } from './RenameAccountForm.tsx';
import './accounts.css';

/** What Contas shows after an account was deleted from its register. */
export interface AccountsPageState {
  deleted?: string;
}

function BackToAccounts() {
  const { t } = useTranslation();
  return (
    <Link className="breadcrumb" to="/accounts">
      <span aria-hidden="true">← </span>
      {t('accounts.register.back')}
    </Link>
  );
}

/** `/accounts/:id`: one account's register, or why there is none. */
export function AccountRegisterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const accounts = useAccounts();
  const account = accounts.data?.find((each) => each.id === id);
  if (account) return <AccountRegister key={account.id} account={account} />;
  return (
    <Page name="account-register" title={t('accounts.title')} subtitle="" breadcrumb={<BackToAccounts />}>
      {accounts.isPending && <p className="muted">{t('common.loading')}</p>}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && <p className="notice">{t('accounts.register.notFound')}</p>}
    </Page>
  );
}

/**
 * An account's register: the transactions workspace of Transações (keyboard, picker,
 * details, bulk categorize, undo) fixed on the account, newest first with the balance after
 * each transaction; above it the account's own actions: rename (F2), hide or show, and,
 * once its connection was removed, delete.
 */
function AccountRegister({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const navigate = useNavigate();
  const update = useUpdateAccount();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const renamed = () => {
    setRenaming(false);
    // The form is replaced by the toolbar: focus goes back to the button, not to the page.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const manual = account.mode === 'manual';
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F2' || event.ctrlKey || event.metaKey || event.altKey || modalOpen()) return;
      event.preventDefault();
      setRenaming(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const typeKey = typeLabelKey(account);
  const subtitle = [
    account.nickname ? `${account.institution} · ${account.name}` : null,
    typeKey ? t(typeKey) : account.type,
    account.number,
    account.balanceDate &&
      t('accounts.register.balance', {
        amount: money(account.balanceCents, account.currencyCode),
        date: formatDate(account.balanceDate),
      }),
  ]
    .filter(Boolean)
    .join(' · ');
  const hide = (hidden: boolean) => update.mutate({ id: account.id, hidden });

  return (
    <TransactionWorkspace
      name="account-register"
      title={account.displayName}
      subtitle={subtitle}
      breadcrumb={<BackToAccounts />}
      accountId={account.id}
      toolbar={
        renaming ? (
          <RenameAccountForm account={account} onDone={renamed} />
        ) : (
          <div className="account-toolbar" role="toolbar" aria-label={account.displayName}>
            <button ref={renameButton} type="button" aria-keyshortcuts="F2" onClick={() => setRenaming(true)}>
              {t('accounts.register.rename')}
            </button>
            <button type="button" disabled={update.isPending} onClick={() => hide(!account.hidden)}>
              {t(account.hidden ? 'accounts.register.unhide' : 'accounts.register.hide')}
            </button>
            {manual && (
              <button type="button" onClick={() => setEditing(true)}>
                {t('accounts.manual.edit')}
              </button>
            )}
            {(account.disconnected || manual) && (
              <button type="button" className="quiet-danger" onClick={() => setDeleting(true)}>
                {t('accounts.register.delete')}
              </button>
            )}
          </div>
        )
      }
    >
      {update.isError && <ErrorNotice error={update.error} />}
      {account.hidden && (
        <p className="notice account-notice" role="note">
          {t('accounts.register.hiddenNotice')}
        </p>
      )}
      {account.disconnected && (
        <p className="notice account-notice" role="note">
          {t('accounts.register.disconnectedNotice')}
        </p>
      )}
      <ImportHistory accountId={account.id} />
      {editing && (
        <ManualAccountDialog account={account} onSaved={() => setEditing(false)} onClose={() => setEditing(false)} />
      )}
      {deleting && (
        <DeleteAccountDialog
          account={account}
          onClose={() => setDeleting(false)}
          onDeleted={() =>
            void navigate('/accounts', {
              replace: true,
              state: { deleted: account.displayName } satisfies AccountsPageState,
            })
          }
        />
      )}
    </TransactionWorkspace>
  );
}
