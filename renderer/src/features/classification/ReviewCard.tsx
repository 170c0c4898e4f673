import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportGroup } from '../../../../electron/shared/categories.ts';
import type { ClassificationReviewItem } from '../../../../electron/shared/classification.ts';
import { formatDate } from '../../../../electron/shared/format.ts';
import { useCategoryGroupChange } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Money } from '../../components/Money.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import { categoryTransactionsLink } from '../transactions/view-state.ts';
import { groupChoices } from './group-labels.ts';

export interface Decision {
  name: string;
  group: ReportGroup;
  confirmed: boolean;
  undoId: number;
}

/**
 * One category waiting for a decision: why, how much money it holds, a few of its
 * transactions, and a button per group (the one Balancete suggests marked; the current one
 * confirms it). One click saves; the screen offers the undo.
 */
export function ReviewCard({
  item,
  name,
  onDecided,
}: {
  item: ClassificationReviewItem;
  /** The category's path in the user's language ("Serviços › Internet"). */
  name: string;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { set } = useCategoryGroupChange();
  const decide = (group: ReportGroup) =>
    set.mutate(
      { id: item.categoryId, reportGroup: group },
      {
        onSuccess: ({ undoId }) => onDecided({ name, group, confirmed: group === item.reportGroup, undoId }),
      },
    );

  return (
    <article aria-labelledby={`${id}-name`}>
      <header className="review-card-header">
        <h2 id={`${id}-name`}>{name}</h2>
        <p className="review-money">
          {t('classification.count', { count: item.count })}
          {item.inCents !== 0 && (
            <>
              {' · '}
              {t('classification.in')} <Money cents={item.inCents} />
            </>
          )}
          {item.outCents !== 0 && (
            <>
              {' · '}
              {t('classification.out')} <Money cents={item.outCents} />
            </>
          )}
        </p>
      </header>
      <p className="review-reason">{t(`classification.reasons.${item.reason}`)}</p>
      <ul className="review-examples" aria-label={t('classification.examples', { name })}>
        {item.examples.map((row) => (
          <li key={row.id}>
            <span className="review-example-date">{formatDate(row.date)}</span>
            <span className="review-example-description" title={row.description}>
              {row.description}
            </span>
            <span className="review-example-amount">
              <TransactionAmount amount={row} />
            </span>
          </li>
        ))}
      </ul>
      <p className="review-more">
        <Link to={categoryTransactionsLink(item.categoryId)}>{t('classification.seeAll')}</Link>
      </p>
      <div className="group-buttons" role="group" aria-label={t('classification.chooseFor', { name })}>
        {groupChoices.map((group) => (
          <button
            key={group}
            type="button"
            className={group === item.suggestedGroup ? 'group-button primary' : 'group-button'}
            aria-pressed={group === item.reportGroup}
            disabled={set.isPending}
            onClick={() => decide(group)}
          >
            {group === item.reportGroup
              ? t('classification.keep', { group: t(`classification.shortGroups.${group}`) })
              : t(`classification.shortGroups.${group}`)}
            {group === item.suggestedGroup && <span className="group-suggested">{t('classification.suggested')}</span>}
          </button>
        ))}
      </div>
      {set.error && <ErrorNotice error={set.error} />}
    </article>
  );
}
