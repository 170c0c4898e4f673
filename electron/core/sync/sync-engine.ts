import { and, eq, isNull, ne } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { connections } from '../../../db/schema.ts';
import type { Logger } from '../log.ts';
import type { PluggyClient } from '../pluggy/client.ts';
import { itemError, PluggyError } from '../pluggy/errors.ts';
import type { Item } from '../pluggy/models.ts';
import type { ConnectionConsent, PartialUpdate, PluggyMode } from '../../shared/models.ts';
import { consentNoticeKey, consentStanding } from './consent.ts';
import type { DataSync, SyncCounts, SyncTrigger } from './data-sync.ts';
import { toConnectionRow } from './pluggy-mapping.ts';
import { partialUpdate } from './status-detail.ts';

/**
 * What polling found out: the events Pluggy's webhooks would have sent, and sync progress.
 * BankConnections adds what it decides about new links: one that failed and was cleared
 * away, one that looks like a connection already kept.
 */
export type SyncEvent =
  | {
      kind: 'item-updated';
      itemId: string;
      counts: SyncCounts;
      trigger: SyncTrigger;
      /** What the update could not bring (PARTIAL_SUCCESS); absent or null when all came. */
      partial?: PartialUpdate | null;
    }
  | { kind: 'item-error'; itemId: string; error: PluggyError }
  | { kind: 'link-failed'; itemId: string; error: PluggyError }
  | { kind: 'duplicate-found'; itemId: string; existingId: string }
  | { kind: 'waiting-user-input'; itemId: string; parameter: NonNullable<Item['parameter']> }
  | { kind: 'login-succeeded'; itemId: string }
  | { kind: 'sync-started'; itemId: string; trigger: SyncTrigger }
  /** An Open Finance consent entered the warning window, or ended: told once for each end. */
  | { kind: 'consent-expiring' | 'consent-expired'; itemId: string; consent: ConnectionConsent }
  | { kind: 'sync-progress'; itemId: string; rowsRead: number };

export interface SyncEngineOptions {
  database: OpenedDatabase;
  client: PluggyClient;
  dataSync: DataSync;
  logger: Logger;
  onEvent: (event: SyncEvent) => void;
  /**
   * The Pluggy the client talks to: only connections of this mode are polled (the other
   * mode's items live at another Pluggy, which would answer 404). All when not said.
   */
  mode?: PluggyMode;
  /** The time consents are measured against (tests: the sandbox's clock). */
  now?: () => Date;
  /**
   * Asked before an item's data is synced: false holds the sync back, to be asked again at
   * the next look (a new link that looks like another connection waits for the user).
   */
  mayKeepData?: (itemId: string) => Promise<boolean>;
  /** Between polls (default 15 minutes), give or take `jitter` of it. */
  intervalMs?: number;
  jitter?: number;
  /** While an item updates after a manual refresh, how often to look at it (default 3 s). */
  refreshPollMs?: number;
  /**
   * After a round that hit trouble that passes (offline, Pluggy down or busy), the next one
   * comes sooner: this long (default 1 minute), doubling each time, up to the interval.
   */
  retryBaseMs?: number;
  /** How long a manual refresh waits for Pluggy before giving up (default 10 minutes). */
  refreshTimeoutMs?: number;
  random?: () => number;
  /** Timers, injectable for tests. */
  setTimer?: (run: () => void, ms: number) => () => void;
  sleep?: (ms: number) => Promise<void>;
}

const busyStatuses = new Set(['UPDATING', 'MERGING']);
/**
 * The item error of a consent that ran out. Pluggy's spec names none; the sandbox uses the
 * documented USER_AUTHORIZATION_NOT_GRANTED (the user must consent again), as Pluggy may.
 */
const consentLapseCode = 'USER_AUTHORIZATION_NOT_GRANTED';
/** Failures that pass by themselves: the data is kept and the poll tried again soon. */
const transientCodes = new Set(['PLUGGY_NETWORK', 'PLUGGY_TIMEOUT', 'PLUGGY_SERVER', 'PLUGGY_RATE_LIMITED']);

/**
 * Polling in place of webhooks (design.md §5). A timer reads every connection now and
 * then, tells what changed as webhooks would have, and runs a data sync when Pluggy has
 * new data. It never asks Pluggy to update an item: only `refresh`, on the user's word,
 * does (PATCH), then watches the item until it is done. Offline, a poll is skipped quietly;
 * after transient trouble the next round comes sooner, backing off to the interval.
 */
export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private cancelTimer: (() => void) | undefined;
  private paused = false;
  private polling: Promise<void> | undefined;
  /** Poll rounds in a row that hit transient trouble (they shorten the wait before the next). */
  private troubledRounds = 0;

  constructor(options: SyncEngineOptions) {
    this.options = options;
  }

  /** Polls now (start-up), then on the timer. */
  start(): void {
    this.stop();
    void this.pollNow('start-up');
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  /** The user chose another interval (Settings): the next poll is that far from now. */
  setInterval(intervalMs: number): void {
    this.options.intervalMs = intervalMs;
    if (this.cancelTimer) this.scheduleNext();
  }

  /** The user paused syncing (tray): no polls until `resume`. */
  pause(): void {
    this.paused = true;
    this.stop();
  }

  /** Back from a pause, from sleep, or online again: poll at once (settles when that poll is done). */
  resume(reason = 'resume'): Promise<void> {
    this.paused = false;
    return this.pollNow(reason);
  }

  isPaused(): boolean {
    return this.paused;
  }

  /** Reads every connection once (concurrent calls share one round), then schedules the next. */
  pollNow(reason: string): Promise<void> {
    if (this.paused) return Promise.resolve();
    this.polling ??= this.pollAll(reason)
      .catch((error: unknown) => {
        // A bug, not Pluggy: say so, and keep polling all the same.
        this.options.logger.error('sync.poll-crashed', { error });
        return true;
      })
      .then((troubled) => {
        this.troubledRounds = troubled ? this.troubledRounds + 1 : 0;
        this.polling = undefined;
        this.scheduleNext();
      });
    return this.polling;
  }

  /** A refresh the user asked for: Pluggy updates the item, we watch, then sync its data. */
  async refresh(itemId: string): Promise<void> {
    const { client } = this.options;
    await client.updateItem(itemId);
    await this.follow(itemId, 'manual');
  }

  /** Answers the MFA question an item is waiting on, then follows the update to its end. */
  async answerMfa(itemId: string, answer: Record<string, string>): Promise<void> {
    await this.options.client.sendMfa(itemId, answer);
    await this.follow(itemId, 'manual');
  }

  /** Looks at every connection; true when transient trouble (offline, Pluggy down) cut it short. */
  private async pollAll(reason: string): Promise<boolean> {
    const { db } = this.options.database;
    const { mode } = this.options;
    const ids = db
      .select({ id: connections.id })
      .from(connections)
      .where(and(isNull(connections.removedAt), mode ? eq(connections.mode, mode) : ne(connections.mode, 'manual')))
      .all();
    this.options.logger.info('sync.poll', { reason, connections: ids.length });
    let troubled = false;
    for (const { id } of ids) {
      try {
        await this.pollItem(id, 'poll');
      } catch (error) {
        if (error instanceof PluggyError && (error.code === 'PLUGGY_NETWORK' || error.code === 'PLUGGY_TIMEOUT')) {
          // Offline or Pluggy unreachable: nothing is lost, and the other connections would
          // fail alike; the next round, soon, tries again.
          this.options.logger.info('sync.poll-skipped', { itemId: id, code: error.code });
          return true;
        }
        if (error instanceof PluggyError && transientCodes.has(error.code)) troubled = true;
        this.options.logger.warn('sync.poll-failed', { itemId: id, error });
      }
    }
    return troubled;
  }

  /** Reads one item, reports what changed since the last look, and syncs data that moved. */
  private async pollItem(itemId: string, trigger: SyncTrigger): Promise<Item> {
    const { db } = this.options.database;
    const previous = db.select().from(connections).where(eq(connections.id, itemId)).get();
    const item = await this.options.client.item(itemId);
    // An update, never an insert: a connection the user removed while Pluggy answered
    // stays removed (connect and adopt record new ones before following them).
    const { changes } = db
      .update(connections)
      .set(toConnectionRow(item))
      .where(and(eq(connections.id, itemId), isNull(connections.removedAt)))
      .run();
    if (changes === 0) return item;

    const before = previous?.snapshot as Item | undefined;
    const consent = consentStanding(item.consentExpiresAt ?? null, this.options.now?.() ?? new Date());
    const lapsed = consent?.state === 'expired';
    this.tellConsent(itemId, consent, previous?.consentNotice ?? null);
    if (item.status === 'WAITING_USER_INPUT' && item.parameter && before?.status !== 'WAITING_USER_INPUT') {
      this.options.onEvent({ kind: 'waiting-user-input', itemId, parameter: item.parameter });
    }
    // A consent that ended was just told as such: no second, vaguer "reconnect" for it.
    const consentError = lapsed && item.error?.code === consentLapseCode;
    if (
      item.error &&
      !consentError &&
      (before?.error?.code !== item.error.code || before.executionStatus !== item.executionStatus)
    ) {
      this.options.onEvent({
        kind: 'item-error',
        itemId,
        error: itemError(item.error.code, item.error.message, item.error.providerMessage ?? undefined),
      });
    }
    if (before && busyStatuses.has(before.status) && !busyStatuses.has(item.status) && !item.error) {
      this.options.onEvent({ kind: 'login-succeeded', itemId });
    }
    const synced = previous?.syncedLastUpdatedAt ?? null;
    // Past its consent, the bank shares nothing: Pluggy answers empty accounts and
    // transactions, which must not be read as everything gone.
    if (item.status === 'UPDATED' && item.lastUpdatedAt && item.lastUpdatedAt !== synced && !lapsed) {
      if (this.options.mayKeepData && !(await this.options.mayKeepData(itemId))) return item;
      this.options.onEvent({ kind: 'sync-started', itemId, trigger });
      const counts = await this.options.dataSync.syncItem(itemId, trigger);
      this.options.onEvent({ kind: 'item-updated', itemId, counts, trigger, partial: partialUpdate(item) });
    }
    return item;
  }

  /** Tells once that an Open Finance consent is about to end, and once that it ended. */
  private tellConsent(itemId: string, consent: ConnectionConsent | null, told: string | null): void {
    if (!consent || consent.state === 'valid') return;
    const key = consentNoticeKey(consent);
    if (key === told) return;
    this.options.database.db.update(connections).set({ consentNotice: key }).where(eq(connections.id, itemId)).run();
    const kind = consent.state === 'expired' ? 'consent-expired' : 'consent-expiring';
    this.options.onEvent({ kind, itemId, consent });
  }

  /**
   * Looks at the item every few seconds while Pluggy works on it (within a time limit),
   * then syncs its data: after a refresh, an MFA answer, or a new connection ('connect').
   * Returns when the item is done, or waits on the user (MFA), or failed.
   */
  async follow(itemId: string, trigger: SyncTrigger): Promise<void> {
    const pollMs = this.options.refreshPollMs ?? 3000;
    const deadline = Date.now() + (this.options.refreshTimeoutMs ?? 10 * 60 * 1000);
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const item = await this.pollItem(itemId, trigger);
      if (!busyStatuses.has(item.status)) return;
      if (Date.now() > deadline) {
        throw new PluggyError('PLUGGY_TIMEOUT', 'Pluggy is still updating this connection; it will be synced later');
      }
      await sleep(pollMs);
    }
  }

  private scheduleNext(): void {
    if (this.paused) return;
    this.stop();
    const regular = this.options.intervalMs ?? 15 * 60 * 1000;
    const interval =
      this.troubledRounds > 0
        ? Math.min(regular, (this.options.retryBaseMs ?? 60_000) * 2 ** (this.troubledRounds - 1))
        : regular;
    const jitter = this.options.jitter ?? 0.1;
    const random = this.options.random ?? Math.random;
    const delay = Math.round(interval * (1 - jitter + 2 * jitter * random()));
    const setTimer =
      this.options.setTimer ??
      ((run: () => void, ms: number) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      });
    this.cancelTimer = setTimer(() => void this.pollNow('timer'), delay);
  }
}
