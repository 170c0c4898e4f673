import { useTranslation } from 'react-i18next';
import { useAccounts, useConnections } from '../../api/queries.ts';
import { ConnectBankButton } from '../../components/ConnectBankButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';

/** The user's bank connections: how each is doing, and fresh data on request. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  const connections = useConnections(5000);
  const accounts = useAccounts();
  return (
    <section className="page" aria-labelledby="connections-title">
      <header className="page-header page-header-actions">
        <div>
          <h1 id="connections-title">{t('connections.title')}</h1>
          <p className="page-subtitle">{t('connections.subtitle')}</p>
        </div>
        <ConnectBankButton />
      </header>
      {connections.isError && <ErrorNotice error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.data?.length === 0 && (
        <div className="empty-state">
          <p>{t('connections.empty')}</p>
        </div>
      )}
      {connections.data?.map((connection) => (
        <ConnectionCard
          key={connection.id}
          connection={connection}
          accounts={accounts.data?.filter((account) => account.connectionId === connection.id) ?? []}
        />
      ))}
    </section>
  );
}
