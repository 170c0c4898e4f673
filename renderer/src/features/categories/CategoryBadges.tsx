import { useTranslation } from 'react-i18next';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';

/** Where a category counts in the reports, whose it is, and whether it is archived. */
export function CategoryBadges({ id, category }: { id: string; category: CategorySummary }) {
  const { t } = useTranslation();
  return (
    <span id={id} className="category-badges">
      <span className="category-group" data-group={category.reportGroup ?? 'none'}>
        {t(`categories.groups.${category.reportGroup ?? 'none'}`)}
      </span>
      <span className="badge category-source" data-source={category.source}>
        {t(`categories.source.${category.source}`)}
      </span>
      {category.archived && <span className="badge category-archived">{t('categories.archived')}</span>}
    </span>
  );
}
