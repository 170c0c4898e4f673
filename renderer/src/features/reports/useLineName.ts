import { useCallback } from 'react';
import type { ReportCategoryLine } from '../../../../electron/shared/reports.ts';
import { useCategories } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** A report line's name in the user's language, a subcategory under its parent's ("Moradia › Aluguel"). */
export function useLineName(): (line: Pick<ReportCategoryLine, 'parentId' | 'namePt' | 'nameEn'>) => string {
  const language = useLanguage();
  const categories = useCategories();
  return useCallback(
    (line) => {
      const own = language === 'en' ? line.nameEn : line.namePt;
      const parent = line.parentId ? categories.data?.find((category) => category.id === line.parentId) : undefined;
      if (!parent) return own;
      return `${language === 'en' ? parent.nameEn : parent.namePt} › ${own}`;
    },
    [language, categories.data],
  );
}
