import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { useCategoryChange, useCategoryUsage } from '../../api/queries.ts';
import { declined, isReconciledRefusal, useReconciledConfirmation } from '../../components/ReconciledConfirm.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { CategoryChoiceField } from './CategoryChoiceField.tsx';
import { categoryName } from './category-tree.ts';
import { FormDialog } from './FormDialog.tsx';

/**
 * Merges one of the user's categories into another, after saying in plain words what moves.
 * Targets the backend would refuse (itself, its own subcategories, archived ones, and a
 * subcategory when there are subcategories to take in) are not offered.
 */
export function MergeCategoryDialog({
  category,
  categories,
  onMerged,
  onClose,
}: {
  category: CategorySummary;
  categories: readonly CategorySummary[];
  onMerged: (into: CategorySummary) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const merge = useCategoryChange('categories:merge');
  // Reconciled transactions in the category change too: asked first, like any edit of them.
  const { withConfirmation, dialog: confirmDialog } = useReconciledConfirmation();
  const usage = useCategoryUsage(category.id);
  const [into, setInto] = useState('');
  const name = categoryName(category, language);
  const children = categories.filter((each) => each.parentId === category.id);
  const target = categories.find((each) => each.id === into);
  const targetName = target ? categoryName(target, language) : t('categories.merge.theTarget');
  const offered = (each: CategorySummary) =>
    !each.archived &&
    each.id !== category.id &&
    each.parentId !== category.id &&
    (children.length === 0 || each.parentId === null);

  return (
    <>
      <FormDialog
        title={t('categories.merge.title', { name })}
        confirmLabel={t('categories.merge.confirm')}
        danger
        confirmDisabled={!into}
        // The reconciled-transactions refusal is a question (asked above), not a failure to show.
        change={{ isPending: merge.isPending, error: isReconciledRefusal(merge.error) ? null : merge.error }}
        onConfirm={() =>
          void withConfirmation('bulk', (confirmation) =>
            merge.mutateAsync({ from: category.id, into, ...confirmation }),
          ).then(
            (merged) => (merged === declined ? merge.reset() : onMerged(merged)),
            () => {},
          )
        }
        onClose={onClose}
      >
        <div className="field">
          {/* The chip is the dialog's first control: the dialog opens on it. */}
          <CategoryChoiceField
            all={categories}
            offered={offered}
            value={into || null}
            onChange={setInto}
            label={t('categories.merge.target')}
            placeholder={t('categories.merge.choose')}
            describedBy={children.length > 0 ? `${id}-target-help` : undefined}
          />
          {children.length > 0 && (
            <p id={`${id}-target-help`} className="field-help">
              {t('categories.merge.topLevelOnly', { name })}
            </p>
          )}
        </div>
        <p>{t('categories.merge.what')}</p>
        <ul className="merge-effects">
          <li>
            {usage.data === undefined
              ? t('categories.merge.transactionsUnknown', { target: targetName })
              : t('categories.merge.transactions', { count: usage.data, target: targetName })}
          </li>
          <li>{t('categories.merge.splits', { target: targetName })}</li>
          <li>{t('categories.merge.rules', { name, target: targetName })}</li>
          {children.length > 0 && (
            <li>{t('categories.merge.subcategories', { count: children.length, target: targetName })}</li>
          )}
          <li>{t('categories.merge.archived', { name })}</li>
        </ul>
        <p className="field-help">{t('categories.merge.noUndo')}</p>
      </FormDialog>
      {confirmDialog}
    </>
  );
}
