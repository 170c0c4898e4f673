import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ConnectionSummary } from '../../../../electron/shared/models.ts';
import { queryKeys, refreshAccounts, useApi } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useModalDialog } from '../../components/focus.ts';
import { declined, useReconciledConfirmation } from '../../components/ReconciledConfirm.tsx';

/**
 * Confirms removing a connection, named by its institution and its accounts (two links to
 * the same bank are told apart by them), and asks what becomes of its data. Keeping it is
 * the default: a freelancer's past books should not change because a bank was unlinked. A
 * connection with nothing in the books yet is not asked about. A modal <dialog> keeps focus
 * inside and closes on Escape. Deleting reconciled transactions is asked about once more;
 * declined, nothing is removed and this dialog stays open.
 */
export function RemoveConnectionDialog({
  connection,
  accounts,
  onClose,
}: {
  connection: ConnectionSummary;
  /** Its accounts as the screens list them. */
  accounts: readonly AccountSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [keepData, setKeepData] = useState(true);
  // Counted by main, hidden accounts too: nothing in the books means nothing to ask about.
  const hasData = connection.accountCount > 0;
  const { withConfirmation, dialog: confirmDialog } = useReconciledConfirmation();
  const remove = useMutation({
    mutationFn: () =>
      withConfirmation('removeConnection', (confirmation) =>
        api.invoke('connections:remove', { itemId: connection.id, keepData: hasData && keepData, ...confirmation }),
      ),
    onSuccess: (result) => {
      if (result === declined) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
      void refreshAccounts(queryClient);
      onClose();
    },
  });

  useModalDialog(dialog);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape while the removal is under way would hide its outcome.
        if (remove.isPending) event.preventDefault();
      }}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate();
        }}
      >
        <h2 id={titleId}>{t('connections.remove.title', { institution: connection.institution })}</h2>
        <p>{t('connections.remove.body')}</p>
        {accounts.length > 0 && (
          <>
            <p>{t('connections.remove.accounts', { count: accounts.length })}</p>
            <ul className="remove-accounts">
              {accounts.map((account) => (
                <li key={account.id}>{account.displayName}</li>
              ))}
            </ul>
          </>
        )}
        {hasData ? (
          <fieldset className="choice">
            <legend>{t('connections.remove.dataQuestion')}</legend>
            <label>
              <input type="radio" name="keep-data" checked={keepData} onChange={() => setKeepData(true)} />
              <span>
                {t('connections.remove.keep')}
                <span className="field-help">{t('connections.remove.keepHelp')}</span>
              </span>
            </label>
            <label>
              <input type="radio" name="keep-data" checked={!keepData} onChange={() => setKeepData(false)} />
              <span>
                {t('connections.remove.delete')}
                <span className="field-help">{t('connections.remove.deleteHelp')}</span>
              </span>
            </label>
          </fieldset>
        ) : (
          <p>{t('connections.remove.nothingKept')}</p>
        )}
        {remove.isError && <ErrorNotice error={remove.error} />}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()} disabled={remove.isPending}>
            {t('connections.remove.cancel')}
          </button>
          <button type="submit" className="danger" disabled={remove.isPending}>
            {remove.isPending ? t('connections.remove.removing') : t('connections.remove.confirm')}
          </button>
        </div>
      </form>
      {confirmDialog}
    </dialog>
  );
}
