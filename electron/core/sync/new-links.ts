import { and, asc, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { accounts, connections } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { DuplicateOf, LinkFailure, PluggyMode } from '../../shared/models.ts';
import { accountLabelsById } from '../books/account-labels.ts';
import { forgetConnection } from '../books/removed-connections.ts';
import type { Logger } from '../log.ts';
import type { PluggyClient } from '../pluggy/client.ts';
import { itemError } from '../pluggy/errors.ts';
import type { DataSync } from './data-sync.ts';
import type { SyncEvent } from './sync-engine.ts';

export interface NewLinksOptions {
  database: OpenedDatabase;
  logger: Logger;
  onEvent: (event: SyncEvent) => void;
  /** The Pluggy client and data sync of the current mode. */
  runtime: () => Promise<{ client: PluggyClient; dataSync: DataSync; mode: PluggyMode }>;
}

/** How a new link ended once nothing of it is kept any more (for the Connect window that follows it). */
export interface EndedLink {
  failed: LinkFailure | null;
  replacedBy: string | null;
}

/** Statuses after which Pluggy has nothing more to do for an update: it failed. */
const failedStatuses = new Set(['LOGIN_ERROR', 'OUTDATED']);
/** Ended links remembered for the windows that follow them; older ones are forgotten. */
const endedKept = 50;

/**
 * The rules for a connection before any of its data is kept (a "new link"), so that
 * linking a bank never leaves junk behind:
 *
 * - A new link that fails (wrong password, locked account, MFA failed or timed out, the
 *   bank down) is cleared away: its item is deleted at Pluggy and its row here, and the
 *   Connect window is told why, to try again from the same form. A connection whose data
 *   is kept keeps it whatever happens later, and is offered Reconectar.
 * - A new link whose accounts are already in the books through another live connection of
 *   the same institution (same account numbers) waits for the user before any of its data
 *   is written: reconnect the existing one (the new item is deleted at Pluggy) or keep both.
 *
 * "Kept data" means accounts in the books: the first sync writes them before anything else.
 */
export class NewLinks {
  private readonly options: NewLinksOptions;
  /** New links waiting for the answer to "this bank is already connected", with what they match. */
  private readonly duplicates = new Map<string, { connectionId: string; accountIds: string[] }>();
  /** New links the user chose to keep beside the connection they duplicate. */
  private readonly keepingBoth = new Set<string>();
  private readonly ended = new Map<string, EndedLink>();
  private readonly settling = new Map<string, Promise<void>>();

  constructor(options: NewLinksOptions) {
    this.options = options;
  }

  /** Accounts of the connection in the books, whatever their state (closed, hidden). */
  accountCount(itemId: string): number {
    const { db } = this.options.database;
    return db.select({ count: count() }).from(accounts).where(eq(accounts.connectionId, itemId)).get()?.count ?? 0;
  }

  /** Whether any of the connection's data is in the books (then it is no new link any more). */
  hasData(itemId: string): boolean {
    return this.accountCount(itemId) > 0;
  }

  /**
   * The sync engine's question before it syncs an item: yes for a connection with data, or
   * one the user chose to keep; for a new link, yes unless its accounts are another
   * connection's, in which case it waits (asked again at every look, told once).
   */
  async mayKeepData(itemId: string): Promise<boolean> {
    if (this.keepingBoth.has(itemId) || this.hasData(itemId)) return true;
    const match = await this.findDuplicate(itemId);
    if (!match) {
      this.duplicates.delete(itemId);
      return true;
    }
    const asked = this.duplicates.has(itemId);
    this.duplicates.set(itemId, match);
    if (!asked) {
      this.options.logger.info('connections.duplicate-found', { itemId, existingId: match.connectionId });
      this.options.onEvent({ kind: 'duplicate-found', itemId, existingId: match.connectionId });
    }
    return false;
  }

  /** The connection a new link waits on the user about, named for the question. */
  duplicateOf(itemId: string): DuplicateOf | null {
    const match = this.duplicates.get(itemId);
    if (!match) return null;
    const { db, sqlite } = this.options.database;
    const existing = db
      .select({ institution: connections.connectorName })
      .from(connections)
      .where(eq(connections.id, match.connectionId))
      .get();
    if (!existing) return null;
    // In the order every screen lists accounts, by the names they go by.
    const matched = new Set(match.accountIds);
    return {
      connectionId: match.connectionId,
      institution: existing.institution,
      accounts: [...accountLabelsById(sqlite).values()]
        .filter((label) => matched.has(label.id))
        .map((label) => label.displayName),
    };
  }

  /**
   * Takes the user's answer: with `both`, the new link's data may now be kept; with
   * `existing`, returns the connection it duplicates (the caller drops the new link and
   * updates that one). NOT_FOUND when no such question waits.
   */
  answer(itemId: string, keep: 'existing' | 'both'): string {
    const match = this.duplicates.get(itemId);
    if (!match) throw new AppError('NOT_FOUND', `No question waits on connection ${itemId}`);
    this.duplicates.delete(itemId);
    if (keep === 'both') this.keepingBoth.add(itemId);
    return match.connectionId;
  }

  /** The user chose the existing connection: the new link goes, at Pluggy and here. */
  async drop(itemId: string, replacedBy: string): Promise<void> {
    await this.clearAway(itemId, { failed: null, replacedBy });
    this.options.logger.info('connections.duplicate-dropped', { itemId, replacedBy });
  }

  /** The user removed the connection: no question waits on it any more. */
  forget(itemId: string): void {
    this.duplicates.delete(itemId);
    this.keepingBoth.delete(itemId);
  }

  /** How a new link ended, once nothing of it is kept any more. */
  endedLink(itemId: string): EndedLink | undefined {
    return this.ended.get(itemId);
  }

  /**
   * A new link that failed is cleared away (a no-op for anything else): after an update
   * of it ends, when polling finds it failed, and at start-up. One at a time per item.
   */
  settle(itemId: string): Promise<void> {
    let settling = this.settling.get(itemId);
    if (!settling) {
      settling = this.clearIfFailed(itemId).finally(() => this.settling.delete(itemId));
      this.settling.set(itemId, settling);
    }
    return settling;
  }

  /**
   * At start-up: new links of this mode that failed while Balancete was closed, or that an
   * older version kept after a failed first login, are cleared away now.
   */
  async sweep(mode: PluggyMode): Promise<void> {
    const { db } = this.options.database;
    const failed = db
      .select({ id: connections.id })
      .from(connections)
      .where(
        and(
          eq(connections.mode, mode),
          isNull(connections.removedAt),
          inArray(connections.status, [...failedStatuses]),
        ),
      )
      .all();
    for (const { id } of failed) {
      await this.settle(id).catch((error: unknown) =>
        this.options.logger.warn('connections.clear-failed-link-failed', { itemId: id, error }),
      );
    }
  }

  private async clearIfFailed(itemId: string): Promise<void> {
    const { db } = this.options.database;
    const row = db
      .select()
      .from(connections)
      .where(and(eq(connections.id, itemId), isNull(connections.removedAt)))
      .get();
    if (!row || !failedStatuses.has(row.status) || this.hasData(itemId)) return;
    // Only the Pluggy it lives at can delete it: another mode's waits for that mode's start-up.
    if ((await this.options.runtime()).mode !== row.mode) return;
    const code = row.errorCode ?? 'UNEXPECTED_ERROR';
    const error = itemError(code, row.errorMessage ?? code);
    await this.clearAway(itemId, {
      failed: {
        institution: row.connectorName,
        errorCode: code,
        errorMessage: row.errorMessage,
        fixableBy: error.fixableBy ?? null,
      },
      replacedBy: null,
    });
    this.options.logger.info('connections.failed-link-cleared', { itemId, code });
    this.options.onEvent({ kind: 'link-failed', itemId, error });
  }

  /**
   * Deletes a new link at Pluggy, then here (its row, and anything a sync began for it).
   * Pluggy first: if it cannot be reached, the row stays and the next start-up tries again.
   */
  private async clearAway(itemId: string, ending: EndedLink): Promise<void> {
    const { client, dataSync } = await this.options.runtime();
    await client.deleteItem(itemId);
    await dataSync.retire(itemId);
    forgetConnection(this.options.database.db, itemId, false, new Date());
    this.forget(itemId);
    this.ended.set(itemId, ending);
    for (const old of this.ended.keys()) {
      if (this.ended.size <= endedKept) break;
      this.ended.delete(old);
    }
  }

  /**
   * Another live connection of the same institution (and the same Pluggy) holding accounts
   * with the numbers the new link's accounts have; the oldest, when several do.
   */
  private async findDuplicate(itemId: string): Promise<{ connectionId: string; accountIds: string[] } | null> {
    const { db } = this.options.database;
    const link = db
      .select({ connectorId: connections.connectorId, mode: connections.mode })
      .from(connections)
      .where(eq(connections.id, itemId))
      .get();
    if (!link) return null;
    const { client } = await this.options.runtime();
    const numbers = [
      ...new Set(
        (await client.accounts(itemId)).map((account) => account.number?.trim() ?? '').filter((number) => number),
      ),
    ];
    if (numbers.length === 0) return null;
    const matches = db
      .select({ connectionId: accounts.connectionId, accountId: accounts.id })
      .from(accounts)
      .innerJoin(connections, eq(accounts.connectionId, connections.id))
      .where(
        and(
          eq(connections.connectorId, link.connectorId),
          eq(connections.mode, link.mode),
          isNull(connections.removedAt),
          ne(connections.id, itemId),
          inArray(accounts.number, numbers),
        ),
      )
      .orderBy(asc(connections.createdAt), asc(connections.id), asc(accounts.createdAt), asc(accounts.id))
      .all();
    const connectionId = matches[0]?.connectionId;
    if (!connectionId) return null;
    return {
      connectionId,
      accountIds: matches.filter((match) => match.connectionId === connectionId).map((match) => match.accountId),
    };
  }
}
