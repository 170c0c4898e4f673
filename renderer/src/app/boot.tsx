import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type ApiClient, connectToMain } from '../api/client.ts';
import { ApiContext, createQueryClient, queryKeys } from '../api/queries.ts';
import { changeLanguage, initI18n } from '../i18n/index.ts';
import { NoBridge } from './NoBridge.tsx';
import { applyTheme } from './theme.ts';
import '../styles.css';

/**
 * Starts one of Balancete's pages: finds the bridge to main, sets the language and theme
 * the user chose, keeps them in step with other windows, and renders the page with the API and query
 * cache around it. Outside Balancete (no bridge) it says so instead.
 */
export async function bootPage(render: (api: ApiClient, queryClient: QueryClient) => ReactNode): Promise<void> {
  // The system's appearance straight away (the page's background paints before settings arrive).
  applyTheme('system');
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const api = connectToMain();
  if (!api) {
    await initI18n('pt-BR');
    root.render(<NoBridge />);
    return;
  }
  const settings = await api.invoke('settings:get').catch(() => null);
  applyTheme(settings?.theme ?? 'system');
  await initI18n(settings?.language ?? 'pt-BR');
  const queryClient = createQueryClient();
  // Settings changed in another window (or the tray) reach this one's screens too, the
  // Settings form's own fields included.
  api.on('settings:changed', (next) => {
    queryClient.setQueryData(queryKeys.settings, next);
    void changeLanguage(next.language);
    applyTheme(next.theme);
  });
  // Data synced in the background changes what every screen shows.
  api.on('sync:notice', (notice) => {
    if (notice.kind === 'sync-progress') {
      queryClient.setQueryData(queryKeys.syncProgress(notice.itemId), notice.rowsRead ?? 0);
      return;
    }
    if (notice.kind === 'item-updated' || notice.kind === 'item-error' || notice.kind === 'link-failed') {
      queryClient.removeQueries({ queryKey: queryKeys.syncProgress(notice.itemId) });
    }
    if (notice.kind === 'item-updated') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.transactions });
      // A sync may have held back bank changes to reconciled transactions (conflicts).
      void queryClient.invalidateQueries({ queryKey: queryKeys.reconciliation });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
  });
  root.render(
    <StrictMode>
      <ApiContext value={api}>
        <QueryClientProvider client={queryClient}>{render(api, queryClient)}</QueryClientProvider>
      </ApiContext>
    </StrictMode>,
  );
}
