import { useCallback, useMemo } from 'react';
import { categoryLabels } from '../../../../electron/shared/category-labels.ts';
import type { ReportCategoryLine } from '../../../../electron/shared/reports.ts';
import { useCategories } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * A report line's name in the user's language, as the files name its category: a
 * subcategory under its parent's ("Moradia › Aluguel"), and never two alike (see
 * category-labels.ts). Money without a category, or in one the books do not hold, goes by
 * the line's own name.
 */
export function useLineName(): (line: Pick<ReportCategoryLine, 'categoryId' | 'namePt' | 'nameEn'>) => string {
  const language = useLanguage();
  const categories = useCategories();
  const labels = useMemo(() => categoryLabels(categories.data ?? [], language), [categories.data, language]);
  return useCallback(
    (line) =>
      (line.categoryId === null ? undefined : labels.get(line.categoryId)) ??
      (language === 'en' ? line.nameEn : line.namePt),
    [labels, language],
  );
}
