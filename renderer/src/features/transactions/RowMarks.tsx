import { useTranslation } from 'react-i18next';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import '../own-entries/own-entries.css';

/** Tags shown in a row before the rest are counted ("+2"): the row has room for little. */
const shownTags = 2;

/**
 * A row's business/personal and deductible marks and its tags, from the row itself (no
 * query per row), so the flags are seen at a glance while scrolling; and whether the user
 * entered or imported it (not the bank's), which only the user changes.
 */
export function RowMarks({ row }: { row: TransactionRow }) {
  const { t } = useTranslation();
  const hidden = row.tags.length - shownTags;
  // A transfer's side is named as such; another row the user entered or imported, by its origin.
  const own =
    row.transferId !== null ? 'transfer' : row.origin === 'manual' || row.origin === 'import' ? row.origin : null;
  return (
    <>
      {own && (
        <span className="badge badge-own" title={t(`transactions.origin.${own}Help`)}>
          {t(`transactions.origin.${own}`)}
        </span>
      )}
      {row.tags.length > 0 && (
        <span className="row-tags" title={row.tags.join(', ')}>
          {row.tags.slice(0, shownTags).map((tag) => (
            <span key={tag} className="row-tag">
              #{tag}
            </span>
          ))}
          {hidden > 0 && <span className="row-tag">+{hidden}</span>}
        </span>
      )}
      {row.usage && <span className={`badge badge-${row.usage}`}>{t(`transactions.details.marks.${row.usage}`)}</span>}
      {row.deductible && (
        <span className="badge badge-deductible" title={t('transactions.details.deductible')}>
          {t('transactions.details.marks.deductible')}
        </span>
      )}
    </>
  );
}
