import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../../electron/shared/format.ts';
import type { ReportQuery } from '../../../../../electron/shared/reports.ts';
import { useCategories, useReport, useReportOwner } from '../../../api/queries.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { CashFlowTable } from '../CashFlowTable.tsx';
import { DashboardView, isDashboardEmpty } from '../DashboardView.tsx';
import { LivroCaixaTable } from '../LivroCaixaTable.tsx';
import { ProfitAndLossTable } from '../ProfitAndLossTable.tsx';
import { OwnerBlock } from './OwnerBlock.tsx';
import { useReportPageState } from './useReportPageState.ts';
import '../reports.css';
import './report-document.css';

/**
 * The accountant's report of a period, for A4 paper: whose books and for when, the
 * period's totals and charts, then the DRE, the livro-caixa and the cash flow, each from
 * the same query layer as the screens and the other exports. It tells the report printer
 * when everything has been drawn (or could not be read) through `data-report-state`.
 */
export function ReportDocument({ query }: { query: ReportQuery | null }) {
  if (!query) return <Failed error={null} />;
  return <ReportOf query={query} />;
}

function ReportOf({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const owner = useReportOwner();
  const dashboard = useReport('reports:dashboard', query);
  const profitAndLoss = useReport('reports:profit-and-loss', query);
  const livroCaixa = useReport('reports:livro-caixa', query);
  const cashFlow = useReport('reports:cash-flow', query);
  // The categories name the DRE's and the spending's lines (useLineName): printed before they
  // are in, a subcategory would go without its parent.
  const categories = useCategories();
  const results: UseQueryResult[] = [owner, dashboard, profitAndLoss, livroCaixa, cashFlow, categories];
  const failure = results.find((result) => result.isError)?.error;
  const [generatedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useReportPageState(failure ? 'failed' : results.every((result) => result.isSuccess) ? 'drawn' : 'loading');

  if (failure) return <Failed error={failure} />;
  if (!owner.data || !dashboard.data || !profitAndLoss.data || !livroCaixa.data || !cashFlow.data) {
    return <p className="muted">{t('common.loading')}</p>;
  }
  const view = { from: query.from, to: query.to, businessOnly: query.businessOnly ?? false, tab: 'dashboard' as const };
  return (
    <article className="report-document">
      <header className="report-document-header">
        <p className="report-document-brand">Balancete</p>
        <h1>{t('reports.document.title')}</h1>
        <dl className="report-document-facts">
          <OwnerBlock owner={owner.data} />
          <div>
            <dt>{t('reports.document.period')}</dt>
            <dd>{t('reports.document.periodValue', { from: formatDate(query.from), to: formatDate(query.to) })}</dd>
          </div>
          <div>
            <dt>{t('reports.document.scope')}</dt>
            <dd>{query.businessOnly ? t('reports.document.businessOnly') : t('reports.document.everything')}</dd>
          </div>
          <div>
            <dt>{t('reports.document.generated')}</dt>
            <dd>{formatDateTime(generatedAt, language)}</dd>
          </div>
        </dl>
      </header>
      <section className="report-document-section" aria-labelledby="report-document-dashboard">
        <h2 id="report-document-dashboard">{t('reports.document.summary')}</h2>
        {isDashboardEmpty(dashboard.data) ? (
          <p>{t('reports.document.nothing')}</p>
        ) : (
          <DashboardView dashboard={dashboard.data} view={view} />
        )}
      </section>
      <section className="report-document-section report-document-new-page" aria-labelledby="report-document-dre">
        <h2 id="report-document-dre">{t('reports.document.profitAndLoss')}</h2>
        <ProfitAndLossTable report={profitAndLoss.data} />
      </section>
      <section className="report-document-section" aria-labelledby="report-document-lc">
        <h2 id="report-document-lc">{t('reports.tabs.livro-caixa')}</h2>
        <LivroCaixaTable report={livroCaixa.data} />
      </section>
      <section className="report-document-section" aria-labelledby="report-document-cash-flow">
        <h2 id="report-document-cash-flow">{t('reports.tabs.cash-flow')}</h2>
        <CashFlowTable report={cashFlow.data} />
      </section>
    </article>
  );
}

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useReportPageState('failed');
  return error ? <ErrorNotice error={error} /> : <p role="alert">{t('reports.document.badAddress')}</p>;
}
