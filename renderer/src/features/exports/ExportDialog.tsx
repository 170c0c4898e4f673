import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExportProgress } from '../../../../electron/shared/exports.ts';
import type { ReportQuery } from '../../../../electron/shared/reports.ts';
import type { TransactionFilters } from '../../../../electron/shared/transactions.ts';
import { useAccounts, useApi, useReportOwner } from '../../api/queries.ts';
import { AccountOptions } from '../../components/AccountName.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FormDialog } from '../categories/FormDialog.tsx';
import './exports.css';

const fileChoices = ['csv-pt-BR', 'csv-en', 'xlsx', 'ofx'] as const;
export type ExportChoice = (typeof fileChoices)[number] | 'pdf';

/**
 * Exports what the Transactions screen shows (its filters) for the accountant: CSV in either
 * dialect, the XLSX workbook (transactions, DRE, livro-caixa), or one account's OFX
 * statement; from Relatórios, the period's PDF report too. Main asks where to save (its
 * native dialog) and writes off its thread; this shows the progress and can cancel.
 * Closing the save dialog is no error: nothing happens. Once a file is written, the dialog
 * offers to open it or show it in its folder (main does, for a file an export wrote only),
 * starting on "Abrir".
 */
export function ExportDialog({
  filters,
  report,
  initial = 'csv-pt-BR',
  onClose,
}: {
  filters: TransactionFilters;
  /** The period on the Relatórios screen: offers its PDF report. */
  report?: ReportQuery;
  /** The format offered first: the PDF report from Relatórios, a CSV from Transações. */
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
  const choices: readonly ExportChoice[] = report ? ['pdf', ...fileChoices] : fileChoices;

  const run = useMutation({
    mutationFn: () => {
      setProgress(null);
      if (choice === 'pdf' && report) return api.invoke('exports:pdf', { query: report });
      if (choice === 'xlsx') return api.invoke('exports:xlsx', { filters });
      if (choice === 'ofx') return api.invoke('exports:ofx', { filters, accountId: account });
      return api.invoke('exports:csv', { filters, dialect: choice === 'csv-en' ? 'en' : 'pt-BR' });
    },
  });
  const done = run.data;
  const opening = useMutation({
    mutationFn: ({ path, channel }: { path: string; channel: 'exports:open-file' | 'exports:show-in-folder' }) =>
      api.invoke(channel, { path }),
  });
  /** Another format or account after an export is another export: the last one's outcome goes. */
  const startOver = () => {
    if (run.isPending) return;
    run.reset();
    opening.reset();
  };

  return (
    <FormDialog
      title={report ? t('exports.reportTitle') : t('exports.title')}
      confirmLabel={t('exports.confirm')}
      change={run}
      onConfirm={() => run.mutate()}
      onClose={onClose}
      actions={
        done ? (
          <>
            {/* Closing unmounts the dialog, as Esc does: focus goes back to "Exportar…". */}
            <button type="button" onClick={onClose}>
              {t('exports.close')}
            </button>
            <div className="export-file-actions">
              <button
                type="button"
                onClick={() => opening.mutate({ path: done.path, channel: 'exports:show-in-folder' })}
              >
                {t('exports.showInFolder')}
              </button>
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={() => opening.mutate({ path: done.path, channel: 'exports:open-file' })}
              >
                {t('exports.openFile')}
              </button>
            </div>
          </>
        ) : undefined
      }
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
              onChange={() => {
                setChoice(each);
                startOver();
              }}
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
          <select
            id={`${id}-account`}
            value={account}
            onChange={(event) => {
              setAccountId(event.target.value);
              startOver();
            }}
          >
            <AccountOptions accounts={accounts.data ?? []} />
          </select>
        </div>
      )}
      {choice === 'pdf' && <OwnerNotice />}
      {/* A statement takes the period alone (its help says so): the other files follow every filter. */}
      {choice !== 'pdf' && choice !== 'ofx' && <p className="field-help">{t('exports.filters')}</p>}
      {choice === 'xlsx' && narrowsRowsOnly(filters) && (
        <p className="notice" role="note">
          {t('exports.xlsxReportsScope')}
        </p>
      )}
      {run.isPending && (
        <div className="export-progress" role="status">
          <progress max={progress?.total || undefined} value={progress?.done ?? undefined} />
          <span>
            {!progress
              ? t('exports.choosing')
              : progress.format === 'pdf'
                ? t('exports.printing')
                : t('exports.progress', { done: progress.done, total: progress.total })}
          </span>
          <button type="button" onClick={() => void api.invoke('exports:cancel')}>
            {t('exports.cancel')}
          </button>
        </div>
      )}
      {run.isSuccess && (
        <p className="notice notice-ok" role="status">
          {!done
            ? t('exports.notSaved')
            : done.rows === null
              ? t('exports.reportDone', { path: done.path })
              : t('exports.done', { count: done.rows, path: done.path })}
        </p>
      )}
      {opening.isError && <ErrorNotice error={opening.error} />}
    </FormDialog>
  );
}

/** Whose books the PDF says they are, and where to change it: the accountant needs both on it. */
function OwnerNotice() {
  const { t } = useTranslation();
  const owner = useReportOwner();
  if (!owner.data) return null;
  const { name, document } = owner.data;
  return (
    <p className={name && document ? 'field-help' : 'notice'}>
      {name && document ? t('exports.reportOwner', { name }) : t('exports.reportOwnerMissing')}{' '}
      <Link to="/settings">{t('exports.reportOwnerChange')}</Link>
    </p>
  );
}

/**
 * Whether the filters narrow the rows in ways a P&L or livro-caixa cannot follow (a
 * category, a search, amounts…): the workbook's Transações sheet follows them, its DRE and
 * Livro-caixa sheets take only the period, the accounts and business usage.
 */
function narrowsRowsOnly(filters: TransactionFilters): boolean {
  return Boolean(
    filters.categoryIds?.length ||
    filters.search ||
    filters.direction ||
    filters.minCents !== undefined ||
    filters.maxCents !== undefined ||
    filters.pending ||
    (filters.usage && filters.usage !== 'business'),
  );
}
