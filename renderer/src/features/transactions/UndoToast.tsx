import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditToast } from './useTransactionEdits.ts';

/** Long enough to read and reach for "Desfazer"; the change stays undoable only while it shows. */
const shownMs = 10_000;

export function UndoToast({ toast, onUndo, onClose }: { toast: EditToast; onUndo: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onClose, shownMs);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div className="toast" role="status">
      {toast.kind !== 'undone' ? (
        <>
          <span>
            {toast.kind === 'categorized'
              ? t('transactions.bulk.done', { count: toast.count })
              : t('transactions.entry.deleted', { count: toast.count })}
          </span>
          <button type="button" className="link-button" onClick={onUndo}>
            {t('transactions.bulk.undo')}
          </button>
        </>
      ) : (
        <span>{t('transactions.bulk.undone')}</span>
      )}
    </div>
  );
}
