import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationDraft, ReconciliationSummary } from '../../../../electron/shared/reconciliation.ts';
import {
  useDiscardReconciliation,
  useFinishReconciliation,
  useReconciliationDraft,
  useTickLines,
  useUpdateStatement,
} from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';
import { useMoneyText } from '../../components/text-formats.ts';
import { FormDialog } from '../categories/FormDialog.tsx';
import { CommitDateField, CommitField } from './fields.tsx';
import { HelperPanel } from './HelperPanel.tsx';
import { ReconciliationLines } from './ReconciliationLines.tsx';

/** The reconciliation in progress, read from its saved draft (every tick is saved as it is made). */
export function DraftWorkspace({
  id,
  onFinished,
}: {
  id: number;
  onFinished: (summary: ReconciliationSummary) => void;
}) {
  const { t } = useTranslation();
  const draft = useReconciliationDraft(id);
  if (draft.isError) return <ErrorNotice error={draft.error} onRetry={() => void draft.refetch()} />;
  if (!draft.data) return <p className="muted">{t('common.loading')}</p>;
  return <Workspace draft={draft.data} onFinished={onFinished} />;
}

type Confirming = 'adjust' | 'discard' | null;

function Workspace({
  draft,
  onFinished,
}: {
  draft: ReconciliationDraft;
  onFinished: (summary: ReconciliationSummary) => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const moneyFormat = useMoneyText();
  const tick = useTickLines(draft.id);
  const update = useUpdateStatement(draft.id);
  const finish = useFinishReconciliation();
  const discard = useDiscardReconciliation();
  const [helping, setHelping] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeHelp = () => {
    setHelping(false);
    helpButton.current?.focus();
  };
  const [confirming, setConfirming] = useState<Confirming>(null);

  const cleared = useMemo(() => new Set(draft.lines.filter((line) => line.cleared).map((line) => line.id)), [draft]);
  const onTick = (ids: string[], to: boolean) => tick.mutate({ transactionIds: ids, cleared: to });
  const tickAll = (to: boolean) => {
    const ids = draft.lines.filter((line) => line.cleared !== to).map((line) => line.id);
    if (ids.length > 0) onTick(ids, to);
  };
  // The promise rather than mutate's onSuccess: finishing unmounts this workspace (the account
  // has no draft any more), and mutate's own callbacks do not run after that. A failure shows
  // from `finish.error`.
  // With an adjustment, it is for the difference the dialog showed: main refuses another one.
  const finishWith = (adjustment: boolean) =>
    finish
      .mutateAsync({ id: draft.id, ...(adjustment ? { adjustmentCents: draft.differenceCents } : {}) })
      .then(onFinished, () => {});

  const difference = draft.differenceCents;
  return (
    <section className="recon-card recon-workspace" aria-labelledby="recon-draft-title">
      <div className="recon-workspace-header">
        <div>
          <h2 id="recon-draft-title">{t('reconciliation.draft.title')}</h2>
          <p className="muted">{t('reconciliation.draft.saved')}</p>
        </div>
        <div className="recon-fields">
          <CommitDateField
            label={t('reconciliation.fields.statementDate')}
            value={draft.statementDate}
            help={
              draft.previousStatementDate
                ? t('reconciliation.fields.after', { date: formatDate(draft.previousStatementDate) })
                : undefined
            }
            onCommit={(statementDate) => update.mutate({ statementDate })}
          />
          <CommitField
            label={t('reconciliation.fields.statementBalance')}
            value={draft.statementBalanceCents}
            format={moneyFormat}
            onCommit={(statementBalanceCents) => update.mutate({ statementBalanceCents })}
          />
          {draft.openingEditable && (
            <CommitField
              label={t('reconciliation.fields.opening')}
              value={draft.openingBalanceCents}
              format={moneyFormat}
              onCommit={(openingBalanceCents) => update.mutate({ openingBalanceCents })}
            />
          )}
        </div>
      </div>
      {update.isError && <ErrorNotice error={update.error} />}

      <dl className="recon-summary" aria-label={t('reconciliation.summary.label')}>
        <div>
          <dt>{t('reconciliation.summary.opening')}</dt>
          <dd>
            <Money cents={draft.openingBalanceCents} />
          </dd>
        </div>
        <div>
          <dt>{t('reconciliation.summary.cleared', { count: cleared.size, total: draft.lines.length })}</dt>
          <dd>
            <Money cents={draft.clearedTotalCents} />
          </dd>
        </div>
        <div>
          <dt>{t('reconciliation.summary.statement')}</dt>
          <dd>
            <Money cents={draft.statementBalanceCents} />
          </dd>
        </div>
        <div className={difference === 0 ? 'recon-difference recon-balanced' : 'recon-difference'}>
          <dt>{t('reconciliation.summary.difference')}</dt>
          <dd aria-live="polite" data-cents={difference}>
            <span className="recon-difference-amount">{money(difference)}</span>
            <span className="recon-difference-state">
              {difference === 0 ? t('reconciliation.summary.balanced') : t('reconciliation.summary.unbalanced')}
            </span>
          </dd>
        </div>
      </dl>

      <div className="recon-toolbar">
        <button type="button" onClick={() => tickAll(true)}>
          {t('reconciliation.draft.tickAll')}
        </button>
        <button type="button" onClick={() => tickAll(false)}>
          {t('reconciliation.draft.untickAll')}
        </button>
        <button ref={helpButton} type="button" aria-expanded={helping} onClick={() => setHelping(!helping)}>
          {t('reconciliation.draft.help')}
        </button>
        <span className="muted recon-keys">{t('reconciliation.draft.keys')}</span>
      </div>
      {tick.isError && <ErrorNotice error={tick.error} />}

      <div className={helping ? 'recon-body recon-body-helping' : 'recon-body'}>
        <ReconciliationLines
          lines={draft.lines}
          label={t('reconciliation.lines.label', { date: formatDate(draft.statementDate) })}
          onTick={(line) => onTick([line.id], !line.cleared)}
        />
        {helping && <HelperPanel draftId={draft.id} cleared={cleared} onTick={onTick} onClose={closeHelp} />}
      </div>

      {finish.isError && <ErrorNotice error={finish.error} />}
      <div className="recon-actions">
        <button type="button" className="quiet-danger" onClick={() => setConfirming('discard')}>
          {t('reconciliation.draft.discard')}
        </button>
        <div className="recon-finish">
          {difference !== 0 && (
            <button type="button" onClick={() => setConfirming('adjust')}>
              {t('reconciliation.draft.finishWithAdjustment')}
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={difference !== 0 || finish.isPending}
            onClick={() => void finishWith(false)}
          >
            {t('reconciliation.draft.finish')}
          </button>
        </div>
      </div>

      {confirming === 'adjust' && (
        <FormDialog
          title={t('reconciliation.adjust.title')}
          confirmLabel={t('reconciliation.adjust.confirm')}
          change={finish}
          onConfirm={() => void finishWith(true)}
          onClose={() => setConfirming(null)}
        >
          <p>{t('reconciliation.adjust.body', { amount: money(difference) })}</p>
          <p className="field-help">{t('reconciliation.adjust.undo')}</p>
        </FormDialog>
      )}
      {confirming === 'discard' && (
        <FormDialog
          title={t('reconciliation.discard.title')}
          confirmLabel={t('reconciliation.discard.confirm')}
          change={discard}
          danger
          onConfirm={() => discard.mutate(draft.id)}
          onClose={() => setConfirming(null)}
        >
          <p>{t('reconciliation.discard.body')}</p>
        </FormDialog>
      )}
    </section>
  );
}
