import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../electron/shared/format.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { ReportView } from './report-view.ts';

/**
 * One report's states: loading, failed, nothing in the period (with what to try instead),
 * or the report. While another period is figured the last figures stay up, marked busy.
 */
export function ReportPanel<T>({
  result,
  view,
  isEmpty,
  onLastTwelveMonths,
  children,
}: {
  result: UseQueryResult<T>;
  view: ReportView;
  /** Whether the period has nothing to report; a report that is meaningful at zero leaves it out. */
  isEmpty?: (data: T) => boolean;
  /** Offered when the period is empty, unless it already is the last 12 months. */
  onLastTwelveMonths?: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (result.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (result.isError) return <ErrorNotice error={result.error} onRetry={() => void result.refetch()} />;
  const period = { from: formatDate(view.from), to: formatDate(view.to) };
  return (
    <div className="report-body" aria-busy={result.isPlaceholderData || result.isFetching}>
      {isEmpty?.(result.data) ? (
        <div className="empty-state report-empty">
          <h2>{t('reports.empty.title')}</h2>
          {view.businessOnly ? (
            <p>
              {t('reports.empty.business', period)} <Link to="/transactions">{t('reports.empty.markBusiness')}</Link>
            </p>
          ) : (
            <p>{t('reports.empty.body', period)}</p>
          )}
          {onLastTwelveMonths && (
            <button type="button" onClick={onLastTwelveMonths}>
              {t('reports.empty.lastTwelveMonths')}
            </button>
          )}
        </div>
      ) : (
        children(result.data)
      )}
    </div>
  );
}
