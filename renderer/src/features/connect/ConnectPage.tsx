import { useTranslation } from 'react-i18next';
import { useSettings } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ConnectFlow } from './ConnectFlow.tsx';
import { PluggyWidget } from './PluggyWidget.tsx';

/** The connection to log in to again, when the window was opened for that (`?reconnect=<id>`). */
const reconnectId = new URLSearchParams(window.location.search).get('reconnect') ?? undefined;

/**
 * The Connect window's page: Pluggy's own widget with the user's Pluggy application, the
 * built-in flow against the embedded sandbox in demo mode (Pluggy's widget talks only to
 * Pluggy, which knows nothing of that sandbox).
 */
export function ConnectPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return <p className="muted">{t('common.loading')}</p>;
  return settings.data.pluggyMode === 'own' ? (
    <PluggyWidget reconnect={reconnectId} />
  ) : (
    <ConnectFlow reconnect={reconnectId} />
  );
}
