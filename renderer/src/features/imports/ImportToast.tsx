import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../electron/shared/imports.ts';
import { AppError } from '../../../../electron/shared/errors.ts';
import { useUndoImport } from './queries.ts';

/** As the transactions' notice: long enough to read and reach for "Desfazer". */
const shownMs = 10_000;

/**
 * After the import dialog closed: what was imported, with Desfazer (the whole import goes);
 * or why a dropped file was not taken.
 */
export function ImportToast(
  props: { onClose: () => void } & ({ kind: 'imported'; result: ImportResult } | { kind: 'refused'; fileName: string }),
) {
  const { t } = useTranslation();
  const undo = useUndoImport();
  const [undone, setUndone] = useState(false);
  const { onClose } = props;
  useEffect(() => {
    if (undo.isPending) return;
    const timer = setTimeout(onClose, shownMs);
    return () => clearTimeout(timer);
  }, [onClose, undone, undo.isPending]);
  if (props.kind === 'refused') {
    return (
      <div className="toast" role="status">
        <span>{t('imports.drop.refused', { name: props.fileName })}</span>
      </div>
    );
  }
  const { result } = props;
  return (
    <div className="toast import-toast" role="status">
      {undone ? (
        <span>{t('imports.summary.undone', { count: result.addedCount })}</span>
      ) : (
        <>
          <span>{t('imports.toast.imported', { count: result.addedCount, file: result.fileName })}</span>
          {result.addedCount > 0 && (
            <button
              type="button"
              className="link-button"
              disabled={undo.isPending}
              onClick={() => undo.mutate(result.id, { onSuccess: () => setUndone(true) })}
            >
              {t('imports.summary.undo')}
            </button>
          )}
        </>
      )}
      {undo.isError && (
        <span className="import-toast-error">
          {undo.error instanceof AppError ? t(`errors.${undo.error.code}`) : t('app.loadFailed')}
        </span>
      )}
    </div>
  );
}
