import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationSummary } from '../../../../electron/shared/reconciliation.ts';
import { useAccounts, useReconciliationSetup } from '../../api/queries.ts';
import { AccountOptions, accountText } from '../../components/AccountName.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFocusOnAppear } from '../../components/focus.ts';
import { Page } from '../../components/Page.tsx';
import { ConflictList } from './ConflictList.tsx';
import { DraftWorkspace } from './DraftWorkspace.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { NewReconciliationForm } from './NewReconciliationForm.tsx';
import './reconciliation.css';

/**
 * Reconciliation: an account's transactions checked against its bank or card statement.
 * The chosen account is in the address (`?account=`), so going back and forth keeps it.
 */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const pickerId = useId();
  const accounts = useAccounts();
  const [params, setParams] = useSearchParams();
  // Closed accounts (a connection removed, its books kept) stay reachable: their history,
  // and conflicts the menu counts, are still the user's to see.
  const all = accounts.data ?? [];
  const open = all.filter((account) => !account.closed);
  const closed = all.filter((account) => account.closed);
  const chosen = all.find((account) => account.id === params.get('account')) ?? open[0] ?? closed[0];

  const picker = chosen && (
    <div className="recon-picker">
      <label htmlFor={pickerId}>{t('reconciliation.account')}</label>
      <select
        id={pickerId}
        value={chosen.id}
        onChange={(event) => setParams({ account: event.target.value }, { replace: true })}
      >
        {/* By institution, each account by its full name (a disconnected one marked). */}
        <AccountOptions accounts={open} />
        {closed.length > 0 && (
          <optgroup label={t('reconciliation.closedAccounts')}>
            {closed.map((account) => (
              <option key={account.id} value={account.id}>
                {accountText(t, account)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );

  return (
    <Page
      name="reconciliation"
      title={t('reconciliation.title')}
      subtitle={t('reconciliation.subtitle')}
      actions={picker}
    >
      {accounts.isPending && <p className="muted">{t('common.loading')}</p>}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && all.length === 0 && (
        <div className="empty-state">
          <h2>{t('reconciliation.empty.title')}</h2>
          <p>{t('reconciliation.empty.body')}</p>
        </div>
      )}
      {/* Keyed by account: another account starts with its own fields, not the last one's. */}
      {chosen && <AccountReconciliation key={chosen.id} accountId={chosen.id} />}
    </Page>
  );
}

/** One account: bank changes to review, then the draft or a new statement, then the history. */
function AccountReconciliation({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const setup = useReconciliationSetup(accountId);
  const [finished, setFinished] = useState<ReconciliationSummary | null>(null);
  return (
    <>
      <ConflictList accountId={accountId} />
      {finished && setup.data?.draftId === null && <FinishedNotice summary={finished} />}
      {setup.isPending && <p className="muted">{t('common.loading')}</p>}
      {setup.isError && <ErrorNotice error={setup.error} onRetry={() => void setup.refetch()} />}
      {setup.data &&
        (setup.data.draftId !== null ? (
          <DraftWorkspace
            key={setup.data.draftId}
            id={setup.data.draftId}
            onFinished={(summary) => setFinished(summary)}
          />
        ) : (
          <NewReconciliationForm
            // A new form once a reconciliation is finished or undone, prefilled from the figures
            // then; not at every background sync, which would wipe what the user is typing.
            key={setup.data.previousStatementDate ?? 'first'}
            setup={setup.data}
          />
        ))}
      <HistoryTable accountId={accountId} />
    </>
  );
}

/**
 * What was just reconciled. It takes focus as it shows: the workspace the user finished from is
 * gone, and this is what they did (Tab goes on to the next statement's form).
 */
function FinishedNotice({ summary }: { summary: ReconciliationSummary }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLParagraphElement>(null);
  useFocusOnAppear(notice);
  return (
    <p ref={notice} className="notice notice-ok" role="status" tabIndex={-1}>
      {t('reconciliation.finished', { date: formatDate(summary.statementDate), count: summary.transactionCount })}
    </p>
  );
}
