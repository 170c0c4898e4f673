import { bookkeepingDate } from '../../shared/format.ts';
import type { ConnectionConsent } from '../../shared/models.ts';

/** From how many days before an Open Finance consent ends Balancete warns (screen, tray, notification). */
export const consentWarningDays = 15;

const dayMs = 24 * 3600 * 1000;

/**
 * Where an Open Finance consent stands at `now`: valid, ending within the warning window
 * (counted in São Paulo calendar days, so "ends in 15 days" is the same figure all day and
 * "0" is the last day), or over. None for a connection whose consent has no end (not Open
 * Finance, or a consent Pluggy says never expires).
 */
export function consentStanding(expiresAt: string | null, now: Date): ConnectionConsent | null {
  if (!expiresAt) return null;
  const end = new Date(expiresAt);
  if (Number.isNaN(end.getTime())) return null;
  const daysLeft = Math.max(
    0,
    Math.round((Date.parse(bookkeepingDate(end)) - Date.parse(bookkeepingDate(now))) / dayMs),
  );
  const state = now >= end ? 'expired' : daysLeft <= consentWarningDays ? 'expiring' : 'valid';
  return { expiresAt: end.toISOString(), state, daysLeft: state === 'expired' ? 0 : daysLeft };
}

/**
 * What the user was last told of a consent, kept with the connection so it is said once:
 * the state and the end it was about (a renewal's new end starts afresh).
 */
export function consentNoticeKey(consent: ConnectionConsent): string {
  return `${consent.state} ${consent.expiresAt}`;
}
