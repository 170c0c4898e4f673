import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../electron/shared/errors.ts';
import { useModalDialog } from './focus.ts';

/** What the question is about: one transaction's edit, a bulk edit, or deleting a connection's data. */
export type ReconciledChange = 'edit' | 'bulk' | 'removeConnection';

/** Main's refusal of a change that reaches reconciled transactions: a question for the user, not a failure. */
export function isReconciledRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'TRANSACTION_RECONCILED';
}

/** What `withConfirmation` resolves to when the user chose not to change reconciled transactions. */
export const declined = Symbol('declined');

/** Spread into the change's input: nothing at first, the user's yes when sent again. */
type Confirmation = { confirmReconciled?: true };

interface Question {
  change: ReconciledChange;
  count: number;
  answer: (confirmed: boolean) => void;
}

/**
 * "Locked means locked" on the screens: main refuses a change that reaches reconciled
 * transactions (TRANSACTION_RECONCILED, with how many); `withConfirmation` then asks the
 * user and, if they agree, sends the same change again confirmed. Render `dialog` once.
 */
export function useReconciledConfirmation() {
  const [question, setQuestion] = useState<Question | null>(null);
  const withConfirmation = useCallback(
    async <T,>(
      change: ReconciledChange,
      send: (confirmation: Confirmation) => Promise<T>,
    ): Promise<T | typeof declined> => {
      try {
        return await send({});
      } catch (error) {
        if (!isReconciledRefusal(error)) throw error;
        const count = (error.details as { count?: number } | undefined)?.count ?? 1;
        const confirmed = await new Promise<boolean>((resolve) => setQuestion({ change, count, answer: resolve }));
        setQuestion(null);
        return confirmed ? send({ confirmReconciled: true }) : declined;
      }
    },
    [],
  );
  const dialog: ReactNode = question && <ReconciledDialog question={question} />;
  return { withConfirmation, dialog };
}

/**
 * The question, as a modal dialog, with the usual keys: Enter presses the focused button,
 * Esc cancels. An edit the user just made starts on "change anyway" (asking is the
 * safeguard, a second deliberate key the answer); deleting data starts on Cancelar.
 */
function ReconciledDialog({ question }: { question: Question }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const answered = useRef(false);
  const answer = (confirmed: boolean) => {
    if (answered.current) return;
    answered.current = true;
    // Closing first puts focus back where it was before the question (the table, the panel).
    dialog.current?.close();
    question.answer(confirmed);
  };
  useModalDialog(dialog);
  // After showModal, which would focus the first button itself.
  const initial = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    initial.current?.focus();
  }, []);
  const { change, count } = question;
  const removing = change === 'removeConnection';

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Esc, or the dialog closed any other way, is a no.
      onClose={() => answer(false)}
    >
      <h2 id={titleId}>{t('reconciledEdit.title', { count: change === 'edit' ? 1 : count })}</h2>
      <p id={bodyId}>{change === 'edit' ? t('reconciledEdit.edit') : t(`reconciledEdit.${change}`, { count })}</p>
      <div className="actions">
        <button type="button" ref={removing ? initial : undefined} onClick={() => answer(false)}>
          {t('reconciledEdit.cancel')}
        </button>
        <button
          type="button"
          className={removing ? 'danger' : 'primary'}
          ref={removing ? undefined : initial}
          onClick={() => answer(true)}
        >
          {removing ? t('reconciledEdit.confirmRemove') : t('reconciledEdit.confirmEdit')}
        </button>
      </div>
    </dialog>
  );
}
