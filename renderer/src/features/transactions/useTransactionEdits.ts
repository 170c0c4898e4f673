import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { SplitPart, TransactionPatch } from '../../../../electron/shared/categories.ts';
import { queryKeys, useApi } from '../../api/queries.ts';

/** What the toast at the bottom says after a change. */
export type EditToast = { kind: 'categorized'; count: number; undoId: number } | { kind: 'undone' };

/** A change made in the detail panel: some of the user's fields, or the split (no parts removes it). */
type DetailChange = { id: string; patch: TransactionPatch } | { id: string; parts: SplitPart[] };

/**
 * The edits the transactions screen makes: one row's category or note, a category for many
 * rows (undoable), the undo, and the detail panel's changes (whose errors the panel shows). Each refreshes every cached page, since a change can move
 * a row in or out of a filter and change the totals.
 */
export function useTransactionEdits() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<EditToast | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.transactions });
  // Stable, so the toast's timer is not restarted by every render.
  const dismiss = useCallback(() => setToast(null), []);

  const update = useMutation({
    mutationFn: (input: { id: string; patch: { categoryId?: string; notes?: string | null } }) =>
      api.invoke('transactions:update', input),
    onSettled: refresh,
  });
  const bulk = useMutation({
    mutationFn: (input: { ids: string[]; categoryId: string }) => api.invoke('transactions:bulk-categorize', input),
    onSuccess: (result) => setToast({ kind: 'categorized', count: result.changed, undoId: result.undoId }),
    onSettled: refresh,
  });
  const detail = useMutation({
    mutationFn: (change: DetailChange) =>
      'parts' in change
        ? api.invoke('transactions:split', { id: change.id, parts: change.parts })
        : api.invoke('transactions:update', change),
    onSettled: refresh,
  });
  const undo = useMutation({
    mutationFn: (undoId: number) => api.invoke('undo:apply', { id: undoId }),
    onSuccess: () => setToast({ kind: 'undone' }),
    onSettled: refresh,
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
    /** Resolves once saved; a failure is left in `detailError` rather than thrown. */
    saveDetails: (change: DetailChange) =>
      detail.mutateAsync(change).then(
        () => true,
        () => false,
      ),
    detailError: detail.error,
    /** A panel opened on another transaction starts without the last one's error. */
    clearDetailError: detail.reset,
    undo: () => {
      if (toast?.kind === 'categorized') undo.mutate(toast.undoId);
    },
    dismiss,
  };
}
