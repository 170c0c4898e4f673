import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type {
  PluggyAccountStatus,
  PluggyCredentialsInput,
  PluggyMode,
  Settings,
  SettingsPatch,
} from '../../../electron/shared/models.ts';
import type { ChannelInput, ChannelOutput } from '../../../electron/shared/contract.ts';
import {
  maxTickLines,
  type ReconciliationDraft,
  type ReconciliationStanding,
  type ReconciliationStart,
} from '../../../electron/shared/reconciliation.ts';
import type { CategoryGroupChange } from '../../../electron/shared/classification.ts';
import type { ReportQuery } from '../../../electron/shared/reports.ts';
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
  /** Under `connections`: a sync notice or an answer refreshes the Connect window's view of its link. */
  linkAttempt: (itemId: string) => ['connections', itemId, 'attempt'] as const,
  /** Under `connections`: a bank linked or removed, or a sync, may change what demo mode left. */
  demoData: ['connections', 'demo-data'] as const,
  /** Rows read so far by the sync running for a connection; filled from sync:notice events. */
  syncProgress: (itemId: string) => ['sync-progress', itemId] as const,
  connectors: (search: string) => ['connectors', search] as const,
  /** Every page of every transactions view sits under this root, so one invalidation refreshes them all. */
  transactions: ['transactions'] as const,
  transactionPage: (query: TransactionView, page: number) => ['transactions', query, page] as const,
  transactionTotals: (filters: TransactionFilters) => ['transactions', 'totals', filters] as const,
  /** How many rows a view's filters let through, asked apart from its first page (an account's register). */
  transactionCount: (filters: TransactionFilters) => ['transactions', 'count', filters] as const,
  /** Under `transactions`, so an edit anywhere refreshes the open detail panel too. */
  transactionDetails: (id: string) => ['transactions', 'details', id] as const,
  categories: ['categories'] as const,
  rules: ['rules'] as const,
  ruleSuggestions: ['rules', 'suggestions'] as const,
  rulePreview: (conditions: RuleConditions) => ['rule-preview', conditions] as const,
  /** Under `transactions`, so every change to transactions recounts it. */
  categoryUsage: (categoryId: string) => ['transactions', 'category-usage', categoryId] as const,
  /** Under `transactions`: what a group change would move, and what waits for a decision, follow every edit and sync. */
  categoryGroupEffect: (change: CategoryGroupChange) => ['transactions', 'group-effect', change] as const,
  classificationReview: ['transactions', 'classification-review'] as const,
  /** Every reconciliation query sits under this root: finishing, undoing or resolving refreshes them all. */
  reconciliation: ['reconciliation'] as const,
  reconciliationSetup: (accountId: string) => ['reconciliation', 'setup', accountId] as const,
  reconciliationDraft: (id: number) => ['reconciliation', 'draft', id] as const,
  reconciliationHelp: (id: number) => ['reconciliation', 'help', id] as const,
  reconciliationHistory: (accountId: string) => ['reconciliation', 'history', accountId] as const,
  reconciliationConflicts: (accountId: string) => ['reconciliation', 'conflicts', accountId] as const,
  allReconciliationConflicts: ['reconciliation', 'conflicts'] as const,
  /** Under `transactions`: every edit, sync or category change refigures the open report. */
  report: (channel: ReportChannel, query: ReportQuery) => ['transactions', 'reports', channel, query] as const,
  /** Under `settings`: the owner set in Settings changes it. */
  reportOwner: ['settings', 'report-owner'] as const,
};

export function useAccounts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => api.invoke('accounts:list') });
}

/**
 * After accounts change (a bank linked or removed, an account renamed or hidden): the
 * accounts' names also travel in every transaction row and report (and a removal can
 * renumber the names of a bank linked twice), so those are read again too.
 */
export function refreshAccounts(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
    queryClient.invalidateQueries({ queryKey: queryKeys.transactions }),
  ]).then(() => undefined);
}

/** Sets or clears an account's nickname, hides or shows it. */
export function useUpdateAccount() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'accounts:update'>) => api.invoke('accounts:update', input),
    onSuccess: () => refreshAccounts(queryClient),
  });
}

/** What deleting an account would take with it, asked afresh each time the question opens. */
export function useAccountDeletion(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['account-deletion', id],
    queryFn: () => api.invoke('accounts:deletion', { id }),
    gcTime: 0,
  });
}

/**
 * Deletes a disconnected account with its transactions: its reconciliations and a removed
 * connection may go with it, so those screens look again too. Not waited for: the screen
 * that asked (the account's own register) moves away first, rather than be refreshed into
 * "no such account".
 */
export function useDeleteAccount() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'accounts:delete'>) => api.invoke('accounts:delete', input),
    onSuccess: () => {
      void refreshAccounts(queryClient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.reconciliation });
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
    },
  });
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
    onSuccess: (settings: Settings, patch) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      if ('reportOwnerName' in patch || 'reportOwnerDocument' in patch) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.reportOwner });
      }
    },
  });
}

export function usePluggyAccount() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.pluggyAccount, queryFn: () => api.invoke('pluggy-account:get') });
}

/**
 * Saving or removing the keys also changes the mode, so both caches are refreshed, and the
 * connections, which the new mode follows or not.
 */
function usePluggyAccountChange<I>(change: (input: I) => Promise<PluggyAccountStatus>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (status: PluggyAccountStatus) => {
      queryClient.setQueryData(queryKeys.pluggyAccount, status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
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

/** How a link the Connect window follows is going (looked at every second): kept, failed and cleared, or replaced. */
export function useLinkAttempt(itemId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.linkAttempt(itemId),
    queryFn: () => api.invoke('connections:attempt', { itemId }),
    refetchInterval: 1000,
  });
}

/** What demo mode left in the books: the shell's "demo data" marker and the offer to remove it. */
export function useDemoData() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.demoData, queryFn: () => api.invoke('demo-data:get') });
}

/**
 * Deletes every demo connection and all it brought; every screen looks at the books again,
 * the account holders the demo bank reported (the PDF report's) included.
 */
export function useRemoveDemoData() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'demo-data:remove'>) => api.invoke('demo-data:remove', input),
    onSuccess: (left) =>
      Promise.all([
        queryClient.setQueryData(queryKeys.demoData, left),
        refreshAccounts(queryClient),
        queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reconciliation }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reportOwner }),
      ]),
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

/** What giving a category this group would move (null asks nothing). */
export function useCategoryGroupEffect(change: CategoryGroupChange | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.categoryGroupEffect(change ?? { id: '', reportGroup: 'income' }),
    queryFn: () => api.invoke('categories:group-effect', change as CategoryGroupChange),
    enabled: change !== null,
  });
}

/** The categories whose group waits for the user's word, holding the most money first. */
export function useClassificationReview() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.classificationReview, queryFn: () => api.invoke('classification:review') });
}

/**
 * Sets a category's group, or puts groups back with an undo id. Every report, the review
 * list and the categories' badges follow (all under `transactions` or `categories`).
 */
export function useCategoryGroupChange() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
      queryClient.invalidateQueries({ queryKey: queryKeys.transactions }),
    ]);
  const set = useMutation({
    mutationFn: (change: CategoryGroupChange) => api.invoke('categories:set-group', change),
    onSuccess: refresh,
  });
  const undo = useMutation({
    mutationFn: (undoId: number) => api.invoke('undo:apply', { id: undoId }),
    onSuccess: refresh,
  });
  return { set, undo };
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

/** The figures a new reconciliation of the account starts from, and its draft's id when one is in progress. */
export function useReconciliationSetup(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reconciliationSetup(accountId),
    queryFn: () => api.invoke('reconciliation:setup', { accountId }),
  });
}

export function useReconciliationDraft(id: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reconciliationDraft(id),
    queryFn: () => api.invoke('reconciliation:get', { id }),
  });
}

/** Where the draft's difference may come from; asked only while the helper is open. */
export function useReconciliationHelp(id: number, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reconciliationHelp(id),
    queryFn: () => api.invoke('reconciliation:help', { id }),
    enabled,
    // The last answer stays while the next is computed (after each tick), rather than flashing empty.
    placeholderData: (previous) => previous,
  });
}

export function useReconciliationHistory(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reconciliationHistory(accountId),
    queryFn: () => api.invoke('reconciliation:history', { accountId }),
  });
}

export function useReconciliationConflicts(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reconciliationConflicts(accountId),
    queryFn: () => api.invoke('reconciliation:conflicts', { accountId }),
  });
}

/** How many bank changes to reconciled transactions wait for review, in every account (the menu's badge). */
export function useOpenConflictCount() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.allReconciliationConflicts,
    queryFn: () => api.invoke('reconciliation:conflicts', {}),
    select: (conflicts) => conflicts.length,
  }).data;
}

/**
 * Starting, discarding, finishing, undoing or resolving changes the account's whole
 * reconciliation picture and which transactions are locked: both are looked at again.
 */
function useReconciliationChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reconciliation }),
        queryClient.invalidateQueries({ queryKey: queryKeys.transactions }),
      ]),
  });
}

export function useStartReconciliation() {
  const api = useApi();
  return useReconciliationChange((input: ReconciliationStart) => api.invoke('reconciliation:start', input));
}

export function useDiscardReconciliation() {
  const api = useApi();
  return useReconciliationChange((id: number) => api.invoke('reconciliation:discard', { id }));
}

export function useFinishReconciliation() {
  const api = useApi();
  return useReconciliationChange((input: ChannelInput<'reconciliation:finish'>) =>
    api.invoke('reconciliation:finish', input),
  );
}

export function useUndoReconciliation() {
  const api = useApi();
  return useReconciliationChange((accountId: string) => api.invoke('reconciliation:undo', { accountId }));
}

export function useResolveConflict() {
  const api = useApi();
  return useReconciliationChange((input: ChannelInput<'reconciliation:resolve'>) =>
    api.invoke('reconciliation:resolve', input),
  );
}

/** A corrected statement (date, balance, or the first reconciliation's opening): the answer is the draft. */
export function useUpdateStatement(id: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { statementDate?: string; statementBalanceCents?: number; openingBalanceCents?: number }) =>
      api.invoke('reconciliation:update', { id, ...change }),
    onSuccess: (draft) => {
      queryClient.setQueryData<ReconciliationDraft>(queryKeys.reconciliationDraft(id), draft);
      return queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationHelp(id) });
    },
  });
}

/** The draft with these lines ticked or unticked, and its standing worked out again as the domain does. */
function withTicks(draft: ReconciliationDraft, ids: ReadonlySet<string>, cleared: boolean): ReconciliationDraft {
  const lines = draft.lines.map((line) => (ids.has(line.id) && line.cleared !== cleared ? { ...line, cleared } : line));
  const clearedTotalCents = lines.reduce((sum, line) => (line.cleared ? sum + line.amountCents : sum), 0);
  const differenceCents = draft.statementBalanceCents - (draft.openingBalanceCents + clearedTotalCents);
  return { ...draft, lines, clearedTotalCents, differenceCents, balanced: differenceCents === 0 };
}

/**
 * Ticks lines as cleared. The screen flips the lines at once (ticking comes fast from the
 * keyboard, and the answer holds only the totals, not thousands of lines); the saved totals
 * replace the guessed ones when no later tick is still on its way.
 */
export function useTickLines(id: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const draftKey = queryKeys.reconciliationDraft(id);
  const mutationKey = ['reconciliation-tick', id];
  return useMutation({
    mutationKey,
    mutationFn: async ({ transactionIds, cleared }: { transactionIds: string[]; cleared: boolean }) => {
      // In parts of what one call takes; the last answer has the standing after them all.
      let standing: ReconciliationStanding | undefined;
      for (let start = 0; start < transactionIds.length; start += maxTickLines) {
        const part = transactionIds.slice(start, start + maxTickLines);
        standing = await api.invoke('reconciliation:tick', { id, transactionIds: part, cleared });
      }
      return standing;
    },
    onMutate: ({ transactionIds, cleared }) => {
      void queryClient.cancelQueries({ queryKey: draftKey });
      const draft = queryClient.getQueryData<ReconciliationDraft>(draftKey);
      if (draft)
        queryClient.setQueryData<ReconciliationDraft>(draftKey, withTicks(draft, new Set(transactionIds), cleared));
    },
    onSuccess: (standing) => {
      // This mutation counts itself until its callbacks end: more than one means a later tick is pending.
      if (!standing || queryClient.isMutating({ mutationKey }) > 1) return;
      queryClient.setQueryData<ReconciliationDraft>(draftKey, (draft) => draft && { ...draft, ...standing });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: draftKey }),
    // Ticks change no transaction (locks come with finishing): only the helper looks again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationHelp(id) }),
  });
}

type ReportChannel = 'reports:profit-and-loss' | 'reports:livro-caixa' | 'reports:cash-flow' | 'reports:dashboard';

/** Whose books the reports are (the PDF report's header; Settings offers the banks' holders). */
export function useReportOwner() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.reportOwner, queryFn: () => api.invoke('reports:owner') });
}

/** One report for a period; the last period's figures stay up (marked as loading) while the next one is figured. */
export function useReport<C extends ReportChannel>(channel: C, query: ReportQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.report(channel, query),
    queryFn: () => api.invoke<ReportChannel>(channel, query) as Promise<ChannelOutput<C>>,
    placeholderData: (previous) => previous,
  });
}
