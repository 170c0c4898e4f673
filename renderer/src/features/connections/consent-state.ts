import type { ConnectionSummary } from '../../../../electron/shared/models.ts';

/** An Open Finance consent that is ending or has ended: what the screens warn about and offer to renew. */
export function consentNeedsRenewal(connection: ConnectionSummary): boolean {
  return connection.consent !== null && connection.consent.state !== 'valid';
}
