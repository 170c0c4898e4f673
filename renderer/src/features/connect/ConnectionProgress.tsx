import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../electron/shared/models.ts';
import { useLinkAttempt } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PartialUpdateNote } from '../connections/PartialUpdateNote.tsx';
import { DuplicateQuestion } from './DuplicateQuestion.tsx';
import { MfaAnswerForm } from './MfaAnswerForm.tsx';
import './connect.css';

/** Statuses after which Pluggy has nothing more to do for this link. */
const failedStatuses = new Set(['LOGIN_ERROR', 'OUTDATED']);

/** Why a link failed, as the login form shows it when the user tries again. */
export interface ShownFailure {
  errorCode: string;
  errorMessage: string | null;
  /** A new link, cleared away (nothing kept): trying again links anew. Else a kept connection to log in to again. */
  cleared: boolean;
}

/**
 * Watches a link until its first data is in, answering the bank's MFA question and the
 * "already connected" question on the way. A new link that fails is cleared away by main
 * (here or at Pluggy nothing is left) and this says why, offering to try again.
 */
export function ConnectionProgress(props: {
  itemId: string;
  /** What the user just typed to log in (built-in flow): logs in the existing connection if they choose it over a duplicate. */
  parameters?: Record<string, string>;
  onRetry: (failure: ShownFailure) => void;
  /** Follow this connection from now on: the existing one the user chose over the new link. */
  onFollow: (itemId: string, connection?: ConnectionSummary) => void;
}) {
  const { t } = useTranslation();
  const { itemId, onFollow } = props;
  const attempt = useLinkAttempt(itemId);
  const replacedBy = attempt.data?.replacedBy ?? null;
  // Answered elsewhere (the Connections screen): follow the connection kept instead.
  useEffect(() => {
    if (replacedBy) onFollow(replacedBy);
  }, [replacedBy, onFollow]);

  if (attempt.isError) return <ErrorNotice error={attempt.error} onRetry={() => void attempt.refetch()} />;
  const failed = attempt.data?.failed;
  if (failed) {
    return (
      <FailureView
        institution={failed.institution}
        failure={{ errorCode: failed.errorCode, errorMessage: failed.errorMessage, cleared: true }}
        onRetry={props.onRetry}
      />
    );
  }
  const connection = attempt.data?.connection;
  if (!connection) return <p className="muted">{t('common.loading')}</p>;
  if (connection.duplicateOf) {
    return (
      <DuplicateQuestion
        connection={connection}
        duplicateOf={connection.duplicateOf}
        {...(props.parameters ? { parameters: props.parameters } : {})}
        onAnswered={(next) => {
          if (next.id !== itemId) onFollow(next.id, next);
        }}
      />
    );
  }
  if (failedStatuses.has(connection.status)) {
    return (
      <FailureView
        institution={connection.institution}
        failure={{
          errorCode: connection.errorCode ?? 'UNEXPECTED_ERROR',
          errorMessage: connection.errorMessage,
          cleared: false,
        }}
        onRetry={props.onRetry}
      />
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
  if (connection.status === 'UPDATED' && !connection.syncing) {
    if (connection.lastSyncedAt !== null) return <DoneView connection={connection} />;
    if (connection.syncFailure) {
      return (
        <div className="connect-result" role="alert">
          <h2>{t('connect.syncFailed.title', { bank: connection.institution })}</h2>
          <p>
            {t('connect.syncFailed.body', {
              reason: t(`errors.${connection.syncFailure.errorCode}`, { defaultValue: t('errors.INTERNAL') }),
            })}
          </p>
          <CloseButton />
        </div>
      );
    }
  }
  return (
    <div className="connect-progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{t(`connect.progress.${progressKey(connection)}`)}</p>
    </div>
  );
}

function DoneView({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation();
  return (
    <div className="connect-result" role="status">
      {connection.partial ? (
        <>
          <h2>{t('connect.donePartly', { bank: connection.institution })}</h2>
          <PartialUpdateNote partial={connection.partial} />
          <p>{t('connect.donePartlyHelp')}</p>
        </>
      ) : (
        <>
          <h2>{t('connect.done', { bank: connection.institution })}</h2>
          <p>{t('connect.doneHelp')}</p>
        </>
      )}
      <CloseButton primary />
    </div>
  );
}

function FailureView(props: { institution: string; failure: ShownFailure; onRetry: (failure: ShownFailure) => void }) {
  const { t } = useTranslation();
  const { failure } = props;
  return (
    <div className="connect-result" role="alert">
      <h2>{t('connect.failed', { bank: props.institution })}</h2>
      <p>{failureReason(t, failure)}</p>
      {failure.cleared && <p className="muted">{t('connect.nothingKept')}</p>}
      <div className="actions">
        <CloseButton />
        <button type="button" className="primary" onClick={() => props.onRetry(failure)}>
          {t('connect.retry')}
        </button>
      </div>
    </div>
  );
}

function CloseButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={primary ? 'primary' : undefined} onClick={() => window.close()}>
      {t('connect.close')}
    </button>
  );
}

/** A link's failure in the app's words (the code's own message, else Pluggy's, else a general one). */
export function failureReason(t: TFunction, failure: Pick<ShownFailure, 'errorCode' | 'errorMessage'>): string {
  return t(`connect.itemErrors.${failure.errorCode}`, {
    defaultValue: failure.errorMessage ?? t('connect.itemErrors.UNEXPECTED_ERROR'),
  });
}

function progressKey(connection: ConnectionSummary): 'login' | 'data' | 'sync' {
  if (connection.status === 'UPDATED') return 'sync';
  return connection.executionStatus === 'CREATED' || connection.executionStatus === 'LOGIN_IN_PROGRESS'
    ? 'login'
    : 'data';
}
