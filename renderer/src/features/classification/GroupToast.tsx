import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGroup } from '../../../../electron/shared/categories.ts';
import { useCategoryGroupChange } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/** Long enough to read and reach for "Desfazer"; the change stays undoable only while it shows. */
const shownMs = 10_000;

export type GroupToastState =
  { kind: 'changed'; name: string; group: ReportGroup; confirmed: boolean; undoId: number } | { kind: 'undone' };

/** What a group change says once saved, with its undo: the screen keeps the state, this shows it. */
export function useGroupToast() {
  const [toast, setToast] = useState<GroupToastState | null>(null);
  // Stable, so the toast's timer is not restarted by every render.
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show: setToast, dismiss };
}

export function GroupToast({
  toast,
  onUndone,
  onClose,
}: {
  toast: GroupToastState;
  onUndone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { undo } = useCategoryGroupChange();
  useEffect(() => {
    const timer = setTimeout(onClose, shownMs);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  if (toast.kind === 'undone') {
    return (
      <div className="toast" role="status">
        <span>{t('classification.undone')}</span>
      </div>
    );
  }
  const group = t(`categories.groups.${toast.group}`);
  return (
    <div className="toast" role="status">
      <span>
        {toast.confirmed
          ? t('classification.confirmed', { name: toast.name, group })
          : t('classification.changed', { name: toast.name, group })}
      </span>
      <button
        type="button"
        className="link-button"
        disabled={undo.isPending}
        onClick={() => undo.mutate(toast.undoId, { onSuccess: onUndone })}
      >
        {t('classification.undo')}
      </button>
      {undo.error && <ErrorNotice error={undo.error} />}
    </div>
  );
}
