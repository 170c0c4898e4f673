import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../electron/shared/format.ts';
import type { ConnectionSummary } from '../../../../electron/shared/models.ts';
import { queryKeys, useApi, useConnections } from '../../api/queries.ts';
import { ConnectBankButton } from '../../components/ConnectBankButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MfaAnswerForm } from '../connect/MfaAnswerForm.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';

const statusKeys = ['UPDATED', 'UPDATING', 'MERGING', 'WAITING_USER_INPUT', 'LOGIN_ERROR', 'OUTDATED'] as const;
type StatusKey = (typeof statusKeys)[number];
const isStatusKey = (status: string): status is StatusKey => (statusKeys as readonly string[]).includes(status);

/** The user's bank connections: how each is doing, and fresh data on request. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  const connections = useConnections(5000);
  return (
    <section className="page" aria-labelledby="connections-title">
      <header className="page-header page-header-actions">
        <div>
          <h1 id="connections-title">{t('connections.title')}</h1>
          <p className="page-subtitle">{t('connections.subtitle')}</p>
        </div>
        <ConnectBankButton />
      </header>
      {connections.isError && <ErrorNotice error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.data?.length === 0 && (
        <div className="empty-state">
          <p>{t('connections.empty')}</p>
        </div>
      )}
      <ul className="account-list">
        {connections.data?.map((connection) => (
          <ConnectionRow key={connection.id} connection={connection} />
        ))}
      </ul>
    </section>
  );
}

function ConnectionRow({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api.invoke('connections:refresh', { itemId: connection.id }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
  const busy = refresh.isPending || connection.status === 'UPDATING' || connection.syncing;
  const status = isStatusKey(connection.status) ? t(`connections.status.${connection.status}`) : connection.status;
  const problem =
    connection.errorCode && (connection.status === 'LOGIN_ERROR' || connection.status === 'OUTDATED')
      ? t(`connect.itemErrors.${connection.errorCode}`, {
          defaultValue: connection.errorMessage ?? t('connect.itemErrors.UNEXPECTED_ERROR'),
        })
      : null;
  return (
    <li className="account" aria-label={connection.institution}>
      <div className="account-main">
        <span className="account-name">{connection.institution}</span>
        <span className="account-meta">
          <span className="badge">{busy ? t('connections.status.UPDATING') : status}</span>
          {connection.lastSyncedAt && (
            <span> {t('connections.lastSynced', { when: formatDateTime(connection.lastSyncedAt, language) })}</span>
          )}
        </span>
        {problem && <span className="field-problem">{problem}</span>}
        {connection.waitingFor && <MfaAnswerForm connection={connection} waitingFor={connection.waitingFor} inline />}
      </div>
      <div className="account-balance">
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
        {refresh.isError && <ErrorNotice error={refresh.error} />}
      </div>
    </li>
  );
}
