import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationConflict } from '../../../../electron/shared/reconciliation.ts';
import { useReconciliationConflicts, useResolveConflict } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import { FormDialog } from '../categories/FormDialog.tsx';
import { lineAmounts } from './line-amounts.ts';

type Side = NonNullable<ReconciliationConflict['incoming']>;

/**
 * What the bank changed or removed in reconciled transactions, held back for the user: the
 * two versions side by side, keep the reconciled one or take the bank's (which changes
 * reconciled books, so it is confirmed first).
 */
export function ConflictList({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const conflicts = useReconciliationConflicts(accountId);
  const resolve = useResolveConflict();
  const [accepting, setAccepting] = useState<ReconciliationConflict | null>(null);

  if (conflicts.isError) return <ErrorNotice error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  if (!conflicts.data || conflicts.data.length === 0) return null;
  return (
    <section className="recon-conflicts" aria-labelledby="recon-conflicts-title">
      <h2 id="recon-conflicts-title">{t('reconciliation.conflicts.title', { count: conflicts.data.length })}</h2>
      <p className="muted">{t('reconciliation.conflicts.lead')}</p>
      {resolve.isError && !accepting && <ErrorNotice error={resolve.error} />}
      <ul>
        {conflicts.data.map((conflict) => (
          <li
            key={conflict.id}
            className="recon-conflict"
            aria-label={t(`reconciliation.conflicts.${conflict.kind}`, {
              description: conflict.reconciled.description,
            })}
          >
            <p className="recon-conflict-title">
              {t(`reconciliation.conflicts.${conflict.kind}`, { description: conflict.reconciled.description })}
              <span className="muted">
                {' · '}
                {t('reconciliation.conflicts.in', { date: formatDate(conflict.statementDate) })}
              </span>
            </p>
            <div className="recon-conflict-sides">
              <ConflictSide
                title={t('reconciliation.conflicts.reconciled')}
                side={conflict.reconciled}
                note={conflict.kind === 'restored' ? t('reconciliation.conflicts.outOfBooks') : undefined}
              />
              {conflict.incoming ? (
                <ConflictSide title={t('reconciliation.conflicts.incoming')} side={conflict.incoming} />
              ) : (
                <div className="recon-conflict-side recon-conflict-removed">
                  <h3>{t('reconciliation.conflicts.incoming')}</h3>
                  <p>{t('reconciliation.conflicts.removedByBank')}</p>
                </div>
              )}
            </div>
            <div className="recon-conflict-actions">
              <button
                type="button"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ id: conflict.id, resolution: 'keep', detectedAt: conflict.detectedAt })}
              >
                {t(
                  conflict.kind === 'restored'
                    ? 'reconciliation.conflicts.keepRemoved'
                    : 'reconciliation.conflicts.keep',
                )}
              </button>
              <button type="button" disabled={resolve.isPending} onClick={() => setAccepting(conflict)}>
                {t(acceptLabels[conflict.kind])}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {accepting && (
        <FormDialog
          title={t('reconciliation.conflicts.confirmTitle')}
          confirmLabel={t('reconciliation.conflicts.confirm')}
          change={resolve}
          danger
          onConfirm={() =>
            resolve.mutate(
              { id: accepting.id, resolution: 'accept', detectedAt: accepting.detectedAt },
              { onSuccess: () => setAccepting(null) },
            )
          }
          onClose={() => setAccepting(null)}
        >
          <p>
            {t('reconciliation.conflicts.confirmBody', {
              description: accepting.reconciled.description,
              date: formatDate(accepting.statementDate),
            })}
          </p>
        </FormDialog>
      )}
    </section>
  );
}

const acceptLabels = {
  changed: 'reconciliation.conflicts.accept',
  removed: 'reconciliation.conflicts.acceptRemoval',
  restored: 'reconciliation.conflicts.acceptReturn',
} as const;

function ConflictSide({ title, side, note }: { title: string; side: Side; note?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="recon-conflict-side">
      <h3>{title}</h3>
      {note && <p className="recon-conflict-note">{note}</p>}
      <dl>
        <dt>{t('reconciliation.conflicts.date')}</dt>
        <dd>{formatDate(side.date)}</dd>
        <dt>{t('reconciliation.conflicts.description')}</dt>
        <dd>{side.description}</dd>
        <dt>{t('reconciliation.conflicts.amount')}</dt>
        <dd>
          <TransactionAmount amount={lineAmounts(side)} />
        </dd>
        <dt>{t('reconciliation.conflicts.status')}</dt>
        <dd>{t(side.status === 'PENDING' ? 'reconciliation.lines.pending' : 'reconciliation.conflicts.posted')}</dd>
      </dl>
    </div>
  );
}
