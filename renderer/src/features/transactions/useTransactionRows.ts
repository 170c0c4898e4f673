import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TransactionPage, TransactionRow, TransactionTotals } from '../../../../electron/shared/transactions.ts';
import { queryKeys, type TransactionView, useApi } from '../../api/queries.ts';

/** Rows per request: the query engine's page size, small enough to answer in milliseconds. */
export const pageSize = 200;

export interface TransactionRows {
  /** How many rows the filtered set has (0 until the first page arrives). */
  total: number;
  /** Money in, out and net of the filtered set, asked for apart: undefined until they arrive. */
  totals: TransactionTotals | undefined;
  /** The row at an index of the filtered set, or undefined while its page is loading. */
  rowAt(index: number): TransactionRow | undefined;
  /** Every row of this view already fetched (what "select all loaded" selects). */
  loadedRows(): TransactionRow[];
  isPending: boolean;
  error: Error | null;
  /** True while a changed view still shows the previous view's first page. */
  isStale: boolean;
}

/**
 * The rows of a view, fetched a page at a time for the indexes on screen: the first page
 * always (it carries the count), plus the pages the visible range touches. Pages are
 * cached per view, so scrolling back shows them at once; the totals depend on the filters
 * alone, so a new sort or scrolling never asks for them again.
 *
 * `countApart`: the first page comes without the count, which is asked for beside it (an
 * account's register: counting 200k rows of one account takes longer than its first page,
 * which then shows at once, the list growing to its full length when the count comes).
 */
export function useTransactionRows(
  view: TransactionView,
  firstVisible: number,
  lastVisible: number,
  { countApart = false }: { countApart?: boolean } = {},
): TransactionRows {
  const api = useApi();
  const queryClient = useQueryClient();
  const firstPage = Math.floor(Math.max(0, firstVisible) / pageSize);
  const lastPage = Math.floor(Math.max(0, lastVisible) / pageSize);
  const pages = [0];
  for (let page = Math.max(1, firstPage); page <= lastPage; page += 1) pages.push(page);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.transactionPage(view, page),
      // Only the first page counts the set: a count over years of rows costs tens of ms.
      queryFn: () =>
        api.invoke('transactions:list', {
          ...view,
          offset: page * pageSize,
          limit: pageSize,
          count: page === 0 && !countApart,
        }),
      // Only the first page stands in for itself while a new view loads: totals and the top rows stay put.
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const counted = useQuery({
    queryKey: queryKeys.transactionCount(view.filters ?? {}),
    queryFn: async () =>
      (await api.invoke('transactions:list', { filters: view.filters ?? {}, limit: 1, count: true })).total ?? 0,
    placeholderData: keepPreviousData,
    enabled: countApart,
  });
  const totals = useQuery({
    queryKey: queryKeys.transactionTotals(view.filters ?? {}),
    queryFn: () => api.invoke('transactions:totals', view.filters ?? {}),
    placeholderData: keepPreviousData,
  });
  const head = results[0];
  const byPage = new Map<number, TransactionRow[]>();
  results.forEach((result, position) => {
    const page = pages[position];
    if (page !== undefined && result.data) byPage.set(page, result.data.rows);
  });
  const rowAt = (index: number) => byPage.get(Math.floor(index / pageSize))?.[index % pageSize];

  const total = (countApart ? counted.data : head?.data?.total) ?? head?.data?.rows.length ?? 0;
  // This view's pages by their exact keys: a prefix match would also take in the pages of
  // views with more filters (a key matches any longer one), rows the user cannot see.
  const loadedRows = useCallback(
    () =>
      Array.from(
        { length: Math.ceil(total / pageSize) },
        (_, page) => queryClient.getQueryData<TransactionPage>(queryKeys.transactionPage(view, page))?.rows ?? [],
      ).flat(),
    [queryClient, view, total],
  );

  return {
    total,
    totals: totals.data,
    rowAt,
    loadedRows,
    isPending: (head?.isPending ?? true) || (countApart && counted.isPending),
    error: results.find((result) => result.error)?.error ?? counted.error ?? totals.error,
    isStale: head?.isPlaceholderData ?? false,
  };
}
