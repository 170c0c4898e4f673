import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/queries.ts';
import { consentNeedsRenewal } from '../connections/consent-state.ts';

/**
 * The Connect window's heading. Opened on a connection whose Open Finance consent is ending
 * or over, it says this is a renewal, and what it does: the login goes through the bank's
 * consent again, for the same connection and history.
 */
export function ConnectTitle({ reconnect, title }: { reconnect: string | undefined; title: string }) {
  const { t } = useTranslation();
  const connections = useConnections();
  const renewing = reconnect ? connections.data?.find((connection) => connection.id === reconnect) : undefined;
  if (!renewing || !consentNeedsRenewal(renewing)) return <h1>{title}</h1>;
  return (
    <>
      <h1>{t('connect.renew.title')}</h1>
      <p className="page-subtitle">{t('connect.renew.help', { bank: renewing.institution })}</p>
    </>
  );
}
