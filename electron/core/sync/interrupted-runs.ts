import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { syncRuns } from '../../../db/schema.ts';

/**
 * Syncs a previous run of the app left 'running' — it was killed, crashed or lost power
 * mid-sync — are recorded as interrupted, so the history tells the truth and no
 * connection shows as syncing forever. Their data needs nothing: whatever they committed
 * is consistent and the next sync reads the rest (design.md §5). Call once at start-up,
 * before any sync of this run begins (one Balancete runs at a time: the single-instance lock).
 */
export function closeInterruptedRuns(db: Db, now: Date): number {
  return db
    .update(syncRuns)
    .set({
      status: 'failed',
      finishedAt: now.toISOString(),
      errorCode: 'SYNC_INTERRUPTED',
      errorMessage: 'Balancete stopped before this sync finished',
    })
    .where(eq(syncRuns.status, 'running'))
    .run().changes;
}
