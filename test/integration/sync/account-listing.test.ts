import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/open.ts';
import { ProviderTransactionWriter } from '../../../electron/core/books/provider-transactions.ts';
import { AccountListing, holdsBankRows } from '../../../electron/core/sync/account-listing.ts';
import { generateProviderTransactions } from '../../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../../fixtures/seed.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let checking: string;
let card: string;

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  ({ checking, card } = seedTwoAccounts(database.db));
});
afterEach(() => {
  database.close();
  temp.remove();
});

const write = (rows: ReturnType<typeof generateProviderTransactions>) =>
  new ProviderTransactionWriter(database.sqlite).write(rows, new Date('2026-12-01T12:00:00Z'));

interface StoredRow {
  id: string;
  accountId: string;
  date: string;
  removed: number;
  origin: string;
}

const storedRows = () =>
  database.sqlite
    .prepare<[], StoredRow>(
      'SELECT id, account_id AS accountId, date, removed_at IS NOT NULL AS removed, origin FROM transactions',
    )
    .all();

describe('holdsBankRows', () => {
  it("is true only while the account holds one of Pluggy's rows that is not removed", () => {
    expect(holdsBankRows(database.sqlite, checking)).toBe(false);
    write(generateProviderTransactions({ count: 3, accountId: checking }));
    expect(holdsBankRows(database.sqlite, checking)).toBe(true);
    expect(holdsBankRows(database.sqlite, card)).toBe(false);

    database.sqlite.prepare("UPDATE transactions SET origin = 'adjustment' WHERE id = 'tx-000000'").run();
    database.sqlite.prepare("UPDATE transactions SET removed_at = '2026-12-01' WHERE id <> 'tx-000000'").run();
    expect(holdsBankRows(database.sqlite, checking)).toBe(false);
  });
});

describe('AccountListing', () => {
  it('passes on each row the first time it is listed, across pages, and remembers it', () => {
    const listing = new AccountListing(database.sqlite, checking);
    const page = (...ids: string[]) => ids.map((id) => ({ id }));
    expect(listing.firstListed(page('a', 'b', 'c')).map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(listing.firstListed(page('c', 'd', 'a', 'e')).map((row) => row.id)).toEqual(['d', 'e']);
    expect(['a', 'e', 'z'].map((id) => listing.has(id))).toEqual([true, true, false]);
    listing.dispose();
  });

  it("finds exactly the account's live bank rows of the window that were not listed, walking day by day", async () => {
    // Three years of rows in both accounts; some removed, one the user's own adjustment.
    write(generateProviderTransactions({ count: 3000, accountId: checking }));
    write(generateProviderTransactions({ count: 500, accountId: card, idPrefix: 'card' }));
    database.sqlite.prepare("UPDATE transactions SET removed_at = '2026-11-30' WHERE id LIKE '%7'").run();
    database.sqlite.prepare("UPDATE transactions SET origin = 'adjustment' WHERE id LIKE '%3'").run();
    const fromDate = '2026-06-15';
    const rows = storedRows();

    const listing = new AccountListing(database.sqlite, checking);
    // Pluggy lists two thirds of the checking account's rows, and some of the card's.
    const listed = rows.filter((row, index) => (row.accountId === checking ? index % 3 !== 0 : index % 2 === 0));
    for (let start = 0; start < listed.length; start += 500) listing.firstListed(listed.slice(start, start + 500));

    const listedIds = new Set(listed.map((row) => row.id));
    const expected = rows
      .filter(
        (row) =>
          row.accountId === checking &&
          row.date >= fromDate &&
          !row.removed &&
          row.origin === 'bank' &&
          !listedIds.has(row.id),
      )
      .map((row) => row.id)
      .sort();
    // The case must have something to find, and rows just outside the window to leave alone.
    expect(expected.length).toBeGreaterThan(50);
    expect(rows.some((row) => row.accountId === checking && row.date < fromDate && !listedIds.has(row.id))).toBe(true);

    expect((await listing.unlistedSince(fromDate)).sort()).toEqual(expected);
    listing.dispose();
  });

  it("keeps two listings alive at once apart, and forgets a listing's ids once disposed", async () => {
    write(generateProviderTransactions({ count: 50, accountId: checking }));
    write(generateProviderTransactions({ count: 50, accountId: card, idPrefix: 'card' }));
    const ids = (accountId: string) =>
      storedRows()
        .filter((row) => row.accountId === accountId)
        .map((row) => row.id)
        .sort();

    const ofChecking = new AccountListing(database.sqlite, checking);
    const ofCard = new AccountListing(database.sqlite, card);
    ofChecking.firstListed(ids(checking).map((id) => ({ id })));
    expect(await ofChecking.unlistedSince('2000-01-01')).toEqual([]);
    expect((await ofCard.unlistedSince('2000-01-01')).sort()).toEqual(ids(card));
    expect(ofCard.has(ids(checking)[0] ?? '')).toBe(false);

    ofChecking.dispose();
    const left = database.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM temp.sync_listed').get()?.n;
    expect(left).toBe(0);
    ofCard.dispose();
  });
});
