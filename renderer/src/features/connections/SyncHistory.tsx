import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../electron/shared/format.ts';
import type { SyncRunSummary } from '../../../../electron/shared/models.ts';
import { useConnectionHistory } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** A connection's latest syncs: when, why, and what each brought or why it failed. */
export function SyncHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useConnectionHistory(itemId, true);
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <p className="muted">{t('common.loading')}</p>;
  if (history.data.length === 0) return <p className="muted">{t('connections.history.empty')}</p>;
  return (
    <table className="sync-history">
      <caption className="visually-hidden">{t('connections.history.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('connections.history.when')}</th>
          <th scope="col">{t('connections.history.trigger')}</th>
          <th scope="col">{t('connections.history.result')}</th>
        </tr>
      </thead>
      <tbody>
        {history.data.map((run) => (
          <tr key={run.id}>
            <td>{formatDateTime(run.startedAt, language)}</td>
            <td>{t(`connections.history.triggers.${run.trigger}`, { defaultValue: run.trigger })}</td>
            <td className={run.status === 'failed' ? 'field-problem' : undefined}>
              <RunResult run={run} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What one sync brought, or why it failed (in the words the app uses for that error). */
function RunResult({ run }: { run: SyncRunSummary }) {
  const { t } = useTranslation();
  if (run.status === 'running') return <>{t('connections.history.running')}</>;
  if (run.status === 'failed') {
    const failed = t('connections.history.failed');
    return <>{run.errorCode ? t(`errors.${run.errorCode}`, { defaultValue: failed }) : failed}</>;
  }
  return (
    <>{t('connections.history.succeeded', { created: run.created, updated: run.updated, removed: run.removed })}</>
  );
}
