import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../electron/shared/format.ts';
import type { AccountSummary, ConnectionSummary } from '../../../../electron/shared/models.ts';
import { queryKeys, useApi, useSyncProgress } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { AccountRow } from '../accounts/AccountRow.tsx';
import { MfaAnswerForm } from '../connect/MfaAnswerForm.tsx';
import { RemoveConnectionDialog } from './RemoveConnectionDialog.tsx';
import { SyncHistory } from './SyncHistory.tsx';

const statusKeys = ['UPDATED', 'UPDATING', 'MERGING', 'WAITING_USER_INPUT', 'LOGIN_ERROR', 'OUTDATED'] as const;
type StatusKey = (typeof statusKeys)[number];
const isStatusKey = (status: string): status is StatusKey => (statusKeys as readonly string[]).includes(status);

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
  const status = isStatusKey(connection.status) ? t(`connections.status.${connection.status}`) : connection.status;
  const problem =
    connection.errorCode && (connection.status === 'LOGIN_ERROR' || connection.status === 'OUTDATED')
      ? t(`connect.itemErrors.${connection.errorCode}`, {
          defaultValue: connection.errorMessage ?? t('connect.itemErrors.UNEXPECTED_ERROR'),
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
            <span className="badge" aria-live="polite">
              {busy ? t('connections.status.UPDATING') : status}
            </span>
          </h2>
          <span className="account-meta">
            {connection.lastSyncedAt
              ? t('connections.lastSynced', { when: formatDateTime(connection.lastSyncedAt, language) })
              : t('connections.neverSynced')}
            {connection.nextAutoSyncAt && (
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
          {problem && <span className="field-problem">{problem}</span>}
        </div>
        <div className="connection-actions">
          {connection.status === 'LOGIN_ERROR' ? (
            <button
              type="button"
              className="primary"
              onClick={() => void api.invoke('connect-window:open', { reconnect: connection.id })}
            >
              {t('connections.reconnect')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => refresh.mutate()}>
              {busy ? t('connections.refreshing') : t('connections.refresh')}
            </button>
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
      {refresh.isError && <ErrorNotice error={refresh.error} />}
      {connection.waitingFor && <MfaAnswerForm connection={connection} waitingFor={connection.waitingFor} inline />}
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
      {removing && <RemoveConnectionDialog connection={connection} onClose={() => setRemoving(false)} />}
    </section>
  );
}
