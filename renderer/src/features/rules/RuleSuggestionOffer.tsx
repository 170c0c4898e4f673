import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAcceptSuggestion, useDismissSuggestion, useRuleSuggestions } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useRuleLookups } from './useRuleLookups.ts';
import './rule-suggestion-offer.css';

/**
 * A rule suggestion offered where its pattern was made: once the user's categorizing on
 * Transações forms one (the same text put in the same category three times), the suggestion
 * Regras lists (rules:suggestions) is asked here too — "Criar regra: descrições com “UBER”
 * → Transporte?" — to create or dismiss, the books remembering a dismissal for good. The
 * suggestions already waiting when the screen opened are Regras' to show: only those that
 * came up since, from the edits made here, are offered, one at a time.
 */
export function RuleSuggestionOffer() {
  const { t } = useTranslation();
  const suggestions = useRuleSuggestions();
  const { summary } = useRuleLookups();
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  // What was waiting when the screen opened, noted as the first list arrives (React re-renders at once).
  const [known, setKnown] = useState<ReadonlySet<string> | null>(null);
  if (known === null && suggestions.data) setKnown(new Set(suggestions.data.map((each) => each.key)));

  const offered = known && suggestions.data?.find((each) => !known.has(each.key));
  const error = accept.error ?? dismiss.error;
  if (!offered && !accept.data && !error) return null;
  const busy = accept.isPending || dismiss.isPending;
  return (
    <section className="rule-offer" aria-label={t('transactions.ruleOffer.label')}>
      {error && <ErrorNotice error={error} />}
      {offered ? (
        <>
          <div>
            <p className="rule-offer-question">
              {t(`transactions.ruleOffer.question.${offered.field}`, {
                value: offered.value,
                category: summary.categoryName(offered.categoryId),
              })}
            </p>
            <p className="muted">
              {t('rules.suggestions.why', {
                count: offered.count,
                where: t(`rules.suggestions.where.${offered.field}`),
              })}
            </p>
          </div>
          <div className="rule-offer-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => accept.mutate(offered.key)}>
              {t('rules.suggestions.accept')}
            </button>
            <button type="button" disabled={busy} onClick={() => dismiss.mutate(offered.key)}>
              {t('rules.suggestions.dismiss')}
            </button>
          </div>
        </>
      ) : (
        accept.data && (
          <p role="status">
            {t('transactions.ruleOffer.created', { name: accept.data.name })}{' '}
            <Link to="/rules">{t('transactions.ruleOffer.see')}</Link>
          </p>
        )
      )}
    </section>
  );
}
