import { useTranslation } from 'react-i18next';
import type { CategoryOption } from './category-options.ts';
import { CategorySelect } from './CategorySelect.tsx';

/** Shown while rows are selected: one category for all of them, or drop the selection. */
export function BulkBar({
  count,
  options,
  onCategorize,
  onClear,
}: {
  count: number;
  options: readonly CategoryOption[];
  onCategorize: (categoryId: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="bulk-bar" role="region" aria-label={t('transactions.bulk.selected', { count })}>
      <span>{t('transactions.bulk.selected', { count })}</span>
      <CategorySelect
        options={options}
        value={null}
        label={t('transactions.picker.label')}
        placeholder={t('transactions.bulk.categorize', { count })}
        action={t('transactions.bulk.categorize', { count })}
        onChange={onCategorize}
      />
      <button type="button" onClick={onClear}>
        {t('transactions.bulk.clear')}
      </button>
    </div>
  );
}
