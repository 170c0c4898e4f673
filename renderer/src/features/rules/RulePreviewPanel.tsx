import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { RuleConditions } from '../../../../electron/shared/rules.ts';
import { useRulePreview } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';

/** Rows listed under the count: enough to recognise the matches, few enough to fit beside the form. */
const shownRows = 8;

/** What the conditions being edited match now, before the rule is saved. */
export function RulePreviewPanel({ conditions }: { conditions: RuleConditions | null }) {
  const { t } = useTranslation();
  const preview = useRulePreview(conditions);
  const data = conditions ? preview.data : undefined;
  return (
    <section className="rule-preview" aria-labelledby="rule-preview-title" aria-busy={preview.isFetching}>
      <h3 id="rule-preview-title">{t('rules.preview.title')}</h3>
      <p role="status" className="rule-preview-count">
        {!conditions
          ? t('rules.preview.incomplete')
          : data
            ? t('rules.preview.count', { count: data.count })
            : t('rules.preview.searching')}
      </p>
      {preview.isError && conditions && <ErrorNotice error={preview.error} />}
      {data && data.rows.length > 0 && (
        <table className="rule-preview-rows" aria-label={t('rules.preview.rows')}>
          <thead>
            <tr>
              <th scope="col">{t('rules.preview.date')}</th>
              <th scope="col">{t('rules.preview.description')}</th>
              <th scope="col" className="cell-amount">
                {t('rules.preview.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.slice(0, shownRows).map((row) => (
              <tr key={row.id}>
                <td>{formatDate(row.date)}</td>
                <td className="rule-preview-description">{row.description}</td>
                <td className="cell-amount">
                  <TransactionAmount amount={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.count > shownRows && (
        <p className="muted">{t('rules.preview.more', { count: data.count - shownRows })}</p>
      )}
    </section>
  );
}
