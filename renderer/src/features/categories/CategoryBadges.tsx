import { useTranslation } from 'react-i18next';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';

/** Where a category counts in the reports, whose it is, and whether it is archived. */
export function CategoryBadges({
  id,
  category,
  showGroup = true,
}: {
  id: string;
  category: CategorySummary;
  /** Off where the group has a line of its own (the details). */
  showGroup?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span id={id} className="category-badges">
      {showGroup && <CategoryGroup group={category.reportGroup} />}
      <span className="badge category-source" data-source={category.source}>
        {t(`categories.source.${category.source}`)}
      </span>
      {category.archived && <span className="badge category-archived">{t('categories.archived')}</span>}
    </span>
  );
}

/** A category's report group, coloured by kind ("Sem grupo" without one). */
export function CategoryGroup({ group }: { group: CategorySummary['reportGroup'] }) {
  const { t } = useTranslation();
  return (
    <span className="category-group" data-group={group ?? 'none'}>
      {t(`categories.groups.${group ?? 'none'}`)}
    </span>
  );
}
