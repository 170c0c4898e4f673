import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary, ReportGroup } from '../../../../electron/shared/categories.ts';
import type { CategoryGroupResult } from '../../../../electron/shared/classification.ts';
import { useCategoryGroupChange, useCategoryGroupEffect } from '../../api/queries.ts';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { groupChoices } from '../classification/group-labels.ts';
import { categoryName } from './category-tree.ts';
import { FormDialog } from './FormDialog.tsx';

/**
 * Chooses where a category's money counts in the reports (Pluggy's and the user's, archived
 * ones too), saying before it is saved how many transactions and how much money move, and
 * to which group. The same group confirms Balancete's default, so it is no longer asked about.
 */
export function ChangeGroupDialog({
  category,
  categories,
  onChanged,
  onClose,
}: {
  category: CategorySummary;
  categories: readonly CategorySummary[];
  onChanged: (result: CategoryGroupResult, group: ReportGroup) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const money = useMoneyFormatter();
  const { set } = useCategoryGroupChange();
  const [group, setGroup] = useState<ReportGroup>(category.reportGroup ?? 'nondeductible_expense');
  const subcategories = descendantsOf(category.id, categories);
  const [includeSubcategories, setIncludeSubcategories] = useState(false);
  const change = { id: category.id, reportGroup: group, ...(includeSubcategories ? { includeSubcategories } : {}) };
  const effect = useCategoryGroupEffect(change);
  const same = group === category.reportGroup && !includeSubcategories;
  const to = t(`categories.groups.${group}`);
  const name = categoryName(category, language);

  return (
    <FormDialog
      title={t('categories.groupChange.title', { name })}
      confirmLabel={t(same ? 'categories.groupChange.confirmSame' : 'categories.groupChange.confirm', {
        group: t(`classification.shortGroups.${group}`),
      })}
      change={set}
      onConfirm={() => set.mutate(change, { onSuccess: (result) => onChanged(result, group) })}
      onClose={onClose}
    >
      <fieldset className="group-choices">
        <legend>{t('categories.groupChange.group')}</legend>
        {groupChoices.map((each) => (
          <label key={each} className="group-choice">
            <input
              type="radio"
              name={`${id}-group`}
              value={each}
              checked={group === each}
              autoFocus={group === each}
              onChange={() => setGroup(each)}
            />
            <span>
              <span className="group-choice-name">
                {t(`categories.groups.${each}`)}
                {each === category.reportGroup && (
                  <span className="muted"> · {t('categories.groupChange.current')}</span>
                )}
              </span>
              <span className="group-choice-help">{t(`classification.groupHelp.${each}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {subcategories > 0 && (
        <label className="filter-check">
          <input
            type="checkbox"
            checked={includeSubcategories}
            onChange={(event) => setIncludeSubcategories(event.target.checked)}
          />
          {t('categories.groupChange.includeSubcategories', { count: subcategories })}
        </label>
      )}
      <p className="group-effect" role="status" id={`${id}-effect`}>
        {effect.data === undefined
          ? t('categories.groupChange.counting')
          : t(same ? 'categories.groupChange.effectSame' : 'categories.groupChange.effect', {
              count: effect.data.count,
              amount: money(Math.abs(effect.data.netCents)),
              to,
            })}
      </p>
      <p className="field-help">{t('categories.groupChange.ownChoicesWin')}</p>
    </FormDialog>
  );
}

/** How many categories sit under this one, at every depth. */
function descendantsOf(id: string, categories: readonly CategorySummary[]): number {
  const children = categories.filter((each) => each.parentId === id);
  return children.reduce((total, child) => total + 1 + descendantsOf(child.id, categories), 0);
}
