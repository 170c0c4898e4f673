import type { SyncNotice } from '../../shared/models.ts';
import type { SyncEvent } from './sync-engine.ts';

/** A sync event as the windows receive it: plain data, no error objects. */
export function toSyncNotice(event: SyncEvent): SyncNotice {
  switch (event.kind) {
    case 'item-updated':
      return { kind: event.kind, itemId: event.itemId, ...event.counts };
    case 'item-error':
    case 'link-failed':
      return {
        kind: event.kind,
        itemId: event.itemId,
        errorCode: event.error.pluggyCode ?? event.error.code,
        ...(event.error.fixableBy ? { fixableBy: event.error.fixableBy } : {}),
      };
    case 'sync-progress':
      return { kind: event.kind, itemId: event.itemId, rowsRead: event.rowsRead };
    default:
      return { kind: event.kind, itemId: event.itemId };
  }
}
