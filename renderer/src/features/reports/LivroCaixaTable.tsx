import { useTranslation } from 'react-i18next';
import type { LivroCaixa } from '../../../../electron/shared/reports.ts';
import { Money } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { formatShortMonth } from './chart-format.ts';

const columns = [
  'incomeCents',
  'deductibleCents',
  'carriedInCents',
  'deductionUsedCents',
  'carriedOutCents',
  'lapsedCents',
  'taxableBaseCents',
] as const;

/** The months' columns the year's totals add up; carried amounts move between months and have none. */
const totalled = new Set<string>([
  'incomeCents',
  'deductibleCents',
  'deductionUsedCents',
  'lapsedCents',
  'taxableBaseCents',
]);

/** The livro-caixa month by month, as kept for the Carnê-Leão, with the period's totals. */
export function LivroCaixaTable({ report }: { report: LivroCaixa }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p className="muted report-note">{t('reports.livroCaixa.rule')}</p>
      <p className="muted report-note">{t('reports.livroCaixa.incomeNote')}</p>
      <table className="report-table report-livro-caixa">
        <caption className="visually-hidden">{t('reports.tabs.livro-caixa')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.month')}</th>
            {columns.map((column) => (
              <th scope="col" className="report-amount" key={column}>
                {t(`reports.livroCaixa.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.months.map((month) => (
            <tr key={month.month} data-month={month.month}>
              <th scope="row">{formatShortMonth(month.month, language)}</th>
              {columns.map((column) => (
                <td className="report-amount" key={column} data-column={column}>
                  <Money cents={month[column]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="report-grand-total">
            <th scope="row">{t('reports.columns.total')}</th>
            {columns.map((column) => (
              <td className="report-amount" key={column} data-column={column}>
                {totalled.has(column) && <Money cents={report.totals[column as keyof LivroCaixa['totals']]} />}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </>
  );
}
