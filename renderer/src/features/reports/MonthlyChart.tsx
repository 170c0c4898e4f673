import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardMonth } from '../../../../electron/shared/reports.ts';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { chartColours, monthTooltip, formatCompactMoney, formatShortMonth } from './chart-format.ts';
import { ChartFigure } from './ChartFigure.tsx';

/** Income and expenses side by side each month (expenses as a size), and the month's net as a line. */
export function MonthlyChart({ months }: { months: DashboardMonth[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoneyFormatter();
  const rows = months.map((month) => ({
    month: month.month,
    income: month.incomeCents,
    expense: -month.expenseCents,
    net: month.netCents,
  }));
  const sum = (pick: (month: DashboardMonth) => number) => months.reduce((total, month) => total + pick(month), 0);
  const first = months[0];
  const last = months.at(-1);
  const summary =
    first && last
      ? t('reports.dashboard.monthlySummary', {
          from: formatShortMonth(first.month, language),
          to: formatShortMonth(last.month, language),
          income: money(sum((month) => month.incomeCents)),
          expenses: money(-sum((month) => month.expenseCents)),
          net: money(sum((month) => month.netCents)),
        })
      : '';
  return (
    <ChartFigure
      title={t('reports.dashboard.monthly')}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={chartColours.grid} />
            <XAxis dataKey="month" tickFormatter={(month: string) => formatShortMonth(month, language)} />
            <YAxis width={84} tickFormatter={(cents: number) => formatCompactMoney(cents, language)} />
            <Tooltip
              {...monthTooltip(language, money, ['income', 'expense', 'net'])}
              cursor={{ fill: chartColours.cursor }}
            />
            <Legend itemSorter={null} formatter={(name) => <span className="report-legend">{name}</span>} />
            <Bar
              dataKey="income"
              name={t('reports.dashboard.income')}
              fill={chartColours.income}
              isAnimationActive={false}
              maxBarSize={36}
            />
            <Bar
              dataKey="expense"
              name={t('reports.dashboard.expenses')}
              fill={chartColours.expense}
              isAnimationActive={false}
              maxBarSize={36}
            />
            <Line
              dataKey="net"
              name={t('reports.dashboard.net')}
              stroke={chartColours.total}
              strokeWidth={2}
              dot={{ r: 3, fill: chartColours.dotFill }}
              activeDot={{ stroke: chartColours.dotFill }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
    />
  );
}
