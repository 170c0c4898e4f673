import type { ConnectionSummary } from './models.ts';

/**
 * Where a connection stands, in one word, as its badge and the tray say it. It is the last
 * attempt's outcome: an update that failed, a sync here that failed or an update that
 * brought only part of the data never reads as "up to date", however good the one before.
 */
export type ConnectionState =
  /** The other mode's connection (demo data while the user's own application is in use, or the reverse): not updated. */
  | 'other-mode'
  /** The Open Finance consent ended: the bank shares nothing until the user renews it. */
  | 'consent-expired'
  /** The Open Finance consent ends within 15 days: renewing it now keeps the data coming. */
  | 'consent-expiring'
  /** The bank waits for a code (MFA). */
  | 'mfa'
  /** A new link looks like another connection: the user is asked before its data is kept. */
  | 'question'
  /** The bank refused the login: new credentials are needed. */
  | 'reconnect'
  /** Pluggy updates it, or its data is being brought in. */
  | 'syncing'
  /** The last update failed at the bank or at Pluggy (it is tried again). */
  | 'outdated'
  /** Pluggy updated it, but bringing the data here failed (the books are as of the last sync). */
  | 'sync-failed'
  /** The last update brought only part of the data (PARTIAL_SUCCESS). */
  | 'partial'
  | 'ok'
  /** Nothing of it is in the books yet. */
  | 'never';

/** States in which the user has to do something. */
export const needsUser: ReadonlySet<ConnectionState> = new Set([
  'mfa',
  'question',
  'reconnect',
  'consent-expired',
  'consent-expiring',
]);

/** `refreshing`: the user just asked for an update that has not reached the connection's status yet. */
export function connectionState(
  connection: Pick<
    ConnectionSummary,
    'status' | 'syncing' | 'lastSyncedAt' | 'partial' | 'syncFailure' | 'duplicateOf'
  > &
    Partial<Pick<ConnectionSummary, 'followed' | 'consent'>>,
  refreshing = false,
): ConnectionState {
  if (connection.followed === false) return 'other-mode';
  if (connection.status === 'WAITING_USER_INPUT') return 'mfa';
  if (connection.duplicateOf) return 'question';
  const busy = refreshing || connection.syncing || connection.status === 'UPDATING' || connection.status === 'MERGING';
  // A renewal under way shows as updating; an ended consent explains its login error.
  if (connection.consent?.state === 'expired' && !busy) return 'consent-expired';
  if (connection.status === 'LOGIN_ERROR') return 'reconnect';
  if (busy) return 'syncing';
  if (connection.consent?.state === 'expiring') return 'consent-expiring';
  if (connection.status === 'OUTDATED') return 'outdated';
  if (connection.syncFailure) return 'sync-failed';
  if (connection.partial) return 'partial';
  return connection.lastSyncedAt ? 'ok' : 'never';
}
