import { eq } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { accountHolders } from '../../../db/schema.ts';
import { taxIdKind } from '../../shared/tax-id.ts';
import type { Logger } from '../log.ts';
import type { PluggyClient } from '../pluggy/client.ts';
import type { Identity } from '../pluggy/models.ts';
import { PluggyError } from '../pluggy/errors.ts';

export interface AccountHoldersOptions {
  database: OpenedDatabase;
  client: PluggyClient;
  logger: Logger;
  now?: () => Date;
}

/** Who holds an account changes rarely: asking Pluggy once a week is plenty. */
const refreshAfterMs = 7 * 24 * 60 * 60 * 1000;

/**
 * A connection's account holder (Pluggy identity), kept for the PDF report's header. Not
 * every connector offers identity, and it is an aid, not the books: a failure is logged
 * and never fails a sync; the holder held stays as it was.
 */
export class AccountHolders {
  private readonly options: AccountHoldersOptions;

  constructor(options: AccountHoldersOptions) {
    this.options = options;
  }

  /** Reads and stores the holder when none is held or it is a week old; never rejects. */
  async refresh(itemId: string, signal?: AbortSignal): Promise<void> {
    const { database, client, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    const held = database.db
      .select({ fetchedAt: accountHolders.fetchedAt })
      .from(accountHolders)
      .where(eq(accountHolders.connectionId, itemId))
      .get();
    if (held && now.getTime() - Date.parse(held.fetchedAt) < refreshAfterMs) return;
    try {
      const identity = await client.identity(itemId, signal ? { signal } : {});
      const row = { connectionId: itemId, ...toHolder(identity), fetchedAt: now.toISOString() };
      database.db
        .insert(accountHolders)
        .values(row)
        .onConflictDoUpdate({ target: accountHolders.connectionId, set: row })
        .run();
    } catch (error) {
      logger.warn('sync.identity-failed', {
        itemId,
        ...(error instanceof PluggyError ? { code: error.code, status: error.status } : {}),
        error,
      });
    }
  }
}

/**
 * The name and tax id a report should carry. A business connection reports the company
 * (companyName, and its CNPJ in taxNumber) besides the person who logged in: the company
 * is the holder then. A person goes by their social name when they have one.
 */
export function toHolder(identity: Identity): {
  name: string | null;
  document: string | null;
  documentType: string | null;
} {
  const company = identity.taxNumber && taxIdKind(identity.taxNumber) === 'CNPJ' ? identity.taxNumber : null;
  if (company && identity.companyName) {
    return { name: identity.companyName, document: digits(company), documentType: 'CNPJ' };
  }
  const document = identity.document ?? identity.taxNumber ?? null;
  const kind = document ? taxIdKind(document) : null;
  return {
    name: identity.socialName ?? identity.fullName ?? identity.companyName ?? null,
    document: kind && document ? digits(document) : null,
    documentType: kind,
  };
}

const digits = (value: string) => value.replace(/\D/g, '');
