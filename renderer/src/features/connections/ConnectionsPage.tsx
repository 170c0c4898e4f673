import { useTranslation } from 'react-i18next';
import { useAccounts, useConnections } from '../../api/queries.ts';
import { ConnectBankButton } from '../../components/ConnectBankButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { ConsentBanner } from './Consent.tsx';

/** The user's bank connections: how each is doing, and fresh data on request. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  const connections = useConnections(5000);
  const accounts = useAccounts();
  return (
    <Page
      name="connections"
      title={t('connections.title')}
      subtitle={t('connections.subtitle')}
      actions={<ConnectBankButton />}
    >
      {connections.isError && <ErrorNotice error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.data && <ConsentBanner connections={connections.data} />}
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
    </Page>
  );
}
