import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/shared/reports.ts';
import { Money } from '../../components/Money.tsx';
import { BalanceChart } from './BalanceChart.tsx';
import { MonthlyChart } from './MonthlyChart.tsx';
import type { ReportView } from './report-view.ts';
import { SpendingChart } from './SpendingChart.tsx';
import { TopCounterparties } from './TopCounterparties.tsx';

/** Nothing earned or spent: the dashboard would be flat lines and empty lists. */
export function isDashboardEmpty(dashboard: Dashboard): boolean {
  return (
    dashboard.months.every((month) => month.incomeCents === 0 && month.expenseCents === 0) &&
    dashboard.topPayers.length === 0 &&
    dashboard.topPayees.length === 0
  );
}

/** The period at a glance: its totals, then the charts, then who the money came from and went to. */
export function DashboardView({ dashboard, view }: { dashboard: Dashboard; view: ReportView }) {
  const { t } = useTranslation();
  const sum = (pick: (month: Dashboard['months'][number]) => number) =>
    dashboard.months.reduce((total, month) => total + pick(month), 0);
  const totals = [
    { key: 'income', label: t('reports.dashboard.income'), cents: sum((month) => month.incomeCents) },
    { key: 'expenses', label: t('reports.dashboard.expenses'), cents: sum((month) => month.expenseCents) },
    { key: 'net', label: t('reports.dashboard.net'), cents: sum((month) => month.netCents) },
  ];
  return (
    <div className="report-dashboard">
      <dl className="totals" aria-label={t('reports.dashboard.totals')}>
        {totals.map((total) => (
          <div className={total.key === 'net' ? 'total total-main' : 'total'} key={total.key}>
            <dt>{total.label}</dt>
            <dd>
              <Money cents={total.cents} />
            </dd>
          </div>
        ))}
      </dl>
      <MonthlyChart months={dashboard.months} />
      <SpendingChart spending={dashboard.spending} view={view} />
      <BalanceChart balances={dashboard.balances} />
      <div className="report-pair">
        <TopCounterparties title={t('reports.dashboard.topPayers')} list={dashboard.topPayers} />
        <TopCounterparties title={t('reports.dashboard.topPayees')} list={dashboard.topPayees} />
      </div>
    </div>
  );
}
