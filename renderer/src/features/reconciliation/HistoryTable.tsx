import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../electron/shared/format.ts';
import type { ReconciliationSummary } from '../../../../electron/shared/reconciliation.ts';
import { useReconciliationHistory, useUndoReconciliation } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { FormDialog } from '../categories/FormDialog.tsx';

/** The account's finished reconciliations, newest first; the latest can be undone. */
export function HistoryTable({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useReconciliationHistory(accountId);
  const [undoing, setUndoing] = useState<ReconciliationSummary | null>(null);

  return (
    <section className="recon-history" aria-labelledby="recon-history-title">
      <h2 id="recon-history-title">{t('reconciliation.history.title')}</h2>
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.length === 0 && <p className="muted">{t('reconciliation.history.empty')}</p>}
      {history.data && history.data.length > 0 && (
        <table className="recon-history-table">
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.history.statementDate')}</th>
              <th scope="col" className="recon-amount">
                {t('reconciliation.history.opening')}
              </th>
              <th scope="col" className="recon-amount">
                {t('reconciliation.history.cleared')}
              </th>
              <th scope="col" className="recon-amount">
                {t('reconciliation.history.statement')}
              </th>
              <th scope="col" className="recon-amount">
                {t('reconciliation.history.count')}
              </th>
              <th scope="col">{t('reconciliation.history.finished')}</th>
              <th scope="col">{t('reconciliation.history.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reconciliation.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((entry) => (
              <tr key={entry.id} className={entry.broken ? 'recon-broken' : undefined}>
                <th scope="row">{formatDate(entry.statementDate)}</th>
                <td className="recon-amount">
                  <Money cents={entry.openingBalanceCents} />
                </td>
                <td className="recon-amount">
                  <Money cents={entry.clearedTotalCents} />
                </td>
                <td className="recon-amount">
                  <Money cents={entry.statementBalanceCents} />
                </td>
                <td className="recon-amount">{entry.transactionCount}</td>
                <td>
                  {t('reconciliation.history.finishedBy', {
                    when: formatDateTime(entry.finishedAt, language),
                    who: entry.finishedBy,
                  })}
                </td>
                <td>
                  <HistoryState entry={entry} />
                </td>
                <td>
                  {entry.undoable && (
                    <button type="button" onClick={() => setUndoing(entry)}>
                      {t('reconciliation.history.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoing && <UndoDialog entry={undoing} onClose={() => setUndoing(null)} />}
    </section>
  );
}

/** Whether the reconciliation still ties out, and if not, why; its adjustment and later edits besides. */
function HistoryState({ entry }: { entry: ReconciliationSummary }) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const reasons = [
    entry.openConflicts > 0 && t('reconciliation.history.conflicts', { count: entry.openConflicts }),
    entry.driftCents !== 0 && t('reconciliation.history.drift', { amount: money(entry.driftCents) }),
  ].filter((reason) => reason !== false);
  return (
    <div className="recon-state">
      {entry.broken ? (
        <span className="badge recon-badge-broken">{t('reconciliation.history.broken')}</span>
      ) : (
        <span className="badge recon-badge-ok">{t('reconciliation.history.ok')}</span>
      )}
      {reasons.map((reason) => (
        <span key={reason} className="recon-state-note">
          {reason}
        </span>
      ))}
      {entry.adjustmentCents !== null && (
        <span className="recon-state-note">
          {t('reconciliation.history.adjustment', { amount: money(entry.adjustmentCents) })}
        </span>
      )}
      {entry.changesAfterFinish > 0 && (
        <span className="recon-state-note muted">
          {t('reconciliation.history.changes', { count: entry.changesAfterFinish })}
        </span>
      )}
    </div>
  );
}

function UndoDialog({ entry, onClose }: { entry: ReconciliationSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoReconciliation();
  return (
    <FormDialog
      title={t('reconciliation.undo.title', { date: formatDate(entry.statementDate) })}
      confirmLabel={t('reconciliation.undo.confirm')}
      change={undo}
      danger
      onConfirm={() => undo.mutate(entry.accountId, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('reconciliation.undo.body', { count: entry.transactionCount })}</p>
      {entry.adjustmentCents !== null && <p>{t('reconciliation.undo.adjustment')}</p>}
    </FormDialog>
  );
}
