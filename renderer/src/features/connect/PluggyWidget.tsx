import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PluggyConnect } from 'react-pluggy-connect';
import { queryKeys, useApi } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ConnectTitle } from './ConnectTitle.tsx';
import { ConnectionProgress } from './ConnectionProgress.tsx';

/**
 * How long the widget may take to come up. Offline, its frame never answers and the SDK
 * keeps showing its spinner over the page; past this the page takes over and says so.
 */
const widgetLoadTimeoutMs = 30_000;

/** One opening of the widget, each with a connect token of its own (Pluggy's advice: one per connection; they last 30 minutes). */
interface Opening {
  attempt: number;
  /** The connection to log in to again (the widget's update mode). */
  reconnect: string | undefined;
}

/**
 * Linking a bank with the user's own Pluggy application (design.md §6): Pluggy's Connect
 * widget, opened with a connect token main made (the API key never comes here). Open
 * Finance banks log in in the browser and come back through balancete://. The item the
 * widget reports is handed to main, which reads it back with its own key before keeping
 * it; from then on the page follows it like the built-in flow does.
 */
export function PluggyWidget({ reconnect }: { reconnect: string | undefined }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState<Opening>({ attempt: 0, reconnect });
  const [widgetOpen, setWidgetOpen] = useState(true);
  const [rendered, setRendered] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [connected, setConnected] = useState<string | null>(null);
  /**
   * Items the widget reported failed (onError). The widget may try again with one, so each is
   * handed to main only once the widget is closed, another link succeeded or the window goes:
   * main then deletes at Pluggy any that is no connection it keeps (a failed new link).
   */
  const failedItems = useRef(new Set<string>());
  const clearFailedItems = useCallback(() => {
    for (const itemId of failedItems.current) {
      void api.invoke('connections:adopt', { itemId }).catch(() => undefined);
    }
    failedItems.current.clear();
  }, [api]);
  useEffect(() => {
    window.addEventListener('pagehide', clearFailedItems);
    return () => window.removeEventListener('pagehide', clearFailedItems);
  }, [clearFailedItems]);
  const token = useQuery({
    queryKey: ['connect-token', opening.attempt, opening.reconnect],
    queryFn: () => api.invoke('connect-token:create', opening.reconnect ? { itemId: opening.reconnect } : {}),
    // A token is used once, by the widget it was made for: never refetched, never kept.
    staleTime: Infinity,
    gcTime: 0,
  });
  const adopt = useMutation({
    mutationFn: (itemId: string) => api.invoke('connections:adopt', { itemId }),
    onSuccess: (connection) => {
      setConnected(connection.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
    },
  });
  const mounted = token.data !== undefined && widgetOpen && !loadFailed;

  useEffect(() => {
    if (!mounted || rendered) return;
    const timer = setTimeout(() => setLoadFailed(true), widgetLoadTimeoutMs);
    return () => clearTimeout(timer);
  }, [mounted, rendered]);

  const reopen = (reconnectId: string | undefined) => {
    setOpening((current) => ({ attempt: current.attempt + 1, reconnect: reconnectId }));
    setWidgetOpen(true);
    setRendered(false);
    setLoadFailed(false);
    setConnected(null);
    adopt.reset();
  };

  return (
    <main className="connect">
      <ConnectTitle
        reconnect={opening.reconnect}
        title={opening.reconnect ? t('connect.reconnectTitle') : t('connect.title')}
      />
      {mounted && (
        <PluggyConnect
          // The wrapper reads its props once, when it mounts: a new token needs a new widget.
          key={token.data.connectToken}
          connectToken={token.data.connectToken}
          {...(token.data.updateItem ? { updateItem: token.data.updateItem } : {})}
          language={i18n.language === 'pt-BR' ? 'pt' : 'en'}
          countries={['BR']}
          // Main opens the bank's login page in the system browser (hardening.ts), not in a pop-up.
          forceOauthInBrowser
          innerRef={(instance) => {
            if (instance) setRendered(true);
          }}
          onLoadError={() => setLoadFailed(true)}
          onSuccess={(data: { item?: { id?: unknown } }) => {
            // Whatever the frame says is only a claim: main checks it with Pluggy.
            const itemId = data.item?.id;
            if (typeof itemId !== 'string') return;
            failedItems.current.delete(itemId);
            clearFailedItems();
            adopt.mutate(itemId);
          }}
          onError={(error: { data?: { item?: { id?: unknown } } }) => {
            const itemId = error.data?.item?.id;
            if (typeof itemId === 'string') failedItems.current.add(itemId);
          }}
          onClose={() => {
            clearFailedItems();
            setWidgetOpen(false);
          }}
        />
      )}
      {token.isPending && (
        <p className="muted" role="status">
          {t('connect.widget.opening')}
        </p>
      )}
      {token.isError && <ErrorNotice error={token.error} onRetry={() => void token.refetch()} />}
      {adopt.isError && <ErrorNotice error={adopt.error} />}
      {connected ? (
        <ConnectionProgress
          itemId={connected}
          // A new link that failed is gone: the widget opens anew (to reconnect, if that was asked).
          onRetry={(failure) => reopen(failure.cleared ? opening.reconnect : connected)}
          // The existing connection chosen over a duplicate: followed, or logged in to again in the widget.
          onFollow={(itemId, connection) => {
            if (connection?.status === 'LOGIN_ERROR') reopen(itemId);
            else setConnected(itemId);
          }}
        />
      ) : loadFailed ? (
        <div className="connect-result" role="alert">
          <p>{t('connect.widget.loadFailed')}</p>
          <button type="button" className="primary" onClick={() => reopen(opening.reconnect)}>
            {t('connect.retry')}
          </button>
        </div>
      ) : (
        token.data &&
        (widgetOpen ? (
          <p className="muted">{t('connect.widget.help')}</p>
        ) : (
          <div className="connect-result">
            <p role="status">{t('connect.widget.closed')}</p>
            <div className="actions">
              <button type="button" onClick={() => window.close()}>
                {t('connect.close')}
              </button>
              <button type="button" className="primary" onClick={() => reopen(opening.reconnect)}>
                {t('connect.widget.reopen')}
              </button>
            </div>
          </div>
        ))
      )}
    </main>
  );
}
