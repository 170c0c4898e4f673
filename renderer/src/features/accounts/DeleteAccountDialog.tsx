import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useAccountDeletion, useDeleteAccount } from '../../api/queries.ts';
import { ReconciledToDelete } from '../../components/ReconciledToDelete.tsx';
import { FormDialog } from '../categories/FormDialog.tsx';

/**
 * Asks before deleting a disconnected account: how many transactions go with it, and by
 * name the reconciled ones, which go only once the user ticks that they understand (main
 * refuses them otherwise, as TRANSACTION_RECONCILED). Nothing is deleted until then.
 */
export function DeleteAccountDialog({
  account,
  onClose,
  onDeleted,
}: {
  account: AccountSummary;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const deletion = useAccountDeletion(account.id);
  const remove = useDeleteAccount();
  const [confirmed, setConfirmed] = useState(false);
  const info = deletion.data;
  const reconciled = info?.reconciledCount ?? 0;
  return (
    <FormDialog
      title={t('accounts.deleteDialog.title', { name: account.displayName })}
      confirmLabel={t('accounts.deleteDialog.confirm')}
      danger
      change={{ isPending: remove.isPending, error: remove.error ?? deletion.error }}
      confirmDisabled={!info || (reconciled > 0 && !confirmed)}
      onConfirm={() =>
        remove.mutate({ id: account.id, ...(confirmed ? { confirmReconciled: true } : {}) }, { onSuccess: onDeleted })
      }
      onClose={onClose}
    >
      {!info ? (
        deletion.isPending && <p className="muted">{t('accounts.deleteDialog.loading')}</p>
      ) : (
        <div className="account-deletion">
          <p>
            {info.transactionCount === 0
              ? t('accounts.deleteDialog.empty')
              : t('accounts.deleteDialog.body', { count: info.transactionCount })}
          </p>
          {/* A manual account's "connection" is only its own holder: nothing to say about it. */}
          {info.lastOfConnection && account.mode !== 'manual' && (
            <p className="field-help">
              {t('accounts.deleteDialog.lastOfConnection', { institution: account.institution })}
            </p>
          )}
          {reconciled > 0 && (
            <ReconciledToDelete
              rows={info.reconciled.map((row) => ({ ...row, currencyCode: account.currencyCode }))}
              warning={t('accounts.deleteDialog.reconciled', { count: reconciled })}
              more={
                reconciled > info.reconciled.length
                  ? t('accounts.deleteDialog.more', { count: reconciled - info.reconciled.length })
                  : null
              }
              confirmLabel={t('accounts.deleteDialog.confirmReconciled', { count: reconciled })}
              confirmed={confirmed}
              onConfirm={setConfirmed}
            />
          )}
        </div>
      )}
    </FormDialog>
  );
}
