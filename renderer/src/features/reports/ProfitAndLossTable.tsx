import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfitAndLoss, ReportCategoryLine, ReportSection } from '../../../../electron/shared/reports.ts';
import { Money } from '../../components/Money.tsx';
import { useLineName } from './useLineName.ts';

export interface LineLinks {
  transactions: string;
  classify?: string;
}

/**
 * The DRE: each section's categories and total, then income, expenses and the result;
 * transfers and investments last, apart, as they are neither earned nor spent.
 */
export function ProfitAndLossTable({
  report,
  lineLinks,
}: {
  report: ProfitAndLoss;
  /** On screen: where each line's name leads (its transactions; a category without a group, to be classified). */
  lineLinks?: (line: ReportCategoryLine, section: ReportSection) => LineLinks;
}) {
  const { t } = useTranslation();
  const lineName = useLineName();
  const counted = report.sections.filter((section) => section.side !== null);
  const apart = report.sections.filter((section) => section.side === null);
  const sectionRows = (sections: ProfitAndLoss['sections']) =>
    sections.map((section) => (
      <tbody key={section.section} data-section={section.section}>
        <tr className="report-section-heading">
          <th scope="colgroup" colSpan={3}>
            {t(`reports.sections.${section.section}`)}
          </th>
        </tr>
        {section.lines.map((line) => {
          const links = lineLinks?.(line, section.section);
          return (
            <tr key={line.categoryId ?? ''} className="report-line">
              <th scope="row">
                {links ? <Link to={links.transactions}>{lineName(line)}</Link> : lineName(line)}
                {links?.classify && (
                  <Link className="report-line-action" to={links.classify}>
                    {t('reports.profitAndLoss.classify')}
                  </Link>
                )}
              </th>
              <td className="report-count">{line.count}</td>
              <td className="report-amount">
                <Money cents={line.cents} />
              </td>
            </tr>
          );
        })}
        <tr className="report-subtotal">
          <th scope="row">
            {t('reports.profitAndLoss.sectionTotal', { section: t(`reports.sections.${section.section}`) })}
          </th>
          <td />
          <td className="report-amount">
            <Money cents={section.totalCents} />
          </td>
        </tr>
      </tbody>
    ));
  return (
    <table className="report-table report-pnl">
      <caption className="visually-hidden">{t('reports.tabs.profit-and-loss')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.columns.category')}</th>
          <th scope="col" className="report-count">
            {t('reports.columns.count')}
          </th>
          <th scope="col" className="report-amount">
            {t('reports.columns.amount')}
          </th>
        </tr>
      </thead>
      {sectionRows(counted)}
      <tbody className="report-totals">
        <tr data-total="income">
          <th scope="row">{t('reports.profitAndLoss.income')}</th>
          <td />
          <td className="report-amount">
            <Money cents={report.incomeCents} />
          </td>
        </tr>
        <tr data-total="expense">
          <th scope="row">{t('reports.profitAndLoss.expenses')}</th>
          <td />
          <td className="report-amount">
            <Money cents={report.expenseCents} />
          </td>
        </tr>
        <tr data-total="net" className="report-grand-total">
          <th scope="row">{t('reports.profitAndLoss.net')}</th>
          <td />
          <td className="report-amount">
            <Money cents={report.netCents} />
          </td>
        </tr>
      </tbody>
      {apart.length > 0 && sectionRows(apart)}
      {apart.length > 0 && (
        <tbody className="report-totals">
          <tr data-total="not-counted">
            <th scope="row">{t('reports.profitAndLoss.notCounted')}</th>
            <td />
            <td className="report-amount">
              <Money cents={report.notCountedCents} />
            </td>
          </tr>
        </tbody>
      )}
    </table>
  );
}
