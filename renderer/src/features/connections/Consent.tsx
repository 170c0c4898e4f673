import { useTranslation } from 'react-i18next';
import { bookkeepingDate, formatDate } from '../../../../electron/shared/format.ts';
import type { ConnectionConsent, ConnectionSummary } from '../../../../electron/shared/models.ts';
import { useApi } from '../../api/queries.ts';
import { consentNeedsRenewal } from './consent-state.ts';
import './consent.css';

/** The consent's last day, as the bank's calendar (São Paulo) has it: dd/mm/yyyy. */
const lastDay = (consent: ConnectionConsent) => formatDate(bookkeepingDate(consent.expiresAt));

/**
 * Opens the Connect window on this connection in update mode, where the user goes through
 * the bank's consent again: Pluggy's widget with their own application, the built-in flow
 * in demo mode.
 */
export function RenewConsentButton({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <button
      type="button"
      className="primary"
      onClick={() => void api.invoke('connect-window:open', { reconnect: connection.id })}
    >
      {t('connections.consent.renew')}
    </button>
  );
}

/** The card's line on a valid Open Finance consent: until when it lasts. */
export function ConsentUntil({ consent }: { consent: ConnectionConsent }) {
  const { t } = useTranslation();
  return <span className="account-meta">{t('connections.consent.until', { date: lastDay(consent) })}</span>;
}

/** The card's warning on a consent that is ending or over, and why that matters. */
export function ConsentWarning({ consent }: { consent: ConnectionConsent }) {
  const { t } = useTranslation();
  const date = lastDay(consent);
  return (
    <p className={`consent-notice consent-${consent.state}`}>
      {consent.state === 'expired'
        ? t('connections.consent.expired', { date })
        : consent.daysLeft === 0
          ? t('connections.consent.endsToday', { date })
          : t('connections.consent.ends', { count: consent.daysLeft, date })}
    </p>
  );
}

/**
 * Conexões' banner: every consent that ends within 15 days or has ended, each with its
 * renewal, above the cards, so it is seen before scrolling to the bank.
 */
export function ConsentBanner({ connections }: { connections: readonly ConnectionSummary[] }) {
  const { t } = useTranslation();
  const ending = connections.filter(consentNeedsRenewal);
  if (ending.length === 0) return null;
  return (
    <section className="consent-banner" aria-label={t('connections.consent.bannerLabel')}>
      <ul>
        {ending.map((connection) => {
          const consent = connection.consent as ConnectionConsent;
          const words = { bank: connection.institution, date: lastDay(consent) };
          return (
            <li key={connection.id}>
              <span>
                {consent.state === 'expired'
                  ? t('connections.consent.bannerExpired', words)
                  : consent.daysLeft === 0
                    ? t('connections.consent.bannerEndsToday', words)
                    : t('connections.consent.bannerEnds', { ...words, count: consent.daysLeft })}
              </span>
              <RenewConsentButton connection={connection} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
