import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type {
  PluggyAccountStatus,
  PluggyCredentialsInput,
  PluggyMode,
  Settings,
  SettingsPatch,
} from '../../../electron/shared/models.ts';
import type { ChannelInput } from '../../../electron/shared/contract.ts';
import type { Rule, RuleConditions, RuleDraft } from '../../../electron/shared/rules.ts';
import type { TransactionFilters, TransactionQuery } from '../../../electron/shared/transactions.ts';
import type { ApiClient } from './client.ts';

/** A transactions query without its paging: what one scrolled list shows. */
export type TransactionView = Omit<TransactionQuery, 'offset' | 'limit' | 'count'>;

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext>');
  return api;
}

export function createQueryClient(): QueryClient {
  // Everything is local: no refetch on focus, no retries that would only hide a bug.
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } } });
}

export const queryKeys = {
  accounts: ['accounts'] as const,
  settings: ['settings'] as const,
  appInfo: ['app-info'] as const,
  pluggyAccount: ['pluggy-account'] as const,
  connections: ['connections'] as const,
  /** Under `connections`, so whatever refreshes the list refreshes the history too. */
  connectionHistory: (itemId: string) => ['connections', itemId, 'history'] as const,
  /** Rows read so far by the sync running for a connection; filled from sync:notice events. */
  syncProgress: (itemId: string) => ['sync-progress', itemId] as const,
  connectors: (search: string) => ['connectors', search] as const,
  /** Every page of every transactions view sits under this root, so one invalidation refreshes them all. */
  transactions: ['transactions'] as const,
  transactionPage: (query: TransactionView, page: number) => ['transactions', query, page] as const,
  transactionTotals: (filters: TransactionFilters) => ['transactions', 'totals', filters] as const,
  /** Under `transactions`, so an edit anywhere refreshes the open detail panel too. */
  transactionDetails: (id: string) => ['transactions', 'details', id] as const,
  categories: ['categories'] as const,
  rules: ['rules'] as const,
  ruleSuggestions: ['rules', 'suggestions'] as const,
  rulePreview: (conditions: RuleConditions) => ['rule-preview', conditions] as const,
  /** Under `transactions`, so every change to transactions recounts it. */
  categoryUsage: (categoryId: string) => ['transactions', 'category-usage', categoryId] as const,
};

export function useAccounts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => api.invoke('accounts:list') });
}

export function useAppInfo() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => api.invoke('app:info') });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.invoke('settings:get') });
}

export function useUpdateSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.invoke('settings:update', patch),
    onSuccess: (settings: Settings) => queryClient.setQueryData(queryKeys.settings, settings),
  });
}

export function usePluggyAccount() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.pluggyAccount, queryFn: () => api.invoke('pluggy-account:get') });
}

/** Saving or removing the keys also changes the mode, so both caches are refreshed. */
function usePluggyAccountChange<I>(change: (input: I) => Promise<PluggyAccountStatus>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (status: PluggyAccountStatus) => {
      queryClient.setQueryData(queryKeys.pluggyAccount, status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });
}

export function useSavePluggyAccount() {
  const api = useApi();
  return usePluggyAccountChange((input: PluggyCredentialsInput) => api.invoke('pluggy-account:save', input));
}

export function useChoosePluggyMode() {
  const api = useApi();
  return usePluggyAccountChange((mode: PluggyMode) => api.invoke('pluggy-account:use', { mode }));
}

export function useRemovePluggyAccount() {
  const api = useApi();
  return usePluggyAccountChange(() => api.invoke('pluggy-account:remove'));
}

export function useConnectors(search: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.connectors(search),
    queryFn: () => api.invoke('connectors:list', search ? { search } : {}),
  });
}

/** The connections, looked at again every `refreshMs` while something is in progress. */
export function useConnections(refreshMs: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.connections,
    queryFn: () => api.invoke('connections:list'),
    refetchInterval: refreshMs,
  });
}

/** Answers the MFA question a connection waits on; the connections list is looked at again after. */
export function useAnswerMfa(itemId: string, parameterName: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: string) => api.invoke('connections:mfa', { itemId, answer: { [parameterName]: value.trim() } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

export function useConnectionHistory(itemId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.connectionHistory(itemId),
    queryFn: () => api.invoke('connections:history', { itemId }),
    enabled,
  });
}

/** How many transactions the running sync of a connection has read, as main reports it (none when idle). */
export function useSyncProgress(itemId: string): number | undefined {
  return (
    useQuery({
      queryKey: queryKeys.syncProgress(itemId),
      queryFn: (): number | null => null,
      enabled: false,
    }).data ?? undefined
  );
}

/** Every category, archived ones included (flagged), for names, pickers and filters. */
export function useCategories() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.categories, queryFn: () => api.invoke('categories:list') });
}

export function useTransactionDetails(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.transactionDetails(id),
    queryFn: () => api.invoke('transactions:get', { id }),
    // Dropped when the panel closes: reopened, it starts from what was saved rather than a
    // copy cached before the last edits (the panel keeps its fields while it is open).
    gcTime: 0,
  });
}

type CategoryChange = 'categories:create' | 'categories:rename' | 'categories:merge' | 'categories:archive';

/**
 * Creates, renames, merges or archives a category. Categories, transactions and rules are
 * looked at again: a merge moves transactions and rules, and every change shows in names.
 */
export function useCategoryChange<C extends CategoryChange>(channel: C) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => api.invoke<CategoryChange>(channel, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.transactions }),
        queryClient.invalidateQueries({ queryKey: queryKeys.rules }),
      ]),
  });
}

/** How many transactions (not removed) have this category as theirs, from the transactions list's own count. */
export function useCategoryUsage(categoryId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.categoryUsage(categoryId ?? ''),
    queryFn: async () =>
      (await api.invoke('transactions:list', { filters: { categoryIds: [categoryId ?? ''] }, limit: 1, count: true }))
        .total ?? 0,
    enabled: categoryId !== null,
  });
}

/** The rules in the order they apply. */
export function useRules() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.rules, queryFn: () => api.invoke('rules:list') });
}

/** Rules learned from repeated manual choices; under `rules`, so every rule change refreshes them. */
export function useRuleSuggestions() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.ruleSuggestions, queryFn: () => api.invoke('rules:suggestions') });
}

/** What these conditions match now; null (conditions not valid yet) asks nothing. */
export function useRulePreview(conditions: RuleConditions | null) {
  const api = useApi();
  const input = conditions ?? { conditions: [] };
  return useQuery({
    queryKey: queryKeys.rulePreview(input),
    queryFn: () => api.invoke('rules:preview', input),
    enabled: conditions !== null,
    // The last answer stays on screen while the next is computed, rather than flashing empty.
    placeholderData: (previous) => previous,
  });
}

/** Every change to rules refreshes the list and the suggestions (an accepted or covered one goes away). */
function useRulesChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules }),
  });
}

export function useSaveRule() {
  const api = useApi();
  return useRulesChange((draft: RuleDraft) => api.invoke('rules:save', draft));
}

export function useDeleteRule() {
  const api = useApi();
  return useRulesChange((id: number) => api.invoke('rules:delete', { id }));
}

/** Shows the new order at once (moves come quickly from the keyboard); the answer or a refetch corrects it. */
export function useReorderRules() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => api.invoke('rules:reorder', { ids }),
    onMutate: (ids) => {
      const rules = queryClient.getQueryData<Rule[]>(queryKeys.rules);
      if (!rules) return;
      const byId = new Map(rules.map((rule) => [rule.id, rule]));
      queryClient.setQueryData(
        queryKeys.rules,
        ids.flatMap((id) => byId.get(id) ?? []),
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules }),
  });
}

export function useAcceptSuggestion() {
  const api = useApi();
  return useRulesChange((key: string) => api.invoke('rules:suggestion-accept', { key }));
}

export function useDismissSuggestion() {
  const api = useApi();
  return useRulesChange((key: string) => api.invoke('rules:suggestion-dismiss', { key }));
}
