import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../electron/shared/models.ts';
import { useConnections } from '../../api/queries.ts';
import { MfaAnswerForm } from './MfaAnswerForm.tsx';

/** Statuses after which Pluggy has nothing more to do for this link. */
const failedStatuses = new Set(['LOGIN_ERROR', 'OUTDATED']);

/** Watches the new link until it is synced, answering the bank's MFA question on the way. */
export function ConnectionProgress({ itemId, onRetry }: { itemId: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const connections = useConnections(1000);
  const connection = connections.data?.find((candidate) => candidate.id === itemId);
  const done = connection?.status === 'UPDATED' && connection.lastSyncedAt !== null && !connection.syncing;
  const failed = connection ? failedStatuses.has(connection.status) : false;

  if (!connection) return <p className="muted">{t('common.loading')}</p>;
  if (done) {
    return (
      <div className="connect-result" role="status">
        <h2>{t('connect.done', { bank: connection.institution })}</h2>
        <p>{t('connect.doneHelp')}</p>
        <button type="button" className="primary" onClick={() => window.close()}>
          {t('connect.close')}
        </button>
      </div>
    );
  }
  if (failed) {
    const code = connection.errorCode ?? 'UNEXPECTED_ERROR';
    return (
      <div className="connect-result" role="alert">
        <h2>{t('connect.failed')}</h2>
        <p>
          {t(`connect.itemErrors.${code}`, {
            defaultValue: connection.errorMessage ?? t('connect.itemErrors.UNEXPECTED_ERROR'),
          })}
        </p>
        <button type="button" className="primary" onClick={onRetry}>
          {t('connect.retry')}
        </button>
      </div>
    );
  }
  if (connection.waitingFor) {
    // Keyed by the question: a second MFA step starts with an empty field.
    return (
      <MfaAnswerForm
        key={`${connection.waitingFor.label}-${connection.waitingFor.expiresAt ?? ''}`}
        connection={connection}
        waitingFor={connection.waitingFor}
      />
    );
  }
  return (
    <div className="connect-progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{t(`connect.progress.${progressKey(connection)}`)}</p>
    </div>
  );
}

function progressKey(connection: ConnectionSummary): 'login' | 'data' | 'sync' {
  if (connection.status === 'UPDATED') return 'sync';
  return connection.executionStatus === 'CREATED' || connection.executionStatus === 'LOGIN_IN_PROGRESS'
    ? 'login'
    : 'data';
}
