import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary, ReportGroup } from '../../../../electron/shared/categories.ts';
import { useCategoryChange } from '../../api/queries.ts';
import { groupChoices } from '../classification/group-labels.ts';
import { CategoryChoiceField } from './CategoryChoiceField.tsx';
import { CategoryNameField } from './CategoryNameField.tsx';
import { FormDialog } from './FormDialog.tsx';

/** A new category of the user's: its name, the top-level category it sits under (if any) and its report group. */
export function CreateCategoryDialog({
  categories,
  parentId: initialParent,
  onCreated,
  onClose,
}: {
  categories: readonly CategorySummary[];
  parentId: string | null;
  onCreated: (category: CategorySummary) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCategoryChange('categories:create');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState(initialParent ?? '');
  const [group, setGroup] = useState<ReportGroup | ''>('');
  return (
    <FormDialog
      title={t('categories.create.title')}
      confirmLabel={t('categories.create.confirm')}
      change={create}
      onConfirm={() =>
        create.mutate(
          { name, ...(parentId ? { parentId } : {}), ...(group ? { reportGroup: group } : {}) },
          { onSuccess: onCreated },
        )
      }
      onClose={onClose}
    >
      <CategoryNameField label={t('categories.create.name')} value={name} onChange={setName} />
      <div className="field">
        {/* The tree has two levels for the user's categories: only a top-level one takes children. */}
        <CategoryChoiceField
          all={categories}
          offered={(category) => !category.archived && category.parentId === null}
          value={parentId}
          onChange={setParentId}
          label={t('categories.create.parent')}
          placeholder={t('categories.create.parentNone')}
          extras={[{ id: '', label: t('categories.create.parentNone') }]}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('categories.create.group')}</label>
        {/* Every category counts somewhere: a subcategory in its parent's group unless told, a top-level one as chosen. */}
        <select
          id={`${id}-group`}
          value={group}
          required={!parentId}
          aria-describedby={`${id}-group-help`}
          onChange={(event) => setGroup(event.target.value as ReportGroup | '')}
        >
          <option value="">
            {parentId ? t('categories.create.groupInherit') : t('categories.create.groupChoose')}
          </option>
          {groupChoices.map((each) => (
            <option key={each} value={each}>
              {t(`categories.groups.${each}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-group-help`} className="field-help">
          {t('categories.create.groupHelp')}
        </p>
      </div>
    </FormDialog>
  );
}
