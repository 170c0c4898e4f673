import type { OpenedDatabase } from '../../../db/open.ts';
import { creditCardBills } from '../../../db/schema.ts';
import type { Logger } from '../log.ts';
import type { PluggyClient } from '../pluggy/client.ts';
import { PluggyError } from '../pluggy/errors.ts';
import { toBillRow } from './pluggy-mapping.ts';

export interface CardBillsOptions {
  database: OpenedDatabase;
  client: PluggyClient;
  logger: Logger;
}

/**
 * A card's bills, kept so a reconciliation can start from the last one offline (issue 7).
 * Bills are upserted by id; one Pluggy no longer lists stays, as history. They are an aid,
 * not the books: failing to read them never fails a sync, the bills held stay as they were.
 */
export class CardBills {
  private readonly options: CardBillsOptions;

  constructor(options: CardBillsOptions) {
    this.options = options;
  }

  /** Reads and stores a card's bills; never rejects (a failure is logged as a warning). */
  async refresh(accountId: string, signal?: AbortSignal): Promise<void> {
    const { database, client, logger } = this.options;
    try {
      const bills = await client.bills(accountId, signal ? { signal } : {});
      database.db.transaction((tx) => {
        for (const bill of bills) {
          const row = toBillRow(bill, accountId);
          tx.insert(creditCardBills).values(row).onConflictDoUpdate({ target: creditCardBills.id, set: row }).run();
        }
      });
    } catch (error) {
      logger.warn('sync.bills-failed', {
        accountId,
        ...(error instanceof PluggyError ? { code: error.code, status: error.status } : {}),
        error,
      });
    }
  }
}
