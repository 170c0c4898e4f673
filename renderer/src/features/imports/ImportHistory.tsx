import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../electron/shared/format.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useImportHistory, useUndoImport } from './queries.ts';

/** An account's register: the statement files imported into it, newest first, each undoable until undone. */
export function ImportHistory({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useImportHistory(accountId);
  const undo = useUndoImport();
  const imports = history.data ?? [];
  if (imports.length === 0) return null;
  return (
    <details className="import-history">
      <summary>{t('imports.history.title', { count: imports.length })}</summary>
      <ul>
        {imports.map((each) => (
          <li key={each.id}>
            <span className="import-history-file" title={each.fileName}>
              {each.fileName}
            </span>
            <span className="muted">{formatDateTime(each.createdAt, language)}</span>
            <span>{t('imports.history.counts', { added: each.addedCount, skipped: each.skippedCount })}</span>
            {each.undoneAt ? (
              <span className="muted">
                {t('imports.history.undone', { when: formatDateTime(each.undoneAt, language) })}
              </span>
            ) : (
              each.addedCount > 0 && (
                <button
                  type="button"
                  className="link-button"
                  disabled={undo.isPending}
                  aria-label={t('imports.history.undoNamed', { file: each.fileName })}
                  onClick={() => undo.mutate(each.id)}
                >
                  {t('imports.summary.undo')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {undo.isError && <ErrorNotice error={undo.error} />}
    </details>
  );
}
