import { useTranslation } from 'react-i18next';
import type { TopCounterparty } from '../../../../electron/shared/reports.ts';
import { Money } from '../../components/Money.tsx';

/** Who paid the user most, or whom the user paid most: name, how many movements, how much. */
export function TopCounterparties({ title, list }: { title: string; list: TopCounterparty[] }) {
  const { t } = useTranslation();
  return (
    <section className="report-card report-counterparties" aria-label={title}>
      <h2>{title}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('reports.dashboard.noCounterparties')}</p>
      ) : (
        <table className="report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('reports.columns.counterparty')}</th>
              <th scope="col">{t('reports.columns.count')}</th>
              <th scope="col">{t('reports.columns.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((counterparty) => (
              <tr key={counterparty.name}>
                <th scope="row" title={counterparty.name}>
                  {counterparty.name}
                </th>
                <td className="report-count">{t('reports.movements', { count: counterparty.count })}</td>
                <td className="report-amount">
                  <Money cents={counterparty.cents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
