import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../../../electron/shared/exports.ts';
import type { TransactionFilters } from '../../../../electron/shared/transactions.ts';
import { useAccounts, useApi } from '../../api/queries.ts';
import { FormDialog } from '../categories/FormDialog.tsx';

const choices = ['csv-pt-BR', 'csv-en', 'xlsx', 'ofx'] as const;
export type ExportChoice = (typeof choices)[number];

/**
 * Exports what the Transactions screen shows (its filters) for the accountant: CSV in either
 * dialect, the XLSX workbook (transactions, DRE, livro-caixa), or one account's OFX
 * statement. Main asks where to save (its native dialog) and writes in a worker; this shows
 * the rows written and can cancel. Closing the save dialog is no error: nothing happens.
 */
export function ExportDialog({
  filters,
  initial = 'csv-pt-BR',
  onClose,
}: {
  filters: TransactionFilters;
  /** The format offered first: the workbook from Relatórios, a CSV from Transações. */
  initial?: ExportChoice;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const accounts = useAccounts();
  const [choice, setChoice] = useState<ExportChoice>(initial);
  const [accountId, setAccountId] = useState(filters.accountIds?.[0] ?? '');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => api.on('exports:progress', setProgress), [api]);
  const account = accountId || accounts.data?.[0]?.id || '';

  const run = useMutation({
    mutationFn: () => {
      setProgress(null);
      if (choice === 'xlsx') return api.invoke('exports:xlsx', { filters });
      if (choice === 'ofx') return api.invoke('exports:ofx', { filters, accountId: account });
      return api.invoke('exports:csv', { filters, dialect: choice === 'csv-en' ? 'en' : 'pt-BR' });
    },
  });
  const done = run.data;

  return (
    <FormDialog
      title={t('exports.title')}
      confirmLabel={t('exports.confirm')}
      change={run}
      onConfirm={() => run.mutate()}
      onClose={onClose}
    >
      <fieldset className="export-choices">
        <legend>{t('exports.format')}</legend>
        {choices.map((each) => (
          <label key={each} className="export-choice">
            <input
              type="radio"
              name={`${id}-format`}
              value={each}
              checked={choice === each}
              autoFocus={each === choice}
              onChange={() => setChoice(each)}
            />
            <span>
              <strong>{t(`exports.choices.${each}.name`)}</strong>
              <span className="field-help">{t(`exports.choices.${each}.help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice === 'ofx' && (
        <div className="field">
          <label htmlFor={`${id}-account`}>{t('exports.account')}</label>
          <select id={`${id}-account`} value={account} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.data?.map((each) => (
              <option key={each.id} value={each.id}>
                {[each.institution, each.name, each.number].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="field-help">{t('exports.filters')}</p>
      {run.isPending && (
        <div className="export-progress" role="status">
          <progress max={progress?.total || undefined} value={progress?.done ?? undefined} />
          <span>
            {progress ? t('exports.progress', { done: progress.done, total: progress.total }) : t('exports.choosing')}
          </span>
          <button type="button" onClick={() => void api.invoke('exports:cancel')}>
            {t('exports.cancel')}
          </button>
        </div>
      )}
      {run.isSuccess && (
        <p className="notice notice-ok" role="status">
          {done ? t('exports.done', { count: done.rows, path: done.path }) : t('exports.notSaved')}
        </p>
      )}
    </FormDialog>
  );
}
