import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClassificationReview } from '../../api/queries.ts';
import { useMoneyFormatter } from '../../components/Money.tsx';
import './classification.css';

/**
 * Says, where the books are first looked at (Contas after the first sync, Relatórios), that
 * some categories wait for a decision, and leads to the review. Nothing when none do.
 */
export function ReviewBanner() {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const review = useClassificationReview();
  const items = review.data?.items ?? [];
  if (items.length === 0) return null;
  const amount = items.reduce((total, item) => total + item.inCents - item.outCents, 0);
  return (
    <aside className="review-banner" aria-label={t('classification.title')}>
      <p>{t('classification.banner', { count: items.length, amount: money(amount) })}</p>
      <Link className="button primary" to="/classification">
        {t('classification.bannerAction')}
      </Link>
    </aside>
  );
}
