import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../electron/shared/reports.ts';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { accountText } from '../../components/AccountName.tsx';
import { accountStroke, chartColours, formatCompactMoney, monthTooltip, formatShortMonth } from './chart-format.ts';
import { ChartFigure } from './ChartFigure.tsx';

/**
 * Each account's balance at the end of each month, and their total as the heavier line:
 * each account in a colour of its own, named in the legend as everywhere.
 */
export function BalanceChart({ balances }: { balances: Dashboard['balances'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoneyFormatter();
  // Series keyed by position: account ids may hold dots, which recharts reads as paths.
  const rows = balances.months.map((month) => ({
    month: month.month,
    total: month.totalCents,
    ...Object.fromEntries(
      balances.accounts.map((account, index) => [
        `account${index}`,
        month.balances.find((balance) => balance.accountId === account.accountId)?.cents ?? 0,
      ]),
    ),
  }));
  const first = balances.months[0];
  const last = balances.months.at(-1);
  const summary =
    first && last
      ? t('reports.dashboard.balanceSummary', {
          count: balances.accounts.length,
          from: formatShortMonth(first.month, language),
          to: formatShortMonth(last.month, language),
          start: money(first.totalCents),
          end: money(last.totalCents),
        })
      : '';
  return (
    <ChartFigure
      title={t('reports.dashboard.balances')}
      summary={summary}
      chart={
        // Taller with more accounts: the legend below takes a line for every two or three of them.
        <ResponsiveContainer width="100%" height={240 + 20 * Math.max(3, balances.accounts.length)}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={chartColours.grid} />
            <XAxis dataKey="month" tickFormatter={(month: string) => formatShortMonth(month, language)} />
            <YAxis width={84} tickFormatter={(cents: number) => formatCompactMoney(cents, language)} />
            <Tooltip
              {...monthTooltip(language, money, [...balances.accounts.map((_, index) => `account${index}`), 'total'])}
              cursor={{ stroke: chartColours.grid }}
            />
            <Legend itemSorter={null} formatter={(name) => <span className="report-legend">{name}</span>} />
            {balances.accounts.map((account, index) => (
              <Line
                key={account.accountId}
                dataKey={`account${index}`}
                // Named as everywhere, unique among the accounts (a disconnected one marked).
                name={accountText(t, account)}
                {...accountStroke(index)}
                strokeWidth={1.5}
                dot={false}
                activeDot={{ stroke: chartColours.dotFill }}
                isAnimationActive={false}
              />
            ))}
            <Line
              dataKey="total"
              name={t('reports.dashboard.total')}
              stroke={chartColours.total}
              strokeWidth={3}
              dot={false}
              activeDot={{ stroke: chartColours.dotFill }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}
