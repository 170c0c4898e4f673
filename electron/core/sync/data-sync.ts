import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { accounts, connections, syncRuns, syncTriggers, transactions } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { bookkeepingDate } from '../../shared/format.ts';
import { type ProviderTransaction, ProviderTransactionWriter } from '../books/provider-transactions.ts';
import type { Logger } from '../log.ts';
import { typedError } from '../typed-error.ts';
import { RulesOnIngest } from '../rules/ingest.ts';
import type { PluggyClient, TransactionFilters } from '../pluggy/client.ts';
import type { Account, Transaction } from '../pluggy/models.ts';
import { withdrawRemovals } from '../books/reconciliation/conflicts.ts';
import type { AccountType, PluggyMode } from '../../shared/models.ts';
import { AccountHolders } from './account-holders.ts';
import { AccountListing, holdsBankRows } from './account-listing.ts';
import { correctSigns } from './account-signs.ts';
import { CardBills } from './card-bills.ts';
import { eachAtMost } from './each-at-most.ts';
import { resolveAccountType, toAccountRow, toConnectionRow, toProviderTransaction } from './pluggy-mapping.ts';

export type SyncTrigger = (typeof syncTriggers)[number];

export interface SyncCounts {
  created: number;
  updated: number;
  removed: number;
}

export interface DataSyncOptions {
  database: OpenedDatabase;
  client: PluggyClient;
  /** The Pluggy the client talks to: a connection first stored by this sync is marked with it. */
  mode?: PluggyMode;
  logger: Logger;
  now?: () => Date;
  /** How far back `createdAtFrom` reaches behind the watermark, for rows Pluggy stamps late. */
  overlapMs?: number;
  /** The recent window re-read for changes and removals (design.md §5: about 45 days). */
  recentWindowDays?: number;
  /** Accounts of an item synced side by side (default accountsAtOnce; 1 for one after another). */
  accountsAtOnce?: number;
  /** Rows read so far in an item's sync, at most every `progressEveryMs` (default 250 ms). */
  onProgress?: (itemId: string, rowsRead: number) => void;
  progressEveryMs?: number;
}

const day = 24 * 3600 * 1000;
/** Rows per write transaction: about 10 ms of work on the 2-core target machine. */
export const writeSlice = 500;
/**
 * Rows sorted by id together before they are written, as consecutive slices. Pluggy's ids
 * are random UUIDs, so the rows of a slice in arrival order land on hundreds of different
 * leaf pages of the primary-key index, and SQLite writes every page a transaction touched
 * to the WAL (and again to the database at each checkpoint). Sorted, each slice covers a
 * tenth of the id range and so of that index: on a 100k-row first sync a third fewer page
 * writes and a quarter less time writing. Memory stays bounded at about two batches.
 */
const sortBatch = 10 * writeSlice;
/**
 * Accounts of an item synced at once, each with up to two reads of one request in flight
 * (see syncAccount): four requests at a time. Pluggy limits requests per endpoint per
 * minute (360 a minute for transactions), not how many run together; the transport waits
 * out a 429's Retry-After. Two keep this thread writing while pages travel, and no more
 * than two accounts' batches are held.
 */
const accountsAtOnce = 2;

/**
 * Data sync (design.md §5): brings one item's accounts and transactions up to date.
 * New rows come by `createdAtFrom` (the account's watermark less an overlap, so rows
 * Pluggy back-dates are not missed); a recent window is read again for rows that posted,
 * changed or disappeared. An account's removals and watermark commit together with its
 * last rows; the watermark never covers rows not yet committed, so an interruption only
 * means reading some rows again. Only provider fields are written, never the user's.
 * One sync per item at a time.
 */
export class DataSync {
  private readonly options: DataSyncOptions;
  private readonly writer: ProviderTransactionWriter;
  private readonly cardBills: CardBills;
  private readonly accountHolders: AccountHolders;
  private readonly running = new Map<string, Promise<SyncCounts>>();
  private readonly retired = new Set<string>();
  private readonly now: () => Date;

  constructor(options: DataSyncOptions) {
    this.options = options;
    // New transactions pass through the rules engine in the transaction that inserts them.
    this.writer = new ProviderTransactionWriter(
      options.database.sqlite,
      new RulesOnIngest(options.database.sqlite).applyToCreated,
    );
    this.now = options.now ?? (() => new Date());
    this.cardBills = new CardBills(options);
    this.accountHolders = new AccountHolders(options);
  }

  /**
   * The user is removing the item: no sync of it starts from now on, and this settles once
   * the one running, if any, has (whether it succeeds or not). Nothing is written for the
   * item afterwards, so its rows can be deleted safely.
   */
  async retire(itemId: string): Promise<void> {
    this.retired.add(itemId);
    await this.running.get(itemId)?.catch(() => undefined);
  }

  /** Syncs an item; a call while one runs for the same item joins it. */
  syncItem(itemId: string, trigger: SyncTrigger, signal?: AbortSignal): Promise<SyncCounts> {
    if (this.retired.has(itemId)) {
      return Promise.reject(new AppError('NOT_FOUND', `Connection ${itemId} was removed`));
    }
    let run = this.running.get(itemId);
    if (!run) {
      run = this.run(itemId, trigger, signal).finally(() => this.running.delete(itemId));
      this.running.set(itemId, run);
    }
    return run;
  }

  private async run(itemId: string, trigger: SyncTrigger, signal: AbortSignal | undefined): Promise<SyncCounts> {
    const { db } = this.options.database;
    const { client, logger } = this.options;
    const startedAt = this.now().toISOString();
    const item = await client.item(itemId, signal ? { signal } : {});
    const connection = toConnectionRow(item);
    db.insert(connections)
      .values({ ...connection, mode: this.options.mode ?? 'own' })
      .onConflictDoUpdate({ target: connections.id, set: connection })
      .run();
    const runId = db
      .insert(syncRuns)
      .values({ connectionId: itemId, trigger, status: 'running', startedAt })
      .returning({ id: syncRuns.id })
      .get().id;

    const totals: SyncCounts = { created: 0, updated: 0, removed: 0 };
    // The aids beside the books, read while the transactions are: the account holder at
    // once, a card's bills once its transactions are in. They add no wait to the
    // transactions, and their failures are only logged.
    const aids: Promise<void>[] = [this.accountHolders.refresh(itemId, signal)];
    try {
      const remote = await client.accounts(itemId, signal ? { signal } : {});
      const booked = this.upsertAccounts(itemId, remote);
      const progress = this.progressReporter(itemId);
      // Accounts side by side: one's pages travel while another's rows are written.
      const atOnce = this.options.accountsAtOnce ?? accountsAtOnce;
      await eachAtMost(booked, atOnce, signal, async ({ account, type }, accountSignal) => {
        const counts = await this.syncAccount(account, type, progress, accountSignal);
        totals.created += counts.created;
        totals.updated += counts.updated;
        totals.removed += counts.removed;
        if (type === 'CREDIT') aids.push(this.cardBills.refresh(account.id, signal));
      });
      await Promise.all(aids);
      // Together: an item marked synced always has its run marked succeeded.
      db.transaction((tx) => {
        tx.update(connections)
          .set({ syncedLastUpdatedAt: item.lastUpdatedAt ?? null })
          .where(eq(connections.id, itemId))
          .run();
        tx.update(syncRuns)
          .set({ status: 'succeeded', finishedAt: this.now().toISOString(), ...totals })
          .where(eq(syncRuns.id, runId))
          .run();
      });
      logger.info('sync.finished', { itemId, trigger, ...totals });
      return totals;
    } catch (error) {
      // Nothing may be written once the run has settled (see retire).
      await Promise.all(aids);
      // A typed failure (Pluggy's, a full disk) by its own code; INTERNAL for one the user cannot act on.
      const code = typedError(error)?.code ?? 'INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      db.update(syncRuns)
        .set({
          status: 'failed',
          finishedAt: this.now().toISOString(),
          ...totals,
          errorCode: code,
          errorMessage: message,
        })
        .where(eq(syncRuns.id, runId))
        .run();
      logger.warn('sync.failed', { itemId, trigger, code, error });
      throw error;
    }
  }

  /**
   * Accounts Pluggy lists are upserted; one it no longer lists is marked closed, never
   * deleted. Each is booked as the type resolveAccountType gives it, returned with it. When
   * an account's booked type changes, rows written in the old type's sign (or, by an older
   * version, some of them) are corrected in the transaction that stores the new type.
   */
  private upsertAccounts(itemId: string, remote: readonly Account[]): { account: Account; type: AccountType }[] {
    const { db, sqlite } = this.options.database;
    const { logger } = this.options;
    const now = this.now();
    const syncedAt = now.toISOString();
    const booked: { account: Account; type: AccountType }[] = [];
    const notes: [event: string, fields: Record<string, unknown>][] = [];
    db.transaction((tx) => {
      for (const account of remote) {
        const stored = tx.select({ type: accounts.type }).from(accounts).where(eq(accounts.id, account.id)).get();
        const type = resolveAccountType(account, stored?.type ?? null);
        booked.push({ account, type });
        if (type !== account.type) {
          notes.push(['sync.unknown-account-type', { accountId: account.id, received: account.type, bookedAs: type }]);
        }
        const row = toAccountRow(account, type, itemId, syncedAt);
        tx.insert(accounts)
          .values(row)
          .onConflictDoUpdate({ target: accounts.id, set: { ...row, closedAt: null } })
          .run();
        if (stored && stored.type !== type) {
          const corrected = correctSigns(sqlite, { accountId: account.id }, now);
          notes.push(['sync.signs-corrected', { accountId: account.id, from: stored.type, to: type, ...corrected }]);
        }
      }
      const listed = remote.map((account) => account.id);
      tx.update(accounts)
        .set({ closedAt: syncedAt })
        .where(
          and(
            eq(accounts.connectionId, itemId),
            isNull(accounts.closedAt),
            listed.length > 0 ? notInArray(accounts.id, listed) : undefined,
          ),
        )
        .run();
    });
    for (const [event, fields] of notes) logger.warn(event, fields);
    return booked;
  }

  /** Counts the rows read, and tells `onProgress` now and then (not per page: a large sync has hundreds). */
  private progressReporter(itemId: string): (rows: number) => void {
    const { onProgress, progressEveryMs = 250 } = this.options;
    if (!onProgress) return () => {};
    let read = 0;
    let toldAt = 0;
    return (rows) => {
      read += rows;
      const now = performance.now();
      if (now - toldAt < progressEveryMs) return;
      toldAt = now;
      onProgress(itemId, read);
    };
  }

  /** `type`: the type the account is booked as. */
  private async syncAccount(
    account: Account,
    type: AccountType,
    progress: (rows: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<SyncCounts> {
    const { db, sqlite } = this.options.database;
    const { client } = this.options;
    const stored = db
      .select({ watermark: accounts.transactionsSyncedThrough })
      .from(accounts)
      .where(eq(accounts.id, account.id))
      .get();
    const watermark = stored?.watermark ?? null;
    const overlap = this.options.overlapMs ?? 2 * day;
    const windowStart = new Date(this.now().getTime() - (this.options.recentWindowDays ?? 45) * day);
    // Which rows Pluggy listed matters only when the books already hold some of the
    // account's: for what is gone, and for conflicts taken back. A first sync into an empty
    // account (the large one) keeps no list at all, and skips both checks.
    const listing = holdsBankRows(sqlite, account.id) ? new AccountListing(sqlite, account.id) : null;
    try {
      // Rows are written while pages arrive, a slice at a time, each slice its own
      // transaction with the event loop let go in between: a large first sync neither holds
      // every row in memory nor stalls the app, and the next page travels while a slice is
      // written. Rows wait in batches sorted by id (see sortBatch). The watermark moves only
      // with the last slice: an interruption leaves rows that will be read (and upserted,
      // idempotently) again, never a watermark past rows not yet committed.
      let newWatermark = watermark;
      /** Rows not yet in a batch. */
      let arriving: ProviderTransaction[] = [];
      /** A batch sorted by id, written from `next` on. */
      let batch: ProviderTransaction[] = [];
      let next = 0;
      const written = { created: 0, updated: 0 };
      const write = async (slice: readonly ProviderTransaction[]) => {
        const counts = this.writer.write(slice, this.now());
        written.created += counts.created;
        written.updated += counts.updated;
        await new Promise((resolve) => setImmediate(resolve));
      };
      // One slice per page keeps writing in step with reading; more only if pages outgrow
      // slices and rows pile up beyond two batches.
      const writeSlices = async () => {
        do {
          if (next >= batch.length) {
            if (arriving.length < sortBatch) return;
            batch = arriving.sort(byId);
            arriving = [];
            next = 0;
          }
          await write(batch.slice(next, (next += writeSlice)));
        } while (arriving.length + batch.length - next > 2 * sortBatch);
      };
      // Pages of both reads are taken in turn, each written before the next is looked at.
      let absorbing = Promise.resolve();
      const absorb = (page: readonly Transaction[]) =>
        (absorbing = absorbing.then(async () => {
          progress(page.length);
          // A row both reads bring is written once.
          for (const row of listing ? listing.firstListed(page) : page) {
            if (row.createdAt && (!newWatermark || row.createdAt > newWatermark)) newWatermark = row.createdAt;
            arriving.push(toProviderTransaction(row, type));
          }
          await writeSlices();
        }));

      // New rows by `createdAtFrom`; after a first sync, also the recent window, by date. Read
      // a day more than the window whose rows may be found gone: however Pluggy reads a bare
      // date (São Paulo or UTC day), every row the check below looks at has been asked for.
      // The two cursors are independent: both are followed at once, so each waits on Pluggy
      // while the other's pages are written.
      const createdAtFrom = watermark ? new Date(Date.parse(watermark) - overlap).toISOString() : undefined;
      const reads: TransactionFilters[] = createdAtFrom
        ? [{ createdAtFrom }, { dateFrom: bookkeepingDate(new Date(windowStart.getTime() - day)) }]
        : [{}];
      await eachAtMost(reads, reads.length, signal, async (filters, readSignal) => {
        for await (const page of client.transactions(account.id, filters, { signal: readSignal })) await absorb(page);
      });
      const rest = [...batch.slice(next), ...arriving.sort(byId)];
      batch = [];
      arriving = [];
      // Leave the last slice for the transaction that moves the watermark.
      const lastSlice = rest.length % writeSlice || Math.min(rest.length, writeSlice);
      for (let start = 0; start < rest.length - lastSlice; start += writeSlice) {
        await write(rest.slice(start, start + writeSlice));
      }
      const tail = rest.slice(rest.length - lastSlice);
      // Rows of the window we hold but Pluggy no longer lists: the bank dropped them. Found
      // before the last transaction, so that it stays short: its own rows were all listed.
      // (A first sync read every row already: nothing it holds can be missing from Pluggy.)
      const gone = listing ? await listing.unlistedSince(bookkeepingDate(windowStart)) : [];
      const removedAt = this.now().toISOString();

      return db.transaction((tx) => {
        const counts = this.writer.write(tail, this.now());
        written.created += counts.created;
        written.updated += counts.updated;
        // (A reconciled one is held back as a conflict by migration 0006's trigger, not counted.)
        let removed = 0;
        for (let start = 0; start < gone.length; start += 500) {
          removed += tx
            .update(transactions)
            .set({ removedAt })
            .where(inArray(transactions.id, gone.slice(start, start + 500)))
            .run().changes;
        }
        if (listing) withdrawRemovals(db, account.id, (id) => listing.has(id));
        tx.update(accounts).set({ transactionsSyncedThrough: newWatermark }).where(eq(accounts.id, account.id)).run();
        return { created: written.created, updated: written.updated, removed };
      });
    } finally {
      listing?.dispose();
    }
  }
}

/**
 * Ids in string order, which for ASCII ids such as Pluggy's UUIDs is SQLite's own (BINARY)
 * order of the primary key; it only has to bring neighbours together, so any id works.
 */
function byId(a: ProviderTransaction, b: ProviderTransaction): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
