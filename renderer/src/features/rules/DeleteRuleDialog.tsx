import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../electron/shared/rules.ts';
import { useDeleteRule } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useModalDialog } from '../../components/focus.ts';

/** Asks before deleting a rule; what it already changed stays (applying is undone from its result). */
export function DeleteRuleDialog({ rule, onClose }: { rule: Rule; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const remove = useDeleteRule();
  useModalDialog(dialog);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate(rule.id, { onSuccess: () => dialog.current?.close() });
        }}
      >
        <h2 id={titleId}>{t('rules.delete.title', { name: rule.name })}</h2>
        <p>{t('rules.delete.body')}</p>
        {remove.isError && <ErrorNotice error={remove.error} />}
        <div className="actions">
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('rules.delete.cancel')}
          </button>
          <button type="submit" className="danger" disabled={remove.isPending}>
            {t('rules.delete.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
