import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionState } from '../../../../electron/shared/connection-state.ts';
import { AppError } from '../../../../electron/shared/errors.ts';
import { formatDateTime } from '../../../../electron/shared/format.ts';
import type { AccountSummary, ConnectionSummary } from '../../../../electron/shared/models.ts';
import { queryKeys, useApi, useSyncProgress } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { AccountRow } from '../accounts/AccountRow.tsx';
import { DuplicateQuestion } from '../connect/DuplicateQuestion.tsx';
import { MfaAnswerForm } from '../connect/MfaAnswerForm.tsx';
import { PartialUpdateNote } from './PartialUpdateNote.tsx';
import { ConsentUntil, ConsentWarning, RenewConsentButton } from './Consent.tsx';
import { consentNeedsRenewal } from './consent-state.ts';
import { RemoveConnectionDialog } from './RemoveConnectionDialog.tsx';
import { SyncHistory } from './SyncHistory.tsx';
import './connections.css';

/**
 * One bank connection: how it is doing in plain words, when it was and will be updated,
 * its accounts and balances, its sync history, and what the user can do about it.
 */
export function ConnectionCard({
  connection,
  accounts,
}: {
  connection: ConnectionSummary;
  accounts: readonly AccountSummary[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const historyId = useId();
  const [showHistory, setShowHistory] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = useMutation({
    mutationFn: () => api.invoke('connections:refresh', { itemId: connection.id }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
  const rowsRead = useSyncProgress(connection.id);
  const busy = refresh.isPending || connection.status === 'UPDATING' || connection.syncing;
  // The last attempt's outcome (electron/shared/connection-state.ts), never a success it followed.
  const state = connectionState(connection, refresh.isPending);
  const problem =
    connection.errorCode && (connection.status === 'LOGIN_ERROR' || connection.status === 'OUTDATED')
      ? t(`connect.itemErrors.${connection.errorCode}`, {
          defaultValue: connection.errorMessage ?? t('connect.itemErrors.UNEXPECTED_ERROR'),
        })
      : state === 'sync-failed' && connection.syncFailure
        ? t('connections.syncFailed', {
            when: formatDateTime(connection.syncFailure.at, language),
            reason: t(`errors.${connection.syncFailure.errorCode}`, { defaultValue: t('errors.INTERNAL') }),
          })
        : null;

  return (
    <section className="connection" aria-label={connection.institution}>
      <header className="connection-header">
        {connection.institutionLogo ? (
          <img className="institution-logo" src={connection.institutionLogo} alt="" />
        ) : (
          <span
            className="institution-logo"
            style={connection.institutionColor ? { backgroundColor: `#${connection.institutionColor}` } : undefined}
            aria-hidden="true"
          >
            {connection.institution.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="connection-title">
          <h2>
            {connection.institution}
            <span className="badge connection-badge" data-state={state} aria-live="polite">
              {state === 'other-mode'
                ? t(`connections.otherMode.${connection.mode}.badge`)
                : t(`connections.state.${state}`)}
            </span>
          </h2>
          <span className="account-meta">
            {connection.lastSyncedAt
              ? t('connections.lastSynced', { when: formatDateTime(connection.lastSyncedAt, language) })
              : t('connections.neverSynced')}
            {connection.followed && state !== 'consent-expired' && connection.nextAutoSyncAt && (
              <span>
                {' · '}
                {t('connections.nextAutoSync', { when: formatDateTime(connection.nextAutoSyncAt, language) })}
              </span>
            )}
          </span>
          {busy && rowsRead !== undefined && (
            <span className="account-meta" role="status">
              {t('connections.progress', { count: rowsRead })}
            </span>
          )}
          {!connection.followed && (
            <span className="account-meta">{t(`connections.otherMode.${connection.mode}.note`)}</span>
          )}
          {connection.consent?.state === 'valid' && <ConsentUntil consent={connection.consent} />}
          {problem && connection.followed && state !== 'consent-expired' && (
            <span className="field-problem">{problem}</span>
          )}
          {state === 'partial' && connection.partial && <PartialUpdateNote partial={connection.partial} />}
        </div>
        <div className="connection-actions">
          {consentNeedsRenewal(connection) && <RenewConsentButton connection={connection} />}
          {!connection.followed || state === 'consent-expired' ? null : connection.status === 'LOGIN_ERROR' ? (
            <button
              type="button"
              className="primary"
              onClick={() => void api.invoke('connect-window:open', { reconnect: connection.id })}
            >
              {t('connections.reconnect')}
            </button>
          ) : (
            state !== 'question' && (
              <button type="button" disabled={busy} onClick={() => refresh.mutate()}>
                {busy ? t('connections.refreshing') : t('connections.refresh')}
              </button>
            )
          )}
          <button
            type="button"
            aria-expanded={showHistory}
            aria-controls={historyId}
            onClick={() => setShowHistory((shown) => !shown)}
          >
            {t('connections.history.title')}
          </button>
          <button type="button" className="quiet-danger" onClick={() => setRemoving(true)}>
            {t('connections.remove.open')}
          </button>
        </div>
      </header>
      {connection.consent && connection.consent.state !== 'valid' && <ConsentWarning consent={connection.consent} />}
      {refresh.isError && !saidAbove(refresh.error, connection) && <ErrorNotice error={refresh.error} />}
      {connection.followed && connection.waitingFor && (
        <MfaAnswerForm connection={connection} waitingFor={connection.waitingFor} inline />
      )}
      {connection.duplicateOf && (
        <DuplicateQuestion connection={connection} duplicateOf={connection.duplicateOf} inline />
      )}
      {accounts.length > 0 && (
        <ul className="account-list">
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </ul>
      )}
      {showHistory && (
        <div id={historyId} className="connection-history">
          <SyncHistory itemId={connection.id} />
        </div>
      )}
      {removing && (
        <RemoveConnectionDialog connection={connection} accounts={accounts} onClose={() => setRemoving(false)} />
      )}
    </section>
  );
}

/** A refresh whose sync failed: the card already says why (its sync failure), once is enough. */
function saidAbove(error: unknown, connection: ConnectionSummary): boolean {
  return error instanceof AppError && error.code === connection.syncFailure?.errorCode;
}
