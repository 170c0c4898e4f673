import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../electron/shared/imports.ts';
import { AppError } from '../../../../electron/shared/errors.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * What an import did: added, skipped because the account already held them, left out of the
 * review (look-alikes not kept), kept from the review, categorized by the rules; and Desfazer.
 */
export function ImportSummaryView({
  result,
  undone,
  undoing,
  undoError,
  onUndo,
}: {
  result: ImportResult;
  undone: boolean;
  undoing: boolean;
  undoError: unknown;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = [
    { key: 'added', className: 'added', value: result.addedCount },
    { key: 'seen', className: 'seen', value: result.seenCount },
    { key: 'reviewSkipped', className: 'review-skipped', value: result.reviewSkippedCount },
    { key: 'kept', className: 'kept', value: result.keptCount },
    { key: 'categorized', className: 'categorized', value: result.categorizedCount },
  ] as const;
  return (
    <div className="import-summary">
      <p className="import-summary-file">{t('imports.summary.file', { file: result.fileName })}</p>
      <dl className="import-summary-figures">
        {figures.map((figure) => (
          <div key={figure.key} className={`import-summary-${figure.className}`}>
            <dt>{t(`imports.summary.${figure.key}`)}</dt>
            <dd>{figure.value.toLocaleString(language)}</dd>
          </div>
        ))}
      </dl>
      {undone ? (
        <p className="notice notice-ok" role="status">
          {t('imports.summary.undone', { count: result.addedCount })}
        </p>
      ) : (
        result.addedCount > 0 && (
          <div className="import-summary-undo">
            <button type="button" disabled={undoing} onClick={onUndo}>
              {undoing ? t('imports.summary.undoing') : t('imports.summary.undo')}
            </button>
            <span className="muted">{t('imports.summary.undoHelp')}</span>
          </div>
        )
      )}
      {undoError !== null && undoError !== undefined && (
        <div className="notice notice-error" role="alert">
          <p>{undoError instanceof AppError ? t(`errors.${undoError.code}`) : t('app.loadFailed')}</p>
        </div>
      )}
    </div>
  );
}
