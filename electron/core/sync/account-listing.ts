import type Database from 'better-sqlite3';

/** Listings alive on this connection at once (several accounts, several items): each its own key. */
let lastListing = 0;

/** How long a walk over the books' rows holds the thread before letting the event loop go. */
const sliceMs = 10;

/**
 * What Pluggy listed of one account during one sync, for the two questions asked at its
 * end: which of the books' rows Pluggy no longer lists (the bank dropped them), and which
 * removals held back as conflicts it took back. A sync may read every row of an account
 * (a million, on a large item), so the ids go to a temporary table of the connection
 * rather than into memory: SQLite keeps its pages within the temp schema's own cache and
 * spills the rest to a temporary file, and the table empties when the sync is done (or the
 * connection closes, after a crash). Only needed when the books held rows of the account
 * before the sync: a first sync into an empty account has nothing to compare.
 */
export class AccountListing {
  private readonly key = (lastListing += 1);
  private readonly accountId: string;
  private readonly sqlite: Database.Database;
  private readonly add: Database.Statement<[number, string]>;
  private readonly find: Database.Statement<[number, string], { found: 1 }>;
  private readonly clear: Database.Statement<[number]>;
  private readonly nextDate: Database.Statement<[string, string], { date: string | null }>;
  private readonly unlistedOn: Database.Statement<[string, string, number], { id: string }>;
  private readonly keepFirst: (ids: readonly string[]) => boolean[];

  constructor(sqlite: Database.Database, accountId: string) {
    this.sqlite = sqlite;
    this.accountId = accountId;
    sqlite.exec(
      `CREATE TEMP TABLE IF NOT EXISTS sync_listed (
         listing INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (listing, id)
       ) WITHOUT ROWID`,
    );
    this.add = sqlite.prepare('INSERT OR IGNORE INTO temp.sync_listed (listing, id) VALUES (?, ?)');
    this.find = sqlite.prepare('SELECT 1 AS found FROM temp.sync_listed WHERE listing = ? AND id = ?');
    this.clear = sqlite.prepare('DELETE FROM temp.sync_listed WHERE listing = ?');
    // Seeks on the transactions page's index (account, date, removed_at, …): a day at a time.
    this.nextDate = sqlite.prepare(
      'SELECT min(date) AS date FROM transactions WHERE account_id = ? AND date > ? AND removed_at IS NULL',
    );
    this.unlistedOn = sqlite.prepare(
      `SELECT t.id FROM transactions t
        WHERE t.account_id = ? AND t.date = ? AND t.removed_at IS NULL AND t.origin = 'bank'
          AND NOT EXISTS (SELECT 1 FROM temp.sync_listed l WHERE l.listing = ? AND l.id = t.id)`,
    );
    // One transaction per page: the temp schema's journal is written once, not per id.
    this.keepFirst = sqlite.transaction((ids: readonly string[]) =>
      ids.map((id) => this.add.run(this.key, id).changes === 1),
    );
  }

  /** Records the rows of a page; returns those listed for the first time in this sync (a row two reads bring comes once). */
  firstListed<Row extends { id: string }>(rows: readonly Row[]): Row[] {
    const first = this.keepFirst(rows.map((row) => row.id));
    return rows.filter((_row, index) => first[index]);
  }

  has(id: string): boolean {
    return this.find.get(this.key, id) !== undefined;
  }

  /**
   * The account's bank rows dated `fromDate` or later, not removed, that Pluggy did not
   * list. Walked a day at a time through the index, letting the event loop go every few
   * milliseconds: a recent window of a dense item holds a hundred thousand rows.
   */
  async unlistedSince(fromDate: string): Promise<string[]> {
    const unlisted: string[] = [];
    let sliceStart = performance.now();
    // From the day before the window, so the first seek lands on the window's first day with rows.
    let date = this.nextDate.get(this.accountId, previousDay(fromDate))?.date;
    while (date) {
      for (const { id } of this.unlistedOn.all(this.accountId, date, this.key)) unlisted.push(id);
      date = this.nextDate.get(this.accountId, date)?.date;
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return unlisted;
  }

  /** Forgets this sync's ids (a closed connection took them with it already). */
  dispose(): void {
    if (this.sqlite.open) this.clear.run(this.key);
  }
}

/**
 * Whether the books hold any of Pluggy's rows for the account that are not removed: only
 * those can be found gone, or be held back as conflicts.
 */
export function holdsBankRows(sqlite: Database.Database, accountId: string): boolean {
  const row = sqlite
    .prepare("SELECT 1 FROM transactions WHERE account_id = ? AND removed_at IS NULL AND origin = 'bank' LIMIT 1")
    .get(accountId);
  return row !== undefined;
}

/** The calendar day before a `yyyy-mm-dd` date. */
function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 10);
}
