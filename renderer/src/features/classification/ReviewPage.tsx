import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { uncategorized } from '../../../../electron/shared/transactions.ts';
import { useCategories, useClassificationReview } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryOptions } from '../transactions/category-options.ts';
import { categoryTransactionsLink } from '../transactions/view-state.ts';
import { GroupToast, useGroupToast } from './GroupToast.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import './classification.css';

/**
 * "Revisar classificação" (issue 15): the categories whose group waits for a decision,
 * those holding the most money first, each decided with one click. From the first sync to
 * a DRE the user can trust in a minute: the review only asks what Balancete cannot know.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const review = useClassificationReview();
  const categories = useCategories();
  const money = useMoneyFormatter();
  const groupToast = useGroupToast();
  const list = useRef<HTMLOListElement>(null);
  /** Where focus goes once a decided card has left the list: the card that took its place. */
  const focusIndex = useRef<number | null>(null);
  const items = review.data?.items ?? [];
  const language = useLanguage();
  const paths = useMemo(
    () => new Map(categoryOptions(categories.data ?? [], language).map((option) => [option.id, option.path])),
    [categories.data, language],
  );

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || review.isFetching) return;
    focusIndex.current = null;
    const cards = list.current?.querySelectorAll<HTMLElement>('.review-card');
    const target = cards?.[Math.min(index, cards.length - 1)]?.querySelector<HTMLElement>('.group-button');
    (target ?? document.getElementById('classification-title'))?.focus();
  });

  return (
    <Page
      name="classification"
      title={t('classification.title')}
      subtitle={t('classification.subtitle')}
      actions={<Link to="/categories">{t('classification.allCategories')}</Link>}
    >
      {review.isPending && <p className="muted">{t('common.loading')}</p>}
      {review.isError && <ErrorNotice error={review.error} onRetry={() => void review.refetch()} />}
      {review.data && items.length === 0 && <p className="review-done">{t('classification.empty')}</p>}
      {items.length > 0 && (
        <ol className="review-list" ref={list} aria-label={t('classification.listLabel')}>
          {items.map((item, index) => (
            <li key={item.categoryId} className="review-card">
              <ReviewCard
                item={item}
                name={paths.get(item.categoryId) ?? item.categoryId}
                onDecided={(change) => {
                  focusIndex.current = index;
                  groupToast.show({ kind: 'changed', ...change });
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {review.data && review.data.uncategorized.count > 0 && (
        <p className="review-uncategorized">
          {t('classification.uncategorized', {
            count: review.data.uncategorized.count,
            amount: money(Math.abs(review.data.uncategorized.netCents)),
          })}{' '}
          <Link to={categoryTransactionsLink(uncategorized)}>{t('classification.openUncategorized')}</Link>
        </p>
      )}
      {groupToast.toast && (
        <GroupToast
          toast={groupToast.toast}
          onUndone={() => groupToast.show({ kind: 'undone' })}
          onClose={groupToast.dismiss}
        />
      )}
    </Page>
  );
}
