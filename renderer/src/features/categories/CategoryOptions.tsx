import { useTranslation } from 'react-i18next';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryOptions } from '../transactions/category-options.ts';

/** <option>s for the given categories by path ("Receitas › Consultoria"), the user's apart from Pluggy's. */
export function CategoryOptions({
  all,
  offered,
}: {
  all: readonly CategorySummary[];
  offered: (category: CategorySummary) => boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byId = new Map(all.map((category) => [category.id, category]));
  const options = categoryOptions(all, language).filter((option) => {
    const category = byId.get(option.id);
    return category !== undefined && offered(category);
  });
  return (['user', 'pluggy'] as const).map((source) => {
    const group = options.filter((option) => byId.get(option.id)?.source === source);
    return (
      group.length > 0 && (
        <optgroup key={source} label={t(`categories.sourceGroup.${source}`)}>
          {group.map((option) => (
            <option key={option.id} value={option.id}>
              {option.path}
            </option>
          ))}
        </optgroup>
      )
    );
  });
}
