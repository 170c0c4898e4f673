import { join } from 'node:path';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { connections, syncRuns } from '../../../db/schema.ts';
import type {
  ConnectionSummary,
  ConnectorSummary,
  ConnectToken,
  DemoData,
  LinkAttempt,
  PluggyMode,
  SyncRunSummary,
} from '../../shared/models.ts';
import { AppError } from '../../shared/errors.ts';
import { importPluggyCategories } from '../books/categories.ts';
import { demoData, forgetDemoData, requireDemoRemovalConfirmed } from '../books/demo-data.ts';
import type { ReconciledConfirmation } from '../books/reconciliation/locks.ts';
import { type ForgetOptions, forgetConnection, requireRemovalConfirmed } from '../books/removed-connections.ts';
import { TransactionSearchIndex } from '../books/transaction-search.ts';
import { oauthCallbackUrl } from '../connect/deep-link.ts';
import type { Logger, SecretRegistry } from '../log.ts';
import { PluggyClient } from '../pluggy/client.ts';
import { PluggyError } from '../pluggy/errors.ts';
import type { Item } from '../pluggy/models.ts';
import { MonthlyTotalsCatchUp } from '../reports/totals-catch-up.ts';
import type { SandboxHandle } from '../sandbox/server.ts';
import type { PluggyKeys } from '../secrets/credential-store.ts';
import type { PluggyApiTarget } from '../settings/pluggy-account.ts';
import { readSettings } from '../settings/settings-store.ts';
import { repairSignsOnce } from './account-signs.ts';
import { DataSync, type SyncTrigger } from './data-sync.ts';
import { InstitutionLogos } from './institution-logos.ts';
import { consentStanding } from './consent.ts';
import { closeInterruptedRuns } from './interrupted-runs.ts';
import { NewLinks } from './new-links.ts';
import { toConnectionRow } from './pluggy-mapping.ts';
import { partialUpdate } from './status-detail.ts';
import { SyncEngine, type SyncEvent } from './sync-engine.ts';

/** How long after an MFA question's expiry the item is looked at: Pluggy needs a moment to end it. */
const deadlineGraceMs = 3000;

export interface BankConnectionsOptions {
  database: OpenedDatabase;
  credentials: PluggyKeys;
  pluggyApi: PluggyApiTarget;
  /** Starts the embedded sandbox for demo mode, keeping its state in `directory`. */
  startDemoSandbox: (directory: string) => Promise<SandboxHandle>;
  /** Where demo mode keeps the sandbox's certificate and state (the user-data folder). */
  demoDirectory: string;
  logger: Logger;
  secrets: SecretRegistry;
  onEvent: (event: SyncEvent) => void;
  /** Passed to the sync engine (tests use short intervals and manual timers). */
  engine?: Partial<ConstructorParameters<typeof SyncEngine>[0]>;
  /** The time Open Finance consents are measured against (tests: the sandbox's clock). */
  now?: () => Date;
  /**
   * Where Pluggy sends an Open Finance login back: main gives the open Connect flow's
   * callback, with its state (core/connect/oauth-flow.ts); without one, the bare callback.
   */
  oauthRedirectUri?: () => string | Promise<string>;
}

interface Runtime {
  mode: PluggyMode;
  client: PluggyClient;
  dataSync: DataSync;
  engine: SyncEngine;
}

/**
 * The user's bank connections, whichever Pluggy they come from: the embedded sandbox in
 * demo mode, or the user's own application with the keys in the keychain. Builds the
 * client and sync engine for the current mode (again when the mode changes), and is what
 * the Connect window and the connection screens talk to.
 */
export class BankConnections {
  private readonly options: BankConnectionsOptions;
  private runtime: Promise<Runtime> | undefined;
  private sandbox: Promise<SandboxHandle> | undefined;
  private paused = false;
  private readonly logos: InstitutionLogos;
  private readonly searchIndex: TransactionSearchIndex;
  private readonly monthlyTotals: MonthlyTotalsCatchUp;
  private readonly now: () => Date;
  /** Connections before any of their data is kept: failed ones cleared away, duplicates asked about. */
  private readonly newLinks: NewLinks;
  /** Looks due when a bank's MFA question expires (see lookAtDeadline). */
  private readonly deadlines = new Set<NodeJS.Timeout>();

  constructor(options: BankConnectionsOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.newLinks = new NewLinks({
      database: options.database,
      logger: options.logger,
      onEvent: options.onEvent,
      runtime: () => this.current(),
    });
    this.logos = new InstitutionLogos(options.database.db, options.logger);
    this.searchIndex = new TransactionSearchIndex(options.database.sqlite);
    this.monthlyTotals = new MonthlyTotalsCatchUp(options.database.sqlite);
    // A sync's writer counts its rows as it writes them (provider-transactions.ts); rows
    // added otherwise (a reconciliation's adjustment) are counted at start, in the background.
    this.countForReports();
    const interrupted = closeInterruptedRuns(options.database.db, new Date());
    if (interrupted > 0) options.logger.warn('sync.interrupted-runs', { count: interrupted });
    // Signs an older version flipped (account-signs.ts): put right once, in the background.
    void repairSignsOnce(options.database, { logger: options.logger }).catch((error: unknown) =>
      options.logger.warn('sync.signs-repair-failed', { error }),
    );
  }

  /** Connectors to offer in the Connect window; in demo mode, the sandbox banks. */
  async connectors(search?: string): Promise<ConnectorSummary[]> {
    const { client, mode } = await this.current();
    const list = await client.connectors({
      sandbox: mode === 'demo',
      countries: ['BR'],
      ...(search ? { name: search } : {}),
    });
    return list
      .filter((connector) => mode !== 'demo' || connector.isSandbox)
      .map((connector) => ({
        id: connector.id,
        name: connector.name,
        imageUrl: connector.imageUrl ?? null,
        primaryColor: connector.primaryColor ?? null,
        openFinance: connector.isOpenFinance ?? false,
        credentials: (connector.credentials ?? []).map((credential) => ({
          name: credential.name,
          label: credential.label,
          type: credential.type,
          validation: credential.validation ?? null,
          validationMessage: credential.validationMessage ?? null,
          placeholder: credential.placeholder ?? null,
          optional: credential.optional ?? false,
          options: credential.options ?? [],
        })),
      }));
  }

  /** Creates the item, records it, and follows it in the background to its end. */
  async connect(connectorId: number, parameters: Record<string, string>): Promise<ConnectionSummary> {
    const { client, engine, mode } = await this.current();
    const item = await client.createItem({ connectorId, parameters });
    this.record(item, client, mode);
    this.follow(engine, item.id, 'connect');
    return this.summary(item.id);
  }

  /**
   * New credentials for a connection the bank refused, or an Open Finance consent renewed
   * (the login goes through the consent again): Pluggy logs in again, and we follow it.
   */
  async reconnect(itemId: string, parameters: Record<string, string>): Promise<ConnectionSummary> {
    const { client, engine, mode } = await this.current();
    this.requireFollowed(itemId, mode);
    this.record(await client.updateItem(itemId, { parameters }), client, mode);
    this.follow(engine, itemId, 'manual');
    return this.summary(itemId);
  }

  /**
   * The user's answer to "this bank is already connected", for a new link waiting on it.
   * Keeping both lets the new link's data in. Otherwise the new item is deleted at Pluggy
   * (and here), and the existing connection is updated: logged in with the credentials just
   * typed when the Connect window sends them, else refreshed, unless it waits on the user
   * (its login refused, an MFA code, an update already running). Returns the connection
   * to follow from now on.
   */
  async resolveDuplicate(
    itemId: string,
    keep: 'existing' | 'both',
    parameters?: Record<string, string>,
  ): Promise<ConnectionSummary> {
    const { client, engine, mode } = await this.current();
    const existingId = this.newLinks.answer(itemId, keep);
    if (keep === 'both') {
      this.follow(engine, itemId, 'connect');
      return this.summary(itemId);
    }
    await this.newLinks.drop(itemId, existingId);
    const existing = this.summary(existingId);
    const waiting = ['LOGIN_ERROR', 'WAITING_USER_INPUT', 'UPDATING', 'MERGING'].includes(existing.status);
    if (parameters || !waiting) {
      try {
        this.record(await client.updateItem(existingId, parameters ? { parameters } : {}), client, mode);
      } catch (error) {
        // Updated a short while ago: its data is as fresh as Pluggy allows.
        if (!(error instanceof PluggyError && error.code === 'PLUGGY_UPDATE_TOO_SOON')) throw error;
      }
    }
    this.follow(engine, existingId, 'manual');
    return this.summary(existingId);
  }

  /**
   * A connect token for Pluggy's widget, to link a bank or, with `itemId`, to log in again
   * to one of our connections (the token is then bound to it). Open Finance logins come
   * back through the balancete:// deep link. Own application only: the widget talks to
   * Pluggy itself, which knows nothing of the embedded sandbox.
   */
  async connectToken(itemId?: string): Promise<ConnectToken> {
    const { client, mode } = await this.current();
    if (mode !== 'own') {
      throw new AppError('CONNECT_WIDGET_OWN_ONLY', "Pluggy's Connect widget needs your own Pluggy application");
    }
    // Only a connection we keep may be reopened (NOT_FOUND for any other id), and only one of this mode.
    if (itemId) this.requireFollowed(itemId, mode);
    const oauthRedirectUri = (await this.options.oauthRedirectUri?.()) ?? oauthCallbackUrl;
    const connectToken = await client.createConnectToken({ ...(itemId ? { itemId } : {}), oauthRedirectUri });
    return { connectToken, updateItem: itemId ?? null };
  }

  /**
   * An item that Pluggy's widget says was connected. The id comes
   * from a window, so it is trusted only once read back with our own API key, which also
   * shows the item belongs to our application; then it is kept and followed like one
   * linked here (an update of a connection we already keep counts as a manual refresh).
   */
  async adopt(itemId: string): Promise<ConnectionSummary> {
    const { client, engine, mode } = await this.current();
    const { db } = this.options.database;
    const known = db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.id, itemId), isNull(connections.removedAt)))
      .get();
    const item = await client.item(itemId);
    this.record(item, client, mode);
    this.follow(engine, item.id, known ? 'manual' : 'connect');
    return this.summary(item.id);
  }

  /** Sends the MFA answer, then follows the update in the background. */
  async answerMfa(itemId: string, answer: Record<string, string>): Promise<ConnectionSummary> {
    const { client, engine, mode } = await this.current();
    this.requireFollowed(itemId, mode);
    try {
      this.record(await client.sendMfa(itemId, answer), client, mode);
    } catch (error) {
      // Refused, most likely as too late: the item is looked at, so a question that timed out shows as such.
      this.follow(engine, itemId, 'connect');
      throw error;
    }
    this.follow(engine, itemId, 'connect');
    return this.summary(itemId);
  }

  /** The user asked for fresh data (tray, screen): waits for the update and its sync. */
  async refresh(itemId: string): Promise<ConnectionSummary> {
    const { engine, mode } = await this.current();
    this.requireFollowed(itemId, mode);
    await engine.refresh(itemId);
    return this.summary(itemId);
  }

  /**
   * The user removed a connection: Pluggy deletes the item (and stops updating it), then
   * its data is kept in the books as disconnected accounts, or deleted. No sync of it
   * starts any more, and one in progress is waited for: nothing is written for it afterwards.
   * Deleting reconciled transactions is refused before anything happens, unless confirmed.
   * A connection with no data in the books leaves nothing behind, whatever `keepData` says.
   */
  async remove(itemId: string, options: ForgetOptions): Promise<void> {
    const connection = this.summary(itemId);
    const { db } = this.options.database;
    requireRemovalConfirmed(db, itemId, options);
    const keepData = options.keepData && this.newLinks.hasData(itemId);
    this.newLinks.forget(itemId);
    const { client, dataSync, mode } = await this.current();
    if (connection.mode === mode) {
      await client.deleteItem(itemId);
      await dataSync.retire(itemId);
    } else {
      // The other mode's item, at the other Pluggy (nothing here syncs it).
      await this.deleteQuietly(connection.mode, [itemId]);
    }
    // The question was answered before the bank was unlinked, which cannot be taken back: a
    // reconciliation finished meanwhile goes with the data the user chose to delete.
    forgetConnection(db, itemId, keepData, new Date(), { ...options, confirmReconciled: true });
    this.options.logger.info('connections.removed', { itemId, keepData });
  }

  /** What demo mode left in the books: for the "demo data" marker and the offer to remove it. */
  demoData(): DemoData {
    return demoData(this.options.database.db);
  }

  /**
   * Deletes every demo connection and all it brought, in one go (offered when the user
   * switches to their own Pluggy application). Reconciled demo transactions are refused
   * before anything happens, unless confirmed. Their items are deleted at the embedded
   * sandbox too, where they live, but the books do not wait on it.
   */
  async removeDemoData(confirmation: ReconciledConfirmation): Promise<void> {
    const { db } = this.options.database;
    requireDemoRemovalConfirmed(db, confirmation);
    const runtime = await this.runtime?.catch(() => undefined);
    const linked = db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.mode, 'demo'), isNull(connections.removedAt)))
      .all();
    for (const { id } of linked) {
      this.newLinks.forget(id);
      // In demo mode one may be syncing: nothing is written for it once this settles.
      if (runtime?.mode === 'demo') await runtime.dataSync.retire(id);
    }
    await this.deleteQuietly(
      'demo',
      linked.map(({ id }) => id),
    );
    forgetDemoData(db, new Date(), { confirmReconciled: true });
    this.options.logger.info('connections.demo-data-removed', { connections: linked.length });
  }

  /**
   * Deletes an item at a Pluggy the current mode does not follow (or at the embedded
   * sandbox) when it can be reached: a failure is logged, never in the user's way, since
   * nothing here depends on that item any more.
   */
  private async deleteQuietly(mode: PluggyMode, itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    let client: PluggyClient | undefined;
    try {
      client = await this.newClient(mode);
      for (const itemId of itemIds) {
        await client.deleteItem(itemId).catch((error: unknown) => {
          this.options.logger.warn('connections.delete-elsewhere-failed', { itemId, mode, error });
        });
      }
    } catch (error) {
      this.options.logger.warn('connections.delete-elsewhere-failed', { itemIds, mode, error });
    } finally {
      await client?.close();
    }
  }

  /**
   * How a link the Connect window follows is going: the connection while it is kept, or,
   * once nothing of it is, why it failed or which connection the user kept instead.
   */
  attempt(itemId: string): LinkAttempt {
    const { db } = this.options.database;
    const kept = db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.id, itemId), isNull(connections.removedAt)))
      .get();
    if (kept) return { itemId, connection: this.summary(itemId), failed: null, replacedBy: null };
    const ended = this.newLinks.endedLink(itemId);
    if (!ended) throw new AppError('NOT_FOUND', `No connection ${itemId}`);
    return { itemId, connection: null, ...ended };
  }

  /** The connection's latest syncs, newest first (its history on the Connections screen). */
  history(itemId: string, limit = 20): SyncRunSummary[] {
    this.summary(itemId);
    return this.options.database.db
      .select({
        id: syncRuns.id,
        trigger: syncRuns.trigger,
        status: syncRuns.status,
        startedAt: syncRuns.startedAt,
        finishedAt: syncRuns.finishedAt,
        created: syncRuns.created,
        updated: syncRuns.updated,
        removed: syncRuns.removed,
        errorCode: syncRuns.errorCode,
      })
      .from(syncRuns)
      .where(eq(syncRuns.connectionId, itemId))
      .orderBy(desc(syncRuns.id))
      .limit(limit)
      .all();
  }

  list(): ConnectionSummary[] {
    const { db } = this.options.database;
    return (
      db
        .select({ id: connections.id })
        .from(connections)
        // A manual account's holder is no connection: nothing to sync, refresh or remove.
        .where(and(isNull(connections.removedAt), ne(connections.mode, 'manual')))
        .orderBy(connections.connectorName)
        .all()
        .map((row) => this.summary(row.id))
    );
  }

  /** The user paused syncing (tray). */
  async pause(): Promise<void> {
    this.paused = true;
    (await this.current()).engine.pause();
  }

  /** Back from a pause, from sleep, or online again: poll at once (settles when that poll is done). */
  async resume(reason: string): Promise<void> {
    this.paused = false;
    await (await this.current()).engine.resume(reason);
  }

  isPaused(): boolean {
    return this.paused;
  }

  /** Fresh data for every connection of the current mode, as the user asked from the tray. */
  async refreshAll(): Promise<void> {
    for (const connection of this.list().filter((each) => each.followed)) {
      await this.refresh(connection.id).catch((error: unknown) =>
        this.options.logger.warn('connections.refresh-failed', { itemId: connection.id, error }),
      );
    }
  }

  /** When data of the current mode last came in, for the tray's status line. */
  lastSyncedAt(): string | null {
    const { db } = this.options.database;
    const last = db
      .select({ finishedAt: syncRuns.finishedAt })
      .from(syncRuns)
      .innerJoin(connections, eq(connections.id, syncRuns.connectionId))
      .where(and(eq(syncRuns.status, 'succeeded'), eq(connections.mode, readSettings(db).pluggyMode)))
      .orderBy(desc(syncRuns.id))
      .limit(1)
      .get();
    return last?.finishedAt ?? null;
  }

  /** Starts polling for the current mode (at start-up, and after a mode change). */
  async start(): Promise<void> {
    const { client, engine, mode } = await this.current();
    if (this.paused) engine.pause();
    else engine.start();
    // New links that failed while Balancete was closed (or that an older version kept).
    void this.newLinks.sweep(mode);
    // Logos of connections made before they were kept, or that could not be fetched then.
    const { db } = this.options.database;
    const kept = db
      .selectDistinct({ connectorId: connections.connectorId, imageUrl: connections.connectorImageUrl })
      .from(connections)
      .where(isNull(connections.removedAt))
      .all();
    for (const { connectorId, imageUrl } of kept) void this.logos.ensure(client, connectorId, imageUrl);
  }

  /** The user chose how often connections are looked at (Settings). */
  async syncIntervalChanged(): Promise<void> {
    const runtime = await this.runtime?.catch(() => undefined);
    runtime?.engine.setInterval(readSettings(this.options.database.db).syncIntervalMinutes * 60_000);
  }

  /** The mode changed: the next call builds a client and engine for the new one. */
  async modeChanged(): Promise<void> {
    const previous = this.runtime;
    this.runtime = undefined;
    for (const timer of this.deadlines) clearTimeout(timer);
    this.deadlines.clear();
    if (previous) {
      const runtime = await previous.catch(() => undefined);
      runtime?.engine.stop();
      await runtime?.client.close();
    }
  }

  async close(): Promise<void> {
    await this.modeChanged();
    const sandbox = await this.sandbox?.catch(() => undefined);
    await sandbox?.stop();
  }

  private current(): Promise<Runtime> {
    this.runtime ??= this.build().catch((error: unknown) => {
      this.runtime = undefined;
      throw error;
    });
    return this.runtime;
  }

  /** A client for a mode's Pluggy: the embedded sandbox (started if need be), or the user's own application. */
  private async newClient(mode: PluggyMode): Promise<PluggyClient> {
    const { logger, secrets } = this.options;
    if (mode === 'demo') {
      this.sandbox ??= this.options.startDemoSandbox(join(this.options.demoDirectory, 'sandbox'));
      const sandbox = await this.sandbox;
      return new PluggyClient({ baseUrl: sandbox.url, sandboxCa: sandbox.ca, ...sandbox.credentials, logger, secrets });
    }
    const keys = await this.options.credentials.read();
    if (!keys) throw new AppError('PLUGGY_KEYS_MISSING', 'No Pluggy keys are kept: save them in Settings');
    return new PluggyClient({ ...this.options.pluggyApi, ...keys, logger, secrets });
  }

  private async build(): Promise<Runtime> {
    const { database, logger } = this.options;
    const mode = readSettings(database.db).pluggyMode;
    const client = await this.newClient(mode);
    // Pluggy's taxonomy, once per client (each mode has its own): its category ids are on
    // every transaction. In the background, as nothing waits on it; a failure only costs names.
    void importPluggyCategories(database.db, client).catch((error: unknown) =>
      logger.warn('categories.import-failed', { error }),
    );
    const dataSync = new DataSync({
      database,
      client,
      mode,
      logger,
      onProgress: (itemId, rowsRead) => this.options.onEvent({ kind: 'sync-progress', itemId, rowsRead }),
    });
    const engine = new SyncEngine({
      database,
      client,
      dataSync,
      logger,
      mode,
      now: this.now,
      mayKeepData: (itemId) => this.newLinks.mayKeepData(itemId),
      onEvent: (event) => {
        // A new link that failed is no connection to reconnect: it is cleared away, and
        // that is what the windows hear of (link-failed).
        if (event.kind === 'item-error' && !this.newLinks.hasData(event.itemId)) {
          void this.newLinks
            .settle(event.itemId)
            .catch((error: unknown) => this.failedInBackground(event.itemId, error));
          return;
        }
        this.options.onEvent(event);
        if (event.kind === 'item-updated' && event.counts.created + event.counts.updated + event.counts.removed > 0)
          this.indexForSearch();
      },
      intervalMs: readSettings(database.db).syncIntervalMinutes * 60_000,
      ...this.options.engine,
    });
    return { mode, client, dataSync, engine };
  }

  /**
   * Indexes what a sync brought for search now, a chunk at a time between other work, so
   * the user's next search does not wait for it (~1 s per 100k new rows).
   */
  private indexForSearch(): void {
    this.searchIndex.catchUp().catch((error: unknown) => this.options.logger.warn('search.index-failed', { error }));
  }

  /**
   * Counts transactions not counted yet into the reports' running totals, a chunk at a time
   * between other work (reports read rows not counted yet from the table, slower).
   */
  private countForReports(): void {
    this.monthlyTotals
      .catchUp()
      .catch((error: unknown) => this.options.logger.warn('reports.totals-count-failed', { error }));
  }

  /**
   * Keeps what Pluggy just said about an item, so screens see it before the next poll;
   * fetches its logo. A new one is marked with the mode it was made in (demo or own).
   */
  private record(item: Item, client: PluggyClient, mode: PluggyMode): void {
    void this.logos.ensure(client, item.connector.id, item.connector.imageUrl ?? null);
    const row = toConnectionRow(item);
    this.options.database.db
      .insert(connections)
      .values({ ...row, mode })
      .onConflictDoUpdate({ target: connections.id, set: row })
      .run();
  }

  private summary(itemId: string): ConnectionSummary {
    const { db } = this.options.database;
    const row = db.select().from(connections).where(eq(connections.id, itemId)).get();
    if (!row || row.mode === 'manual') throw new AppError('NOT_FOUND', `No connection ${itemId}`);
    const lastRun = db
      .select({
        status: syncRuns.status,
        errorCode: syncRuns.errorCode,
        startedAt: syncRuns.startedAt,
        finishedAt: syncRuns.finishedAt,
      })
      .from(syncRuns)
      .where(eq(syncRuns.connectionId, itemId))
      .orderBy(desc(syncRuns.id))
      .limit(1)
      .get();
    // A failed sync since does not make the data older than the last one that succeeded.
    const lastSucceeded = db
      .select({ finishedAt: syncRuns.finishedAt })
      .from(syncRuns)
      .where(and(eq(syncRuns.connectionId, itemId), eq(syncRuns.status, 'succeeded')))
      .orderBy(desc(syncRuns.id))
      .limit(1)
      .get();
    const snapshot = row.snapshot as Item | null;
    const followed = row.removedAt === null && row.mode === readSettings(db).pluggyMode;
    return {
      id: row.id,
      connectorId: row.connectorId,
      institution: row.connectorName,
      institutionColor: row.connectorPrimaryColor,
      institutionLogo: this.logos.dataUri(row.connectorId),
      status: row.status,
      executionStatus: row.executionStatus,
      errorCode: row.errorCode,
      errorMessage: row.errorMessage,
      waitingFor:
        row.status === 'WAITING_USER_INPUT' && snapshot?.parameter
          ? {
              name: snapshot.parameter.name,
              label: snapshot.parameter.label,
              type: snapshot.parameter.type,
              expiresAt: snapshot.parameter.expiresAt ?? null,
            }
          : null,
      lastSyncedAt: lastSucceeded?.finishedAt ?? null,
      nextAutoSyncAt: row.nextAutoSyncAt,
      syncing: lastRun?.status === 'running',
      partial: snapshot ? partialUpdate(snapshot) : null,
      // The latest sync's outcome, not the best one: a failure after a success shows.
      syncFailure:
        lastRun?.status === 'failed'
          ? { errorCode: lastRun.errorCode ?? 'INTERNAL', at: lastRun.finishedAt ?? lastRun.startedAt }
          : null,
      duplicateOf: this.newLinks.duplicateOf(itemId),
      accountCount: this.newLinks.accountCount(itemId),
      mode: row.mode,
      followed,
      openFinance: snapshot?.connector.isOpenFinance ?? false,
      // Only what can be renewed from here is warned about: not the other mode's connections.
      consent: followed ? consentStanding(row.consentExpiresAt, this.now()) : null,
    };
  }

  /**
   * The connection, if it is one the current mode follows: NOT_FOUND for an unknown id, and
   * CONNECTION_OTHER_MODE for the other mode's (its item lives at the other Pluggy).
   */
  private requireFollowed(itemId: string, mode: PluggyMode): void {
    const connection = this.summary(itemId);
    if (connection.mode !== mode) {
      throw new AppError('CONNECTION_OTHER_MODE', `Connection ${itemId} belongs to ${connection.mode} mode`);
    }
  }

  /**
   * Follows an update in the background to its end; a new link that ended in failure is
   * then cleared away (the Connect window hears why through `attempt`).
   */
  private follow(engine: SyncEngine, itemId: string, trigger: SyncTrigger): void {
    void engine
      .follow(itemId, trigger)
      .then(() => {
        this.lookAtDeadline(engine, itemId, trigger);
        return this.newLinks.settle(itemId);
      })
      .catch((error: unknown) => this.failedInBackground(itemId, error));
  }

  /**
   * An item left waiting for the user's code is looked at again when the bank's question
   * expires, rather than at the next poll: Pluggy then ends it (USER_INPUT_TIMEOUT), and a
   * new link's Connect window says so at once.
   */
  private lookAtDeadline(engine: SyncEngine, itemId: string, trigger: SyncTrigger): void {
    const row = this.options.database.db
      .select({ status: connections.status, snapshot: connections.snapshot })
      .from(connections)
      .where(eq(connections.id, itemId))
      .get();
    const expiresAt = Date.parse((row?.snapshot as Item | null)?.parameter?.expiresAt ?? '');
    const due = expiresAt + deadlineGraceMs - Date.now();
    // Past it and still waiting: left to the regular polls, not looked at again and again.
    if (row?.status !== 'WAITING_USER_INPUT' || Number.isNaN(expiresAt) || due <= 0) return;
    const timer = setTimeout(() => {
      this.deadlines.delete(timer);
      this.follow(engine, itemId, trigger);
    }, due);
    timer.unref();
    this.deadlines.add(timer);
  }

  private failedInBackground(itemId: string, error: unknown): void {
    this.options.logger.warn('connections.follow-failed', { itemId, error });
  }
}
