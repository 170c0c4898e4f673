/**
 * Amounts put back in the sign their account's type gives them (design.md §3). A bank
 * row keeps Pluggy's JSON (`raw`), whose amount is in Pluggy's own sign, so a stored
 * amount of the wrong sign is told exactly, row by row, however it came to be written:
 * under another type than the account's now (one first seen with a type Balancete did
 * not know and nothing else to go by, booked as BANK, then reported as CREDIT), or by a
 * version that booked a card reported with an unknown type as a bank account.
 *
 * A wrong row is negated, exactly, in integer cents, and its split parts with it (they
 * are kept in its sign and add up to it). The user's fields stay as they are, and so does
 * a reconciled row: migration 0006's trigger holds its correction back as a conflict for
 * the user to review, and its parts stay in step with the amount it keeps.
 */
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { settings } from '../../../db/schema.ts';
import { AccountType } from '../../shared/models.ts';
import type { Logger } from '../log.ts';
import { userSign } from './pluggy-mapping.ts';

/** What a correction did. */
export interface SignCorrections {
  /** Rows negated. */
  corrected: number;
  /** Reconciled rows whose correction is held back as a conflict. */
  heldBack: number;
}

/** Rows of one account, or the rows in a range of rowids. */
type SignScope = { accountId: string } | { rowidsAfter: number; rowidsThrough: number };

/** Each known type's sign as SQL over `a.type`, made by userSign so the two cannot drift; null for any other type. */
const accountSign = `CASE a.type ${AccountType.options.map((type) => `WHEN '${type}' THEN ${userSign(type)}`).join(' ')} END`;

/**
 * Negates the bank rows in `scope` whose amount has the wrong sign for their account's
 * stored type (rows of an account whose type is not known are left alone). Call it inside
 * a transaction: a row and its parts must change together.
 */
export function correctSigns(sqlite: Database.Database, scope: SignScope, now: Date): SignCorrections {
  const [inScope, scopeValues] =
    'accountId' in scope
      ? ['t.account_id = ?', [scope.accountId]]
      : ['t.rowid > ? AND t.rowid <= ?', [scope.rowidsAfter, scope.rowidsThrough]];
  // A zero amount has no sign to get wrong; a row without Pluggy's amount is left as it is.
  const wrong = sqlite
    .prepare(
      `SELECT t.id FROM transactions t CROSS JOIN accounts a ON a.id = t.account_id
        WHERE ${inScope} AND t.origin = 'bank'
          AND sign(t.amount_cents) = -(${accountSign}) * sign(t.raw ->> '$.amount')`,
    )
    .pluck()
    .all(...scopeValues) as string[];
  const negate = sqlite.prepare(
    `UPDATE transactions
        SET amount_cents = -amount_cents, amount_in_account_currency_cents = -amount_in_account_currency_cents,
            updated_at = ?
      WHERE id = ?`,
  );
  const negateParts = sqlite.prepare(
    'UPDATE transaction_splits SET amount_cents = -amount_cents WHERE transaction_id = ?',
  );
  const at = now.toISOString();
  let corrected = 0;
  for (const id of wrong) {
    // No change: the row is reconciled and the trigger held the correction back.
    if (negate.run(at, id).changes === 0) continue;
    negateParts.run(id);
    corrected += 1;
  }
  return { corrected, heldBack: wrong.length - corrected };
}

/** The settings row recording that the repair below was done, with what it found. */
const repairedKey = 'sync.signs-repaired';
/** Rowids per repair transaction: about 6 ms of work on the 2-core target machine. */
const repairSlice = 2_000;

/**
 * The one-time repair of books written before account types were resolved: versions that
 * booked a card reported with a type they did not know as a bank account, and left its
 * rows of that sync in Pluggy's sign once the type came back (an incremental sync re-reads
 * only its recent window). Every bank row of an account of known type is checked against
 * its raw JSON and corrected. A slice of rowids per transaction, with the event loop let
 * go in between (design.md §1); the repair is idempotent, so one cut short (the database
 * closed as the app quits) starts over at the next start-up. Once done it is recorded in
 * settings and never runs again: rows are written in their account's sign from then on,
 * and a sync that changes an account's type corrects that account's rows (data-sync.ts).
 * Rows written while it runs are past the last rowid it reads, and right already.
 * Resolves to what it corrected, or null when it did not run to the end.
 */
export async function repairSignsOnce(
  database: OpenedDatabase,
  options: { logger: Logger; now?: () => Date },
): Promise<SignCorrections | null> {
  const { db, sqlite } = database;
  const now = options.now ?? (() => new Date());
  if (db.select({ key: settings.key }).from(settings).where(eq(settings.key, repairedKey)).get()) return null;
  const last = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM transactions').pluck().get() as number;
  const repairSliceAfter = sqlite.transaction((after: number) =>
    correctSigns(sqlite, { rowidsAfter: after, rowidsThrough: after + repairSlice }, now()),
  );
  const found: SignCorrections = { corrected: 0, heldBack: 0 };
  for (let after = 0; after < last; after += repairSlice) {
    if (after > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!sqlite.open) return null;
    }
    const counts = repairSliceAfter(after);
    found.corrected += counts.corrected;
    found.heldBack += counts.heldBack;
  }
  db.insert(settings)
    .values({ key: repairedKey, value: found, updatedAt: now().toISOString() })
    .onConflictDoNothing()
    .run();
  if (found.corrected + found.heldBack > 0) options.logger.warn('sync.signs-repaired', { ...found });
  return found;
}
