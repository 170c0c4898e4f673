/**
 * Sync against a misbehaving Pluggy (design.md §4, §5, §9 "faults"): for every fault the
 * sandbox can inject, a sync after a Pluggy update meets it part-way through the
 * transaction pages, fails (or retries through it), and a sync once the fault is gone
 * leaves the database exactly as the sandbox's data: same live rows and provider fields,
 * dropped rows soft-deleted, user fields as the user left them, every run recorded.
 *
 * Real parts only: the sandbox over HTTPS on loopback, the real client and DataSync, a
 * SQLite file in a temp folder.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/open.ts';
import { accounts, categories, syncRuns, transactionSplits, transactionUserData } from '../../../db/schema.ts';
import type { Logger } from '../../../electron/core/log.ts';
import type { PluggyClient } from '../../../electron/core/pluggy/client.ts';
import { PluggyError, type PluggyErrorCode } from '../../../electron/core/pluggy/errors.ts';
import { MonthlyTotalsCatchUp } from '../../../electron/core/reports/totals-catch-up.ts';
import { monthlyTotalsMismatches } from '../../../electron/core/reports/totals-check.ts';
import { createClock, type SandboxClock } from '../../../electron/core/sandbox/clock.ts';
import type { ItemData } from '../../../electron/core/sandbox/data/item-data.ts';
import type { FaultKind, FaultRule } from '../../../electron/core/sandbox/faults.ts';
import { DataSync } from '../../../electron/core/sync/data-sync.ts';
import { clientFor, settledItem } from '../../support/pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { changesToTruth, differencesFromTruth, sandboxTruth, storedRows } from '../../support/sync-truth.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** "A few thousand" rows: eleven transaction requests in a sync after an update. */
const transactionsPerItem = 3000;
/**
 * The request timeout of the client that meets the `slow` fault: short enough that a slow
 * answer times out within a test, long enough for any real page on a busy machine. Every
 * other sync uses the client's default, so no timeout can add a retry the test did not cause.
 */
const impatientTimeoutMs = 1500;
const slowDelayMs = 2 * impatientTimeoutMs;
/**
 * A lasting `slow` fault costs four timed-out tries and a lasting `rate-limit` three
 * one-second waits; the rest is a few hundred milliseconds, more on a busy machine.
 */
const testTimeoutMs = 30_000;

interface Scenario {
  /**
   * The fault starts at this /v2/transactions request of the sync after the update (1 is
   * the first). With 3,000 rows that sync asks, account after account: checking's new rows
   * (4 pages of 500) and its recent window (1), savings (1 + 1), the card (3 + 1). (The app
   * syncs two accounts at once, which makes that order a race: these syncs take them one
   * after another.)
   */
  from: number;
  /**
   * Accounts wholly synced (watermark moved) before a lasting fault stops the sync: 0 up
   * to request 5, 1 (checking) for 6 and 7, 2 from 8 on. Spread so that some faults leave
   * an account half-written and others come after whole accounts have been committed.
   */
  accountsDone: number;
  rule?: Omit<FaultRule, 'kind' | 'path' | 'times'>;
  /** What a sync that meets the fault on every request fails with; null: it goes through. */
  failsWith: PluggyErrorCode | null;
  /** Requests it may spoil and still be retried through (fewer than the client's 4 tries); 0: not retried. */
  transientTimes: number;
}

/**
 * Every kind the sandbox has: a Record over FaultKind, so a kind added to the sandbox
 * does not compile here until it has a scenario.
 */
const scenarios: Record<FaultKind, Scenario> = {
  'server-error': { from: 6, accountsDone: 1, rule: { status: 500 }, failsWith: 'PLUGGY_SERVER', transientTimes: 3 },
  'rate-limit': {
    from: 9,
    accountsDone: 2,
    rule: { retryAfterSeconds: 1 },
    failsWith: 'PLUGGY_RATE_LIMITED',
    transientTimes: 1,
  },
  reset: { from: 3, accountsDone: 0, failsWith: 'PLUGGY_NETWORK', transientTimes: 2 },
  slow: { from: 11, accountsDone: 2, rule: { delayMs: slowDelayMs }, failsWith: 'PLUGGY_TIMEOUT', transientTimes: 1 },
  truncate: { from: 5, accountsDone: 0, failsWith: 'PLUGGY_BAD_RESPONSE', transientTimes: 2 },
  malformed: { from: 7, accountsDone: 1, failsWith: 'PLUGGY_BAD_RESPONSE', transientTimes: 2 },
  'extra-fields': { from: 1, accountsDone: 0, failsWith: null, transientTimes: 0 },
  'unknown-enums': { from: 4, accountsDone: 0, failsWith: null, transientTimes: 0 },
};

/**
 * A path pattern for the fault injector that matches /v2/transactions only from its
 * `from`-th request on (retries count too): the sandbox has no "after N requests" of its
 * own, and a fault that starts mid-sync is the point here.
 */
function transactionRequestsFrom(from: number): RegExp {
  const path = /^\/v2\/transactions$/;
  let matched = 0;
  const pattern = new RegExp(path);
  pattern.test = (candidate: string) => path.test(candidate) && ++matched >= from;
  return pattern;
}

let clock: SandboxClock;
let sandbox: SandboxClient;
let client: PluggyClient;
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let sync: DataSync;
let impatient: { client: PluggyClient; sync: DataSync };
let itemId: string;
let retries: { path: unknown; code: unknown }[];

beforeEach(async () => {
  clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  sandbox = await startTestSandbox({ clock, transactionsPerItem });
  retries = [];
  const logger: Logger = {
    info: () => {},
    warn: (event, fields) => {
      if (event === 'pluggy.retry') retries.push({ path: fields?.path, code: fields?.code });
    },
    error: () => {},
  };
  client = clientFor(sandbox, { now: () => clock.now(), logger });
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  // Accounts one after another, as the scenarios count requests (see Scenario.from).
  const syncOptions = { database, logger, now: () => new Date(clock.now()), accountsAtOnce: 1 };
  sync = new DataSync({ ...syncOptions, client });
  const impatientClient = clientFor(sandbox, { now: () => clock.now(), logger, timeoutMs: impatientTimeoutMs });
  impatient = { client: impatientClient, sync: new DataSync({ ...syncOptions, client: impatientClient }) };
  const created = await client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } });
  itemId = (await settledItem(client, created.id)).id;
});
afterEach(async () => {
  expect(monthlyTotalsMismatches(database.sqlite)).toEqual([]);
  sandbox.sandbox.control.faults.clear();
  await client.close();
  await impatient.client.close();
  await sandbox.stop();
  database.close();
  temp.remove();
});

function sandboxData(): ItemData {
  const data = sandbox.sandbox.control.items.get(itemId).data;
  if (!data) throw new Error('item has no data');
  return data;
}

/**
 * The first sync, then Pluggy's daily updates (each adds rows, some back-dated, posts
 * pending rows, one with a new amount, and may drop one) until there is at least one of
 * each kind of change for the next sync to bring: which rows change depends on the item's
 * random id, and "nothing missing" proves little if nothing of a kind was there to miss.
 * Then the user's own work, on rows the update touched and on old ones: what the faulty
 * sync must not spoil. Returns the changes the next sync must make.
 */
async function syncedThenUpdated() {
  await sync.syncItem(itemId, 'connect');
  expect(differencesFromTruth(database.sqlite, sandboxData())).toEqual([]);
  // Counted into the reports' running totals, as the app does after a sync: what the
  // faulty sync changes then moves them, and they must stay the rows'.
  new MonthlyTotalsCatchUp(database.sqlite).countAll();
  const firstSyncAt = new Date(clock.now()).toISOString();

  let due = changesToTruth(database.sqlite, sandboxData());
  let backDated = 0;
  // A pending row drops only now and then (40 % an update, and only while an account has
  // one): 8 updates once left none to remove (a CI run, 2026-12-07); 20 leave room.
  for (let updates = 0; updates < 20; updates += 1) {
    clock.advance(23 * 3600 * 1000); // less than a day: the sandbox's own daily update stays out of it
    sandbox.sandbox.control.autoUpdate(itemId);
    due = changesToTruth(database.sqlite, sandboxData());
    const stored = new Set(storedRows(database.sqlite).map((row) => row.id));
    backDated = [...sandboxTruth(sandboxData()).values()].filter(
      (row) => !stored.has(row.id) && row.occurred_at < firstSyncAt,
    ).length;
    if (due.created > 0 && due.updated > 0 && due.removed > 0 && backDated > 0) break;
  }
  const kinds = { ...due, backDated };
  expect(Math.min(...Object.values(kinds)), `changes after 20 updates: ${JSON.stringify(kinds)}`).toBeGreaterThan(0);

  const { db, sqlite } = database;
  db.insert(categories)
    .values({ id: 'user-clients', source: 'user', nameEn: 'Clients', namePt: 'Clientes', reportGroup: 'income' })
    .run();
  const truth = sandboxTruth(sandboxData());
  const stored = storedRows(sqlite);
  // Rows the bank dropped or changed since the last sync, and old rows no sync re-reads as changed.
  const changing = stored.filter((row) => truth.get(row.id)?.provider_updated_at !== row.provider_updated_at);
  const old = stored.filter((row) => row.date < firstSyncAt.slice(0, 10) && !changing.includes(row)).slice(0, 40);
  for (const [index, row] of [...changing, ...old].entries()) {
    db.insert(transactionUserData)
      .values({
        transactionId: row.id,
        categoryId: 'user-clients',
        categorySource: 'manual',
        notes: `nota ${index}`,
        tags: ['cliente-x', `t${index % 3}`],
        usage: index % 2 ? 'business' : 'personal',
        deductible: index % 2 === 0,
        clearedAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T11:00:00.000Z',
      })
      .run();
  }
  const split = old[0];
  if (split) {
    const half = Math.trunc(split.amount_cents / 2);
    db.insert(transactionSplits)
      .values([
        { transactionId: split.id, position: 0, categoryId: 'user-clients', amountCents: half },
        { transactionId: split.id, position: 1, amountCents: split.amount_cents - half, note: 'resto' },
      ])
      .run();
  }
  return due;
}

const userFields = () => ({
  data: database.db.select().from(transactionUserData).orderBy(transactionUserData.transactionId).all(),
  splits: database.db
    .select()
    .from(transactionSplits)
    .orderBy(transactionSplits.transactionId, transactionSplits.position)
    .all(),
});

const watermarks = () =>
  new Map(
    database.db
      .select({ id: accounts.id, mark: accounts.transactionsSyncedThrough })
      .from(accounts)
      .all()
      .map((row) => [row.id, row.mark]),
  );

const removedIds = (accountId: string) =>
  storedRows(database.sqlite)
    .filter((row) => row.account_id === accountId && row.removed_at !== null)
    .map((row) => row.id);

const runs = () =>
  database.db.select().from(syncRuns).where(eq(syncRuns.connectionId, itemId)).orderBy(syncRuns.id).all();

/** The sync that meets the fault: for `slow`, one whose client gives up in time. */
const faultySync = (kind: string) => (kind === 'slow' ? impatient.sync : sync);

function startFault(kind: FaultKind, scenario: Scenario, times?: number): void {
  sandbox.sandbox.control.faults.add({
    kind,
    ...scenario.rule,
    path: transactionRequestsFrom(scenario.from),
    ...(times === undefined ? {} : { times }),
  });
}

const failing = Object.entries(scenarios).filter(([, scenario]) => scenario.failsWith !== null);
const retried = Object.entries(scenarios).filter(([, scenario]) => scenario.transientTimes > 0);
const harmless = Object.entries(scenarios).filter(([, scenario]) => scenario.failsWith === null);

describe('a fault that lasts: the sync fails part-way, the next one after it clears puts everything right', () => {
  it.each(failing)(
    '%s',
    async (kind, scenario) => {
      const due = await syncedThenUpdated();
      const userBefore = userFields();
      const marksBefore = watermarks();
      const removedBefore = new Map([...marksBefore.keys()].map((id) => [id, removedIds(id)]));

      startFault(kind as FaultKind, scenario);
      const failure = await faultySync(kind)
        .syncItem(itemId, 'manual')
        .then(
          () => new Error('the sync went through a fault on every request'),
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(PluggyError);
      expect((failure as PluggyError).code).toBe(scenario.failsWith);

      // What the failed sync left must be whole accounts or untouched ones: an account whose
      // watermark moved holds exactly the bank's rows; one whose watermark did not move had
      // no rows soft-deleted (removals commit with the watermark, design.md §5).
      const marksAfter = watermarks();
      const done = [...marksBefore].filter(([accountId, before]) => marksAfter.get(accountId) !== before);
      expect(done).toHaveLength(scenario.accountsDone);
      for (const [accountId, before] of marksBefore) {
        if (marksAfter.get(accountId) !== before) {
          expect(differencesFromTruth(database.sqlite, sandboxData(), { accountId })).toEqual([]);
        } else {
          expect(removedIds(accountId)).toEqual(removedBefore.get(accountId));
        }
      }
      expect(userFields()).toEqual(userBefore);
      expect(monthlyTotalsMismatches(database.sqlite)).toEqual([]);

      sandbox.sandbox.control.faults.clear();
      const left = changesToTruth(database.sqlite, sandboxData());
      const recovered = await sync.syncItem(itemId, 'poll');
      expect(differencesFromTruth(database.sqlite, sandboxData())).toEqual([]);
      expect(recovered).toEqual(left);
      expect(userFields()).toEqual(userBefore);

      const [connect, manual, poll, ...more] = runs();
      expect(more).toEqual([]);
      expect(connect).toMatchObject({ trigger: 'connect', status: 'succeeded', errorCode: null });
      expect(manual).toMatchObject({ trigger: 'manual', status: 'failed', errorCode: scenario.failsWith });
      expect(manual?.errorMessage).toBeTruthy();
      expect(manual?.finishedAt).toBeTruthy();
      expect(poll).toMatchObject({ trigger: 'poll', status: 'succeeded', errorCode: null, ...recovered });
      expect(poll?.finishedAt).toBeTruthy();
      // Each change is counted by exactly one run: the failed one counts the accounts it
      // finished, the recovery the rest.
      expect({
        created: (manual?.created ?? 0) + recovered.created,
        updated: (manual?.updated ?? 0) + recovered.updated,
        removed: (manual?.removed ?? 0) + recovered.removed,
      }).toEqual(due);
    },
    testTimeoutMs,
  );
});

describe('a passing fault: the client retries through it and the one sync gets everything', () => {
  it.each(retried)(
    '%s',
    async (kind, scenario) => {
      const due = await syncedThenUpdated();
      const userBefore = userFields();

      startFault(kind as FaultKind, scenario, scenario.transientTimes);
      const counts = await faultySync(kind).syncItem(itemId, 'manual');
      expect(retries.filter((retry) => retry.path === '/v2/transactions')).toHaveLength(scenario.transientTimes);
      expect(retries.every((retry) => retry.code === scenario.failsWith)).toBe(true);
      expect(differencesFromTruth(database.sqlite, sandboxData())).toEqual([]);
      expect(counts).toEqual(due);
      expect(userFields()).toEqual(userBefore);

      expect(await sync.syncItem(itemId, 'poll')).toEqual({ created: 0, updated: 0, removed: 0 });
      expect(runs().map((run) => [run.trigger, run.status, run.errorCode])).toEqual([
        ['connect', 'succeeded', null],
        ['manual', 'succeeded', null],
        ['poll', 'succeeded', null],
      ]);
    },
    testTimeoutMs,
  );
});

describe('valid JSON with surprises: the sync goes through, and a clean sync matches the bank', () => {
  it.each(harmless)(
    '%s',
    async (kind, scenario) => {
      const due = await syncedThenUpdated();
      const userBefore = userFields();

      startFault(kind as FaultKind, scenario);
      const counts = await sync.syncItem(itemId, 'manual');
      expect(retries).toEqual([]);
      const stored = storedRows(database.sqlite);
      if (kind === 'unknown-enums') {
        // Enums are open (design.md §4): a status or type Balancete does not know is kept as
        // Pluggy sent it, not refused, until Pluggy says otherwise.
        expect(stored.filter((row) => row.status === 'SOME_FUTURE_STATUS').length).toBeGreaterThan(0);
        expect(stored.filter((row) => row.type === 'SOME_FUTURE_TYPE').length).toBeGreaterThan(0);
      } else {
        // Unknown fields change nothing Balancete reads, but are kept in each row's stored
        // copy (raw): every row this sync read (new, or re-read in the recent window) was
        // written with them, so rows re-read count as updated.
        expect(differencesFromTruth(database.sqlite, sandboxData())).toEqual([]);
        expect({ created: counts.created, removed: counts.removed }).toEqual({
          created: due.created,
          removed: due.removed,
        });
        expect(counts.updated).toBeGreaterThanOrEqual(due.updated);
        const withNewField = database.sqlite
          .prepare<[], { n: number }>(
            "SELECT count(*) AS n FROM transactions WHERE json_extract(raw, '$.sandboxNewField') IS NOT NULL",
          )
          .get()?.n;
        expect(withNewField).toBe(counts.created + counts.updated);
      }
      expect(userFields()).toEqual(userBefore);

      sandbox.sandbox.control.faults.clear();
      await sync.syncItem(itemId, 'poll');
      expect(differencesFromTruth(database.sqlite, sandboxData())).toEqual([]);
      expect(userFields()).toEqual(userBefore);
      expect(runs().map((run) => [run.trigger, run.status])).toEqual([
        ['connect', 'succeeded'],
        ['manual', 'succeeded'],
        ['poll', 'succeeded'],
      ]);
    },
    testTimeoutMs,
  );
});
