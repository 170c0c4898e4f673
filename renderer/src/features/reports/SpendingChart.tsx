import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Bar, CartesianGrid, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCategoryLine } from '../../../../electron/shared/reports.ts';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { chartColours, formatCompactMoney, tooltipStyle } from './chart-format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { type ReportView, transactionsLink } from './report-view.ts';
import { useLineName } from './useLineName.ts';

/** How many categories get a bar; the table beside it lists them all. */
const barCount = 8;
/** Longer names are cut on the axis (the tooltip and the table give them whole). */
const axisNameLength = 22;

/**
 * Where the money went, biggest first: bars for the largest categories and a table of
 * every one. A bar or a name opens Transactions on that category and period.
 */
export function SpendingChart({ spending, view }: { spending: ReportCategoryLine[]; view: ReportView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoneyFormatter();
  const navigate = useNavigate();
  const lineName = useLineName();
  const total = spending.reduce((sum, line) => sum + line.cents, 0);
  const share = (line: ReportCategoryLine) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'pt-BR', { style: 'percent', maximumFractionDigits: 0 }).format(
      total === 0 ? 0 : line.cents / total,
    );
  const rows = spending.slice(0, barCount).map((line) => ({ name: lineName(line), spent: -line.cents, line }));
  const top = spending[0];
  const summary = top
    ? t('reports.dashboard.spendingSummary', {
        total: money(-total),
        count: spending.length,
        top: lineName(top),
        amount: money(-top.cents),
        share: share(top),
      })
    : t('reports.dashboard.noSpending');
  return (
    <ChartFigure
      title={t('reports.dashboard.spending')}
      summary={summary}
      className="report-spending"
      chart={
        rows.length > 0 && (
          <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 36 + 40)}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} stroke={chartColours.grid} />
              <XAxis type="number" tickFormatter={(cents: number) => formatCompactMoney(cents, language)} />
              <YAxis
                type="category"
                dataKey="name"
                width={170}
                tickFormatter={(name: string) =>
                  name.length > axisNameLength ? `${name.slice(0, axisNameLength - 1)}…` : name
                }
              />
              <Tooltip
                formatter={(value) => [money(Number(value)), t('reports.dashboard.spent')]}
                {...tooltipStyle}
                cursor={{ fill: chartColours.cursor }}
              />
              <Bar
                dataKey="spent"
                fill={chartColours.expense}
                isAnimationActive={false}
                maxBarSize={24}
                cursor="pointer"
                onClick={(_bar, index) => {
                  const row = rows[index];
                  if (row) void navigate(transactionsLink(view, row.line.categoryId));
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        )
      }
    >
      <div className="report-spending-table">
        <table className="report-table">
          <caption className="visually-hidden">{t('reports.dashboard.spendingTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.category')}</th>
              <th scope="col" className="report-amount">
                {t('reports.dashboard.spent')}
              </th>
              <th scope="col" className="report-amount">
                {t('reports.columns.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spending.map((line) => (
              <tr key={line.categoryId ?? ''}>
                <th scope="row">
                  <Link to={transactionsLink(view, line.categoryId)}>{lineName(line)}</Link>
                </th>
                <td className="report-amount">
                  <Money cents={-line.cents} />
                </td>
                <td className="report-amount">{share(line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFigure>
  );
}
