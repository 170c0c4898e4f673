import { useTranslation } from 'react-i18next';
import { useAcceptSuggestion, useDismissSuggestion, useRuleSuggestions } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { SummaryContext } from './rule-summary.ts';

/** "Always put UBER under Transport?": rules learned from the user's repeated choices, to accept or dismiss. */
export function RuleSuggestions({ summary }: { summary: SummaryContext }) {
  const { t } = useTranslation();
  const suggestions = useRuleSuggestions();
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  const list = suggestions.data ?? [];
  if (list.length === 0 && !accept.isError && !dismiss.isError) return null;
  const busy = accept.isPending || dismiss.isPending;
  return (
    <section className="rule-suggestions" aria-labelledby="rule-suggestions-title">
      <h2 id="rule-suggestions-title">{t('rules.suggestions.title')}</h2>
      {(accept.error ?? dismiss.error) && <ErrorNotice error={accept.error ?? dismiss.error} />}
      <ul>
        {list.map((suggestion) => {
          const question = t('rules.suggestions.question', {
            value: suggestion.value,
            category: summary.categoryName(suggestion.categoryId),
          });
          return (
            <li key={suggestion.key} aria-label={question}>
              <div>
                <p className="rule-suggestion-question">{question}</p>
                <p className="muted">
                  {t('rules.suggestions.why', {
                    count: suggestion.count,
                    where: t(`rules.suggestions.where.${suggestion.field}`),
                  })}
                </p>
              </div>
              <div className="rule-suggestion-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => accept.mutate(suggestion.key)}>
                  {t('rules.suggestions.accept')}
                </button>
                <button type="button" disabled={busy} onClick={() => dismiss.mutate(suggestion.key)}>
                  {t('rules.suggestions.dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
