import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { ApplyRules } from './useApplyRules.ts';

/** How applying rules goes: a progress bar while it runs, then how many rows changed, with Undo. */
export function ApplyStatus({ apply }: { apply: ApplyRules }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { progress, result } = apply;
  const close = useRef<HTMLButtonElement>(null);
  const undone = apply.undone !== undefined;
  const wasUndone = useRef(undone);
  // Undo removes the button that had focus: Close takes it, rather than the page's body
  // (only as the undo lands, not when the screen is opened again on an undone result).
  useEffect(() => {
    if (undone && !wasUndone.current) close.current?.focus();
    wasUndone.current = undone;
  }, [undone]);
  if (apply.error) return <ErrorNotice error={apply.error} onRetry={apply.dismiss} />;
  if (apply.running) {
    const total = progress?.total ?? 0;
    return (
      <div className="rule-apply" role="status">
        <span>{t('rules.apply.running')}</span>
        {/* Without a report yet the bar has no value: indeterminate, not "0%". */}
        <div
          className="rule-progress"
          role="progressbar"
          aria-label={t('rules.apply.progress')}
          aria-valuemin={0}
          aria-valuemax={total || undefined}
          aria-valuenow={progress ? progress.done : undefined}
          aria-valuetext={
            progress
              ? t('rules.apply.progressText', {
                  done: progress.done.toLocaleString(language),
                  total: total.toLocaleString(language),
                })
              : undefined
          }
        >
          <span style={{ width: total > 0 ? `${(100 * (progress?.done ?? 0)) / total}%` : '30%' }} />
        </div>
      </div>
    );
  }
  if (!result) return null;
  return (
    <div className="rule-apply rule-apply-done" role="status">
      <span>
        {apply.undone
          ? t('rules.apply.undone', { count: apply.undone.restored })
          : t('rules.apply.done', { count: result.changed, examined: result.examined.toLocaleString(language) })}
      </span>
      {result.undoId !== null && !apply.undone && (
        <button type="button" onClick={apply.undo} disabled={apply.undoing}>
          {t('rules.apply.undo')}
        </button>
      )}
      <button ref={close} type="button" className="link-button" onClick={apply.dismiss}>
        {t('rules.apply.close')}
      </button>
    </div>
  );
}
