import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryRename, CategorySummary } from '../../../../electron/shared/categories.ts';
import type { Language } from '../../../../electron/shared/models.ts';
import { useCategoryChange } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryName } from './category-tree.ts';
import { CategoryNameField } from './CategoryNameField.tsx';
import { FormDialog } from './FormDialog.tsx';

/**
 * A new name for one of the user's categories. One named alike in both languages (as the
 * user creates them) takes the new name in both; one with a name per language (the
 * preset's) changes only in the language shown.
 */
export function RenameCategoryDialog({ category, onClose }: { category: CategorySummary; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rename = useCategoryChange('categories:rename');
  const current = categoryName(category, language);
  const [name, setName] = useState(current);
  return (
    <FormDialog
      title={t('categories.rename.title', { name: current })}
      confirmLabel={t('categories.rename.confirm')}
      change={rename}
      onConfirm={() => rename.mutate(renameInput(category, name, language), { onSuccess: onClose })}
      onClose={onClose}
    >
      <CategoryNameField label={t('categories.rename.name')} value={name} selectOnFocus onChange={setName} />
    </FormDialog>
  );
}

function renameInput(category: CategorySummary, name: string, language: Language): CategoryRename {
  if (category.namePt === category.nameEn) return { id: category.id, name };
  return language === 'en'
    ? { id: category.id, name: category.namePt, nameEn: name }
    : { id: category.id, name, nameEn: category.nameEn };
}
