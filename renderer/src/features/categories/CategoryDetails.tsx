import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { useCategoryUsage } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryTransactionsLink } from '../transactions/view-state.ts';
import { categoryName } from './category-tree.ts';
import { CategoryBadges, CategoryGroup } from './CategoryBadges.tsx';

export type CategoryAction = 'rename' | 'add-child' | 'merge' | 'archive' | 'group';

/** The chosen category: where it counts, how many transactions use it, and what can be done with it. */
export function CategoryDetails({
  category,
  parent,
  archiving,
  onAction,
}: {
  category: CategorySummary;
  parent: CategorySummary | undefined;
  archiving: boolean;
  onAction: (action: CategoryAction) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hintId = useId();
  const usage = useCategoryUsage(category.id);
  const name = categoryName(category, language);
  const pluggy = category.source === 'pluggy';
  // Pluggy's names stay Pluggy's: the buttons stay in view, explained, rather than vanish.
  const readOnly = pluggy
    ? { 'aria-disabled': true, 'aria-describedby': hintId, title: t('categories.pluggyHint') }
    : {};
  return (
    <section className="category-details" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`}>{name}</h2>
      <CategoryBadges id={`${hintId}-badges`} category={category} showGroup={false} />
      <dl>
        {parent && (
          <>
            <dt>{t('categories.details.parent')}</dt>
            <dd>{categoryName(parent, language)}</dd>
          </>
        )}
        <dt>{t('categories.details.group')}</dt>
        <dd className="category-group-line">
          <CategoryGroup group={category.reportGroup} />
          <button type="button" className="link-button" onClick={() => onAction('group')}>
            {category.review ? t('categories.groupChange.decide') : t('categories.groupChange.action')}
          </button>
        </dd>
        <dt>{t('categories.details.source')}</dt>
        <dd>{t(`categories.sourceLong.${category.source}`)}</dd>
        <dt>{t('categories.details.transactions')}</dt>
        <dd>
          {usage.data === undefined ? (
            '…'
          ) : (
            <>
              {t('categories.details.count', { count: usage.data })}
              {usage.data > 0 && (
                <>
                  {' · '}
                  <Link to={categoryTransactionsLink(category.id)}>{t('categories.details.seeTransactions')}</Link>
                </>
              )}
            </>
          )}
        </dd>
      </dl>
      {category.review && <p className="field-help">{t(`classification.reasons.${category.review}`)}</p>}
      <div className="category-actions">
        <button type="button" {...readOnly} onClick={() => !pluggy && onAction('rename')}>
          {t('categories.actions.rename')}
        </button>
        {category.parentId === null && !category.archived && (
          <button type="button" onClick={() => onAction('add-child')}>
            {t('categories.actions.addChild')}
          </button>
        )}
        <button type="button" {...readOnly} onClick={() => !pluggy && onAction('merge')}>
          {t('categories.actions.merge')}
        </button>
        <button type="button" disabled={archiving} onClick={() => onAction('archive')}>
          {category.archived ? t('categories.actions.unarchive') : t('categories.actions.archive')}
        </button>
      </div>
      {pluggy && (
        <p id={hintId} className="field-help">
          {t('categories.pluggyHint')}
        </p>
      )}
      {category.archived && <p className="field-help">{t('categories.archivedHint')}</p>}
    </section>
  );
}
