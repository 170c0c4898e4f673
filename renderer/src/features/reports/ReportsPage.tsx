import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { bookkeepingDate } from '../../../../electron/shared/format.ts';
import { useReport } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { ReviewBanner } from '../classification/ReviewBanner.tsx';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { CashFlowTable } from './CashFlowTable.tsx';
import { DashboardView, isDashboardEmpty } from './DashboardView.tsx';
import { LivroCaixaTable } from './LivroCaixaTable.tsx';
import { ProfitAndLossTable } from './ProfitAndLossTable.tsx';
import { ReportControls } from './ReportControls.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { ReportTabs } from './ReportTabs.tsx';
import {
  matchingPeriod,
  presetRange,
  readReportView,
  reportQuery,
  transactionsLink,
  type ReportView,
  writeReportView,
} from './report-view.ts';
import './reports.css';

/**
 * Reports (issue 8): the dashboard, the DRE, the livro-caixa and the cash flow for a period,
 * all read from the same query layer as the exports. The period, the business-only switch
 * and the tab live in the address.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = bookkeepingDate(new Date());
  const view = readReportView(params, today);
  const [exporting, setExporting] = useState(false);
  const change = (patch: Partial<ReportView>, options?: { replace?: boolean }) =>
    setParams(writeReportView({ ...view, ...patch }), options);
  const lastTwelveMonths =
    matchingPeriod(view, today) === 'last-12' ? undefined : () => change(presetRange('last-12', today));
  return (
    <Page
      name="reports"
      title={t('reports.title')}
      subtitle={t('reports.subtitle')}
      actions={
        <button type="button" onClick={() => setExporting(true)}>
          {t('exports.open')}
        </button>
      }
    >
      {exporting && (
        // The period's report, or its transactions, DRE and livro-caixa: what this screen shows, as files.
        <ExportDialog
          initial="pdf"
          report={reportQuery(view)}
          filters={{ from: view.from, to: view.to, ...(view.businessOnly ? { usage: 'business' as const } : {}) }}
          onClose={() => setExporting(false)}
        />
      )}
      <ReviewBanner />
      <ReportControls view={view} today={today} onChange={change} />
      <ReportTabs tab={view.tab} onChange={(tab) => change({ tab })}>
        {view.tab === 'dashboard' && <DashboardTab view={view} onLastTwelveMonths={lastTwelveMonths} />}
        {view.tab === 'profit-and-loss' && <ProfitAndLossTab view={view} onLastTwelveMonths={lastTwelveMonths} />}
        {view.tab === 'livro-caixa' && <LivroCaixaTab view={view} />}
        {view.tab === 'cash-flow' && <CashFlowTab view={view} onLastTwelveMonths={lastTwelveMonths} />}
      </ReportTabs>
    </Page>
  );
}

interface TabProps {
  view: ReportView;
  onLastTwelveMonths?: () => void;
}

function DashboardTab({ view, onLastTwelveMonths }: TabProps) {
  const result = useReport('reports:dashboard', reportQuery(view));
  return (
    <ReportPanel result={result} view={view} isEmpty={isDashboardEmpty} onLastTwelveMonths={onLastTwelveMonths}>
      {(dashboard) => <DashboardView dashboard={dashboard} view={view} />}
    </ReportPanel>
  );
}

function ProfitAndLossTab({ view, onLastTwelveMonths }: TabProps) {
  const result = useReport('reports:profit-and-loss', reportQuery(view));
  return (
    <ReportPanel
      result={result}
      view={view}
      isEmpty={(report) => report.sections.length === 0}
      onLastTwelveMonths={onLastTwelveMonths}
    >
      {(report) => (
        <ProfitAndLossTable
          report={report}
          lineLinks={(line, section) => ({
            transactions: transactionsLink(view, line.categoryId, section === 'unclassified_income' ? 'in' : 'out'),
            // A category the books hold without a group: its money waits for one.
            ...(line.categoryId !== null && line.reportGroup === null ? { classify: '/classification' } : {}),
          })}
        />
      )}
    </ReportPanel>
  );
}

function LivroCaixaTab({ view }: TabProps) {
  const result = useReport('reports:livro-caixa', reportQuery(view));
  return (
    // Months of zeros are still the livro-caixa: the Carnê-Leão wants them too.
    <ReportPanel result={result} view={view}>
      {(report) => <LivroCaixaTable report={report} />}
    </ReportPanel>
  );
}

function CashFlowTab({ view, onLastTwelveMonths }: TabProps) {
  const result = useReport('reports:cash-flow', reportQuery(view));
  return (
    <ReportPanel
      result={result}
      view={view}
      isEmpty={(report) => report.accounts.length === 0}
      onLastTwelveMonths={onLastTwelveMonths}
    >
      {(report) => <CashFlowTable report={report} />}
    </ReportPanel>
  );
}
