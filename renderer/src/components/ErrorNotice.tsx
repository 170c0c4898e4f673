import { useTranslation } from 'react-i18next';
import { AppError } from '../../../electron/shared/errors.ts';

/** A failed load or action, in the user's language, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof AppError ? t(`errors.${error.code}`) : t('app.loadFailed');
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
