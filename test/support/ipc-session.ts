import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import type { SyncNotice } from '../../electron/shared/models.ts';

/**
 * The sync notices main sends the windows, as a test sees them: every one received, and
 * a wait for the next of a kind (resolved at once if it already came).
 */
export class NoticeRecorder {
  received: SyncNotice[] = [];
  private waiters: { match: (notice: SyncNotice) => boolean; resolve: (notice: SyncNotice) => void }[] = [];

  /** Pass as the handlers' `emit`. */
  readonly emit = (event: string, payload: unknown): void => {
    if (event !== 'sync:notice') return;
    const notice = payload as SyncNotice;
    this.received.push(notice);
    for (const waiter of this.waiters.filter((candidate) => candidate.match(notice))) waiter.resolve(notice);
  };

  next(kind: SyncNotice['kind'], itemId: string): Promise<SyncNotice> {
    const match = (candidate: SyncNotice) => candidate.kind === kind && candidate.itemId === itemId;
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Forget what came so far: the next waits look at new notices only. */
  clear(): void {
    this.received = [];
  }
}

/** Calls a channel as a window would (output checked against the contract); a failure throws with its code. */
export async function invoke<T>(handlers: HandlerMap, channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input, { validateOutput: true });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
