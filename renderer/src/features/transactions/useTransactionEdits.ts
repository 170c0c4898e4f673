import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { SplitPart, TransactionPatch } from '../../../../electron/shared/categories.ts';
import { queryKeys, refreshAccounts, useApi } from '../../api/queries.ts';
import { declined, useReconciledConfirmation } from '../../components/ReconciledConfirm.tsx';

/** What the toast at the bottom says after a change. */
export type EditToast =
  | { kind: 'categorized'; count: number; undoId: number }
  /** Transactions the user entered, deleted (a transfer's two sides): undone the same way. */
  | { kind: 'deleted'; count: number; undoId: number }
  | { kind: 'undone' };

/** A change made in the detail panel: some of the user's fields, or the split (no parts removes it). */
type DetailChange = { id: string; patch: TransactionPatch } | { id: string; parts: SplitPart[] };

/**
 * The edits the transactions screen makes: one row's category or note, a category for many
 * rows (undoable), the undo, and the detail panel's changes (whose errors the panel shows).
 * Each refreshes every cached page, since a change can move a row in or out of a filter and
 * change the totals. An edit reaching reconciled transactions is asked about first (render
 * `confirmDialog`); declined, nothing changes and the refreshed rows show what was kept.
 */
export function useTransactionEdits() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<EditToast | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.transactions });
  // A category chosen by hand may form a pattern a rule is suggested for (RuleSuggestionOffer).
  const refreshCategorized = () =>
    Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: queryKeys.ruleSuggestions })]);
  // Stable, so the toast's timer is not restarted by every render.
  const dismiss = useCallback(() => setToast(null), []);
  const { withConfirmation, dialog: confirmDialog } = useReconciledConfirmation();
  // Bumped when the user declines a detail change: the panel's fields start again from what is saved.
  const [detailRevision, setDetailRevision] = useState(0);

  const update = useMutation({
    mutationFn: (input: { id: string; patch: { categoryId?: string; notes?: string | null } }) =>
      withConfirmation('edit', (confirmation) => api.invoke('transactions:update', { ...input, ...confirmation })),
    onSettled: refreshCategorized,
  });
  const bulk = useMutation({
    mutationFn: (input: { ids: string[]; categoryId: string }) =>
      withConfirmation('bulk', (confirmation) =>
        api.invoke('transactions:bulk-categorize', { ...input, ...confirmation }),
      ),
    onSuccess: (result) => {
      if (result !== declined) setToast({ kind: 'categorized', count: result.changed, undoId: result.undoId });
    },
    onSettled: refreshCategorized,
  });
  const detail = useMutation({
    mutationFn: (change: DetailChange) =>
      withConfirmation('edit', (confirmation) =>
        'parts' in change
          ? api.invoke('transactions:split', { id: change.id, parts: change.parts, ...confirmation })
          : api.invoke('transactions:update', { ...change, ...confirmation }),
      ),
    onSuccess: (result) => {
      if (result === declined) setDetailRevision((revision) => revision + 1);
    },
    onSettled: refreshCategorized,
  });
  // Deleting the user's own rows, or undoing that, moves a manual account's balance too.
  const remove = useMutation({
    mutationFn: (ids: string[]) => api.invoke('transactions:delete', { ids }),
    onSuccess: (result) => setToast({ kind: 'deleted', count: result.deleted, undoId: result.undoId }),
    onSettled: () => refreshAccounts(queryClient),
  });
  const undo = useMutation({
    mutationFn: (undoId: number) =>
      withConfirmation('bulk', (confirmation) => api.invoke('undo:apply', { id: undoId, ...confirmation })),
    onSuccess: (result) => {
      if (result !== declined) setToast({ kind: 'undone' });
    },
    onSettled: () => refreshAccounts(queryClient),
  });

  return {
    toast,
    error: update.error ?? bulk.error ?? undo.error,
    /** Looks at the books again, and puts a failed edit's notice away (the list shows what was kept). */
    retry: () => {
      update.reset();
      bulk.reset();
      undo.reset();
      return refresh();
    },
    categorize: (id: string, categoryId: string) => update.mutate({ id, patch: { categoryId } }),
    /** An emptied note is removed, not kept as an empty string. */
    saveNote: (id: string, notes: string) => update.mutate({ id, patch: { notes: notes || null } }),
    bulkCategorize: (ids: string[], categoryId: string) => bulk.mutate({ ids, categoryId }),
    /** Resolves once saved (false if it failed or the user declined); a failure is left in `detailError`. */
    saveDetails: (change: DetailChange) =>
      detail.mutateAsync(change).then(
        (result) => result !== declined,
        () => false,
      ),
    detailError: detail.error,
    /** Changes when the panel's unsaved values must go back to the saved ones. */
    detailRevision,
    /** The question about reconciled transactions, when one is asked. */
    confirmDialog,
    /** A panel opened on another transaction starts without the last one's error. */
    clearDetailError: detail.reset,
    /** Deletes transactions the user entered or imported; resolves true once deleted (the toast offers undo). */
    deleteOwn: (ids: string[]) =>
      remove.mutateAsync(ids).then(
        () => true,
        () => false,
      ),
    /** Why deleting failed (a reconciled one), for the details panel. */
    deleteError: remove.error,
    clearDeleteError: remove.reset,
    undo: () => {
      if (toast && toast.kind !== 'undone') undo.mutate(toast.undoId);
    },
    dismiss,
  };
}
