import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryPicker } from './CategoryPicker.tsx';
import type { CategoryOption } from './category-options.ts';

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
  const [picking, setPicking] = useState(false);
  return (
    <div className="bulk-bar" role="region" aria-label={t('transactions.bulk.selected', { count })}>
      <span>{t('transactions.bulk.selected', { count })}</span>
      {picking ? (
        <CategoryPicker
          options={options}
          onPick={(categoryId) => {
            setPicking(false);
            onCategorize(categoryId);
          }}
          onClose={() => setPicking(false)}
          onDismiss={() => setPicking(false)}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setPicking(true)}>
          {t('transactions.bulk.categorize', { count })}
        </button>
      )}
      <button type="button" onClick={onClear}>
        {t('transactions.bulk.clear')}
      </button>
    </div>
  );
}
