import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../electron/shared/contract.ts';
import { refreshAccounts, useApi } from '../../api/queries.ts';

/**
 * The user's own entries (issue 19). Each change moves balances (a manual account's follows
 * its rows) and the transaction lists, so accounts and every transactions view are read
 * again; the mutation settles only once they are, so a dialog that closes on success leaves
 * a screen that already shows the change.
 */
function useOwnEntryChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => refreshAccounts(queryClient),
  });
}

export function useCreateManualAccount() {
  const api = useApi();
  return useOwnEntryChange((input: ChannelInput<'accounts:create-manual'>) =>
    api.invoke('accounts:create-manual', input),
  );
}

export function useEditManualAccount() {
  const api = useApi();
  return useOwnEntryChange((input: ChannelInput<'accounts:edit-manual'>) => api.invoke('accounts:edit-manual', input));
}

export function useCreateTransaction() {
  const api = useApi();
  return useOwnEntryChange((input: ChannelInput<'transactions:create'>) => api.invoke('transactions:create', input));
}

export function useCreateTransfer() {
  const api = useApi();
  return useOwnEntryChange((input: ChannelInput<'transactions:transfer'>) =>
    api.invoke('transactions:transfer', input),
  );
}

export function useEditTransaction() {
  const api = useApi();
  return useOwnEntryChange((input: ChannelInput<'transactions:edit'>) => api.invoke('transactions:edit', input));
}
