import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../../electron/shared/contract.ts';
import type { CsvReading, ImportPreview } from '../../../../electron/shared/imports.ts';
import { refreshAccounts, useApi } from '../../api/queries.ts';
import type { StatementFile } from './file-bytes.ts';
import { type CsvShown, csvOfProblem } from './statement-problem.ts';

/** Every import list (one account's, or all) sits under this root. */
export const importsKey = ['imports'] as const;
const importsOf = (accountId: string) => ['imports', accountId] as const;

/** An account's imports, newest first. */
export function useImportHistory(accountId: string) {
  const api = useApi();
  return useQuery({ queryKey: importsOf(accountId), queryFn: () => api.invoke('imports:list', { accountId }) });
}

/**
 * Adding or undoing an import moves balances and the transaction lists: accounts, every
 * transactions view and the import lists are read again before the change settles.
 */
function useImportChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([refreshAccounts(queryClient), queryClient.invalidateQueries({ queryKey: importsKey })]).then(
        () => undefined,
      ),
  });
}

export function useApplyImport() {
  const api = useApi();
  return useImportChange((input: ChannelInput<'imports:apply'>) => api.invoke('imports:apply', input));
}

export function useUndoImport() {
  const api = useApi();
  return useImportChange((id: string) => api.invoke('imports:undo', { id }));
}

/** How long the preview waits after a change to the CSV reading before reading the file again. */
const debounceMs = 300;

export interface PreviewState {
  data: ImportPreview | null;
  error: unknown;
  /** A preview is being read (the first, or after a change). */
  pending: boolean;
  /**
   * For a CSV: the latest reading answered and the file split by it, whether it read (the
   * preview's) or not (the error's), kept while the next one is read: the panel to adjust it.
   */
  csv: CsvShown | null;
}

interface Settled {
  /** The file, account and reading answered. */
  key: string;
  /** The file and account answered. */
  source: string;
  data: ImportPreview | null;
  error: unknown;
  csv: CsvShown | null;
}

/**
 * The preview of a file for an account, read again (debounced) whenever the CSV reading
 * changes; an answer to an older request is dropped. While a new reading is read, and when
 * it fails, the last good preview of the same file and account stays (the user can change
 * the reading back). Not a query: the file's bytes would be the query's key, and a 30 MB key
 * is hashed on every render.
 */
export function useImportPreview(
  file: StatementFile | null,
  accountId: string,
  csv: CsvReading | undefined,
): PreviewState {
  const api = useApi();
  const [settled, setSettled] = useState<Settled | null>(null);
  const csvKey = csv === undefined ? '' : JSON.stringify(csv);
  const source = file && accountId ? `${file.id}|${accountId}` : '';
  const key = `${source}|${csvKey}`;
  useEffect(() => {
    if (!file || !accountId) return;
    let current = true;
    const reading = csvKey === '' ? undefined : (JSON.parse(csvKey) as CsvReading);
    const settle = (data: ImportPreview | null, error: unknown) => {
      if (!current) return;
      setSettled((previous) => {
        const same = previous?.source === source;
        const csv = data?.csv ? { view: data.csv, encoding: data.encoding } : csvOfProblem(error);
        return {
          key,
          source,
          data: data ?? (same ? previous.data : null),
          error,
          csv: csv ?? (same && !data ? previous.csv : null),
        };
      });
    };
    const timer = setTimeout(
      () => {
        api
          .invoke('imports:preview', {
            accountId,
            fileName: file.name,
            contentBase64: file.contentBase64,
            ...(reading ? { csv: reading } : {}),
          })
          .then(
            (data) => settle(data, null),
            (error: unknown) => settle(null, error),
          );
      },
      reading ? debounceMs : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, file, accountId, csvKey, key, source]);
  if (!source) return { data: null, error: null, pending: false, csv: null };
  const sameSource = settled?.source === source;
  return {
    data: sameSource ? settled.data : null,
    error: settled?.key === key ? settled.error : null,
    pending: settled?.key !== key,
    csv: sameSource ? settled.csv : null,
  };
}
