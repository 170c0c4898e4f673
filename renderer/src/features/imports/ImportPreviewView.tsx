import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ImportPreview } from '../../../../electron/shared/imports.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { Money } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { CsvReadingPanel } from './CsvReadingPanel.tsx';
import type { CsvDraft } from './csv-reading.ts';
import type { PreviewState } from './queries.ts';
import type { CsvShown } from './statement-problem.ts';
import { ReviewList } from './ReviewList.tsx';

/**
 * The file as it will be read into the account: the statement's facts (OFX) or the reading
 * to adjust (CSV), the counts, the rows to review, and the first rows as they will be read.
 */
export function ImportPreviewView({
  account,
  preview,
  problem,
  adjustable,
  csv,
  draft,
  edited,
  csvIncomplete,
  onDraft,
  keep,
  onKeep,
  adoptBalance,
  onAdoptBalance,
}: {
  account: AccountSummary;
  preview: PreviewState;
  /** Why the file cannot be read as it stands, in plain words. */
  problem: string | null;
  /** The problem may go away with another CSV reading (the panel below is there to change it). */
  adjustable: boolean;
  /** For a CSV: the reading to show, and the file split by it (see PreviewState.csv). */
  csv: CsvShown | null;
  draft: CsvDraft | null;
  edited: boolean;
  csvIncomplete: boolean;
  onDraft: (draft: CsvDraft) => void;
  keep: ReadonlySet<number>;
  onKeep: (lines: ReadonlySet<number>) => void;
  /** Null when the account and file do not offer it. */
  adoptBalance: boolean | null;
  onAdoptBalance: (adopt: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data } = preview;
  const firstRowsId = useId();
  return (
    <div className="import-preview">
      {preview.pending && (
        <p className="import-busy" role="status">
          <span className="spinner" aria-hidden="true" />
          {data ? t('imports.preview.rereading') : t('imports.preview.reading')}
        </p>
      )}
      {problem && (
        <div className="notice notice-error import-problem" role="alert">
          <p>{problem}</p>
          <p>{adjustable ? t('imports.problems.adjustReading') : t('imports.problems.nothingImported')}</p>
        </div>
      )}
      {data?.ofx && (
        <OfxFacts
          data={data}
          ofx={data.ofx}
          account={account}
          adoptBalance={adoptBalance}
          onAdoptBalance={onAdoptBalance}
        />
      )}
      {csv && draft && (
        <CsvReadingPanel
          csv={csv.view}
          encoding={csv.encoding}
          draft={draft}
          edited={edited}
          incomplete={csvIncomplete}
          onChange={onDraft}
        />
      )}
      {data && !problem && (
        <>
          <ul className="import-counts" aria-label={t('imports.preview.countsLabel')}>
            <li className="import-count-new">
              <strong>{data.newCount.toLocaleString(language)}</strong>
              <span>{t('imports.preview.new', { count: data.newCount })}</span>
            </li>
            <li>
              <strong>{data.seenCount.toLocaleString(language)}</strong>
              <span>{t('imports.preview.seen', { count: data.seenCount })}</span>
            </li>
            <li className={data.review.length > 0 ? 'import-count-review' : undefined}>
              <strong>{data.review.length.toLocaleString(language)}</strong>
              <span>{t('imports.preview.review', { count: data.review.length })}</span>
            </li>
          </ul>
          {data.review.length > 0 && (
            <ReviewList rows={data.review} currency={account.currencyCode} keep={keep} onKeep={onKeep} />
          )}
          <section className="import-first-rows" aria-labelledby={firstRowsId}>
            <h3 id={firstRowsId}>{t('imports.preview.firstRows')}</h3>
            <p className="muted import-section-note">
              {t('imports.preview.firstRowsNote', { shown: data.firstRows.length, count: data.rowCount })}
            </p>
            <div className="import-table-scroll">
              <table className="import-table">
                <thead>
                  <tr>
                    <th scope="col" className="import-line">
                      {t('imports.preview.line')}
                    </th>
                    <th scope="col">{t('imports.preview.date')}</th>
                    <th scope="col">{t('imports.preview.description')}</th>
                    <th scope="col" className="import-amount">
                      {t('imports.preview.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.firstRows.map((row) => (
                    <tr key={row.line}>
                      <td className="import-line">{row.line}</td>
                      <td className="import-date">{formatDate(row.date)}</td>
                      <td className="import-description" title={row.description}>
                        {row.description}
                      </td>
                      <td className="import-amount">
                        <Money cents={row.amountCents} currency={account.currencyCode} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function OfxFacts({
  data,
  ofx,
  account,
  adoptBalance,
  onAdoptBalance,
}: {
  data: ImportPreview;
  ofx: NonNullable<ImportPreview['ofx']>;
  account: AccountSummary;
  adoptBalance: boolean | null;
  onAdoptBalance: (adopt: boolean) => void;
}) {
  const { t } = useTranslation();
  const period =
    ofx.from && ofx.to
      ? t('imports.ofx.period', { from: formatDate(ofx.from), to: formatDate(ofx.to) })
      : t('imports.ofx.unknown');
  return (
    <div className="import-facts">
      <dl>
        <div>
          <dt>{t('imports.ofx.format')}</dt>
          <dd>
            {t(ofx.kind === 'creditCard' ? 'imports.ofx.card' : 'imports.ofx.bank')}{' '}
            <span className="muted">({data.encoding})</span>
          </dd>
        </div>
        <div>
          <dt>{t('imports.ofx.accountNumber')}</dt>
          <dd>{ofx.accountNumber ?? t('imports.ofx.unknown')}</dd>
        </div>
        <div>
          <dt>{t('imports.ofx.periodLabel')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('imports.ofx.closingBalance')}</dt>
          <dd>
            {ofx.ledgerBalance ? (
              <>
                <Money cents={ofx.ledgerBalance.amountCents} currency={ofx.currency} />{' '}
                <span className="muted">
                  {t('imports.ofx.balanceOn', { date: formatDate(ofx.ledgerBalance.date) })}
                </span>
              </>
            ) : (
              t('imports.ofx.unknown')
            )}
          </dd>
        </div>
      </dl>
      {adoptBalance !== null && (
        <label className="import-check">
          <input type="checkbox" checked={adoptBalance} onChange={(event) => onAdoptBalance(event.target.checked)} />
          <span>
            {t('imports.ofx.adoptBalance')}
            <span className="field-help">{t('imports.ofx.adoptBalanceHelp', { account: account.displayName })}</span>
          </span>
        </label>
      )}
    </div>
  );
}
