import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/open.ts';
import { accounts, connections, syncRuns, transactions, transactionUserData } from '../../../db/schema.ts';
import { silentLogger } from '../../../electron/core/log.ts';
import type { PluggyClient } from '../../../electron/core/pluggy/client.ts';
import { createClock, type SandboxClock } from '../../../electron/core/sandbox/clock.ts';
import { DataSync } from '../../../electron/core/sync/data-sync.ts';
import { clientFor, failure, settledItem } from '../../support/pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let clock: SandboxClock;
let sandbox: SandboxClient;
let client: PluggyClient;
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let sync: DataSync;
let itemId: string;

beforeEach(async () => {
  clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  sandbox = await startTestSandbox({ clock });
  client = clientFor(sandbox, { now: () => clock.now() });
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  sync = new DataSync({ database, client, logger: silentLogger, now: () => new Date(clock.now()) });
  const created = await client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } });
  itemId = (await settledItem(client, created.id)).id;
});
afterEach(async () => {
  await client.close();
  await sandbox.stop();
  database.close();
  temp.remove();
});

/** The sandbox's own view of an item's rows: the ground truth the sync must reproduce. */
function sandboxData() {
  const data = sandbox.sandbox.control.items.get(itemId).data;
  if (!data) throw new Error('item has no data');
  return data;
}

const rowCount = () =>
  database.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM transactions WHERE removed_at IS NULL').get()
    ?.n;

describe('first sync of a new connection', () => {
  it("stores the connection, its accounts and every transaction, in the user's sign", async () => {
    const counts = await sync.syncItem(itemId, 'connect');
    const data = sandboxData();
    const expected = data.accounts.reduce((sum, account) => sum + data.count(account, {}), 0);
    expect(counts).toEqual({ created: expected, updated: 0, removed: 0 });
    expect(rowCount()).toBe(expected);

    expect(database.db.select().from(connections).get()).toMatchObject({
      id: itemId,
      connectorName: 'Pluggy Bank',
      status: 'UPDATED',
    });
    const stored = database.db.select().from(accounts).all();
    expect(stored.map((account) => account.subtype).sort()).toEqual([
      'CHECKING_ACCOUNT',
      'CREDIT_CARD',
      'SAVINGS_ACCOUNT',
    ]);
    const card = stored.find((account) => account.type === 'CREDIT');
    const sandboxCard = data.accounts.find((account) => account.kind === 'card');
    if (!sandboxCard) throw new Error('no card');
    const cardTotals = data.totals(sandboxCard);
    expect(card?.balanceCents).toBe(-cardTotals.balanceCents); // what is owed, as money out

    // Card purchases are money out; a bill payment received on the card is money in.
    const cardRows = database.db
      .select()
      .from(transactions)
      .where(eq(transactions.accountId, card?.id ?? ''))
      .all();
    expect(cardRows.filter((row) => row.description === 'UBER').every((row) => row.amountCents < 0)).toBe(true);
    expect(cardRows.filter((row) => row.description === 'PAGAMENTO RECEBIDO').every((row) => row.amountCents > 0)).toBe(
      true,
    );
    const usd = cardRows.find((row) => row.currencyCode === 'USD');
    expect(usd?.amountInAccountCurrencyCents).toBeLessThan(usd?.amountCents ?? 0);

    expect(database.db.select().from(syncRuns).all()).toMatchObject([
      { connectionId: itemId, trigger: 'connect', status: 'succeeded', created: expected, updated: 0, removed: 0 },
    ]);
  });
});

describe('progress', () => {
  it('counts the rows read as pages arrive, up to every row of the item', async () => {
    const told: number[] = [];
    const counting = new DataSync({
      database,
      client,
      logger: silentLogger,
      now: () => new Date(clock.now()),
      progressEveryMs: 0,
      onProgress: (id, rowsRead) => {
        expect(id).toBe(itemId);
        told.push(rowsRead);
      },
    });
    const counts = await counting.syncItem(itemId, 'connect');
    expect(told.length).toBeGreaterThan(1);
    expect(told).toEqual([...told].sort((a, b) => a - b));
    expect(told.at(-1)).toBe(counts.created);
  });
});

describe('later syncs', () => {
  it('change nothing when nothing changed', async () => {
    await sync.syncItem(itemId, 'connect');
    const before = database.db.select().from(transactions).all();
    expect(await sync.syncItem(itemId, 'poll')).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(database.db.select().from(transactions).all()).toEqual(before);
  });

  it("bring exactly what Pluggy's update changed: new rows (back-dated too), posted ones, removed ones", async () => {
    await sync.syncItem(itemId, 'connect');
    const { sqlite } = database;
    // The user annotates a pending row that the bank will later drop or change.
    const pending = database.db
      .select({ id: transactions.id })
      .from(transactions)
      .where(eq(transactions.status, 'PENDING'))
      .all();
    for (const row of pending)
      database.db.insert(transactionUserData).values({ transactionId: row.id, notes: 'nota do usuário' }).run();

    clock.advance(23 * 3600 * 1000);
    sandbox.sandbox.control.autoUpdate(itemId);
    const changes = sandboxData().updateLog.at(-1);
    if (!changes) throw new Error('no update');

    const counts = await sync.syncItem(itemId, 'poll');
    expect(counts.created).toBe(changes.created.length);
    expect(counts.removed).toBe(changes.removed.length);
    expect(counts.updated).toBe(changes.updated.length);

    const removed = database.db
      .select({ id: transactions.id })
      .from(transactions)
      .where(isNotNull(transactions.removedAt))
      .all();
    expect(removed.map((row) => row.id).sort()).toEqual([...changes.removed].sort());
    for (const id of changes.updated) {
      expect(database.db.select().from(transactions).where(eq(transactions.id, id)).get()?.status).toBe('POSTED');
    }
    // User fields survive, even on rows the bank removed.
    const notes = sqlite
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM transaction_user_data WHERE notes = 'nota do usuário'")
      .get()?.n;
    expect(notes).toBe(pending.length);
  });

  it('keep each transaction as Pluggy sent it, fields the app does not model yet included', async () => {
    sandbox.sandbox.control.faults.add({ kind: 'extra-fields', path: '/v2/transactions' });
    await sync.syncItem(itemId, 'connect');
    const stored = database.db.select({ raw: transactions.raw }).from(transactions).limit(50).all();
    expect(stored).toHaveLength(50);
    for (const { raw } of stored) expect(raw).toHaveProperty('sandboxNewField');
  });

  it('leave an account as it was when its transactions cannot be read, and record the failure', async () => {
    await sync.syncItem(itemId, 'connect');
    const watermarks = database.db
      .select({ id: accounts.id, mark: accounts.transactionsSyncedThrough })
      .from(accounts)
      .all();
    const before = database.db.select().from(transactions).all();
    clock.advance(23 * 3600 * 1000);
    sandbox.sandbox.control.autoUpdate(itemId);
    sandbox.sandbox.control.faults.add({ kind: 'server-error', status: 500, path: '/v2/transactions' });

    expect(await failure(sync.syncItem(itemId, 'manual'))).toMatchObject({ code: 'PLUGGY_SERVER' });
    expect(database.db.select().from(transactions).all()).toEqual(before);
    expect(
      database.db.select({ id: accounts.id, mark: accounts.transactionsSyncedThrough }).from(accounts).all(),
    ).toEqual(watermarks);
    expect(database.db.select().from(syncRuns).where(eq(syncRuns.trigger, 'manual')).get()).toMatchObject({
      status: 'failed',
      errorCode: 'PLUGGY_SERVER',
    });

    sandbox.sandbox.control.faults.clear();
    const recovered = await sync.syncItem(itemId, 'poll');
    expect(recovered.created).toBe(sandboxData().updateLog.at(-1)?.created.length);
  });

  it('once an item is being removed, wait for the running sync and start no other', async () => {
    const order: string[] = [];
    const running = sync.syncItem(itemId, 'connect').then(() => order.push('synced'));
    const retired = sync.retire(itemId).then(() => order.push('retired'));
    await Promise.all([running, retired]);
    expect(order).toEqual(['synced', 'retired']);
    expect(await failure(sync.syncItem(itemId, 'poll'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(database.db.select().from(syncRuns).all()).toHaveLength(1);
  });

  it('run once per item at a time', async () => {
    const [first, second] = await Promise.all([sync.syncItem(itemId, 'connect'), sync.syncItem(itemId, 'poll')]);
    expect(second).toBe(first);
    expect(database.db.select().from(syncRuns).all()).toHaveLength(1);
  });

  it('mark an account Pluggy no longer lists as closed, keeping its rows', async () => {
    await sync.syncItem(itemId, 'connect');
    const savings = sandboxData().accounts.find((account) => account.kind === 'savings');
    if (!savings) throw new Error('no savings account');
    const rowsBefore = database.db.select().from(transactions).where(eq(transactions.accountId, savings.id)).all();
    sandboxData().closeAccount(savings.id);

    await sync.syncItem(itemId, 'poll');
    const closed = database.db.select().from(accounts).where(eq(accounts.id, savings.id)).get();
    expect(Date.parse(closed?.closedAt ?? '')).toBeLessThanOrEqual(clock.now());
    expect(database.db.select().from(transactions).where(eq(transactions.accountId, savings.id)).all()).toEqual(
      rowsBefore,
    );
    expect(
      database.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.connectionId, itemId), isNotNull(accounts.closedAt)))
        .all(),
    ).toHaveLength(1);
  });
});
