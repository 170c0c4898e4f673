import { type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useModalDialog } from '../../components/focus.ts';

/**
 * A modal dialog around a form: Enter confirms (a <select> too, which browsers leave out of
 * implicit submission), Esc or Cancel backs out, and focus goes back to where it was when it
 * opened (the screen may then move it on, to what the change created or revealed).
 */
export function FormDialog({
  title,
  children,
  confirmLabel,
  change,
  danger = false,
  confirmDisabled = false,
  className,
  actions,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The change the dialog confirms: while it runs the dialog waits; if it fails, it says why. */
  change: { isPending: boolean; error: unknown };
  danger?: boolean;
  /** Not yet: the form still waits for something (a box to tick, a figure to load). */
  confirmDisabled?: boolean;
  /** A layout of the dialog's own (a wider form). */
  className?: string;
  /** Buttons of the dialog's own in place of Cancel and confirm, once it is done (a finished export's). */
  actions?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { isPending: pending, error } = change;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Starting in the field marked data-autofocus, when it is not the first one (a form with tabs above its fields).
  useModalDialog(dialog);

  return (
    <dialog
      ref={dialog}
      className={['dialog category-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape while the change is under way would hide its outcome.
        if (pending) event.preventDefault();
      }}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && !confirmDisabled) onConfirm();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error !== null && <ErrorNotice error={error} />}
        <div className="actions">
          {actions ?? (
            <>
              <button type="button" onClick={() => dialog.current?.close()} disabled={pending}>
                {t('categories.dialog.cancel')}
              </button>
              <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending || confirmDisabled}>
                {pending ? t('categories.dialog.working') : confirmLabel}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}
