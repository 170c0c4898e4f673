import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RuleApplyProgress } from '../../../../electron/shared/rules.ts';
import { queryKeys, useApi } from '../../api/queries.ts';
import { declined, useReconciledConfirmation } from '../../components/ReconciledConfirm.tsx';

/**
 * Applying rules to the transactions already in the books: the run (in main's worker), its
 * progress from rules:progress events, and the undo of its result. Transactions are looked
 * at again after each, since categories and flags changed.
 */
export function useApplyRules() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<RuleApplyProgress | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.transactions });
  const apply = useMutation({
    mutationFn: (ruleIds: number[] | undefined) => {
      setProgress(null);
      return api.invoke('rules:apply', ruleIds ? { ruleIds } : {});
    },
    onSettled: refresh,
  });
  // Undoing reaches transactions reconciled since the rules ran: asked about like any edit.
  const { withConfirmation, dialog: confirmDialog } = useReconciledConfirmation();
  const undo = useMutation({
    mutationFn: (undoId: number) =>
      withConfirmation('bulk', (confirmation) => api.invoke('undo:apply', { id: undoId, ...confirmation })),
    onSettled: refresh,
  });
  // Listening before the run starts: its first report may come before a re-render would subscribe.
  useEffect(() => api.on('rules:progress', setProgress), [api]);
  return {
    /** Applies the enabled rules (or only those given) to every transaction. */
    run: (ruleIds?: number[]) => {
      undo.reset();
      apply.mutate(ruleIds);
    },
    running: apply.isPending,
    progress,
    result: apply.data,
    error: apply.error ?? undo.error,
    undo: () => {
      if (apply.data?.undoId != null) undo.mutate(apply.data.undoId);
    },
    undoing: undo.isPending,
    undone: undo.data === declined ? undefined : undo.data,
    /** The question about reconciled transactions, rendered once above the screens. */
    confirmDialog,
    dismiss: () => {
      apply.reset();
      undo.reset();
    },
  };
}

export type ApplyRules = ReturnType<typeof useApplyRules>;
