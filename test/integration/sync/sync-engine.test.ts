import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/open.ts';
import { connections, syncRuns } from '../../../db/schema.ts';
import { forgetConnection } from '../../../electron/core/books/removed-connections.ts';
import type { Logger } from '../../../electron/core/log.ts';
import type { PluggyClient } from '../../../electron/core/pluggy/client.ts';
import { createClock, type SandboxClock } from '../../../electron/core/sandbox/clock.ts';
import { DataSync } from '../../../electron/core/sync/data-sync.ts';
import { toConnectionRow } from '../../../electron/core/sync/pluggy-mapping.ts';
import { SyncEngine, type SyncEvent } from '../../../electron/core/sync/sync-engine.ts';
import { clientFor, failure } from '../../support/pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let clock: SandboxClock;
let sandbox: SandboxClient;
let client: PluggyClient;
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let engine: SyncEngine;
let events: SyncEvent[];
let requests: { method: string; path: string }[];
let timers: { delay: number; run: () => void }[];

beforeEach(async () => {
  clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  sandbox = await startTestSandbox({ clock, minUpdateIntervalMs: 60 * 60 * 1000 });
  requests = [];
  const logger: Logger = {
    info: (event, fields) => {
      if (event === 'pluggy.request') requests.push(fields as { method: string; path: string });
    },
    warn: () => {},
    error: () => {},
  };
  client = clientFor(sandbox, { now: () => clock.now(), logger });
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  events = [];
  timers = [];
  const dataSync = new DataSync({ database, client, logger, now: () => new Date(clock.now()) });
  engine = new SyncEngine({
    database,
    client,
    dataSync,
    logger,
    onEvent: (event) => events.push(event),
    intervalMs: 60_000,
    retryBaseMs: 5_000,
    jitter: 0.1,
    refreshPollMs: 0,
    setTimer: (run, delay) => {
      const timer = { run, delay };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    sleep: () => Promise.resolve(),
  });
});
afterEach(async () => {
  engine.stop();
  await client.close();
  await sandbox.stop();
  database.close();
  temp.remove();
});

/** A connection the user made in the Connect window, recorded and followed to its end as the app does. */
async function connect(user: string, connectorId = 0): Promise<string> {
  const item = await client.createItem({ connectorId, parameters: { user, password: 'password-ok' } });
  database.db.insert(connections).values(toConnectionRow(item)).run();
  await engine.follow(item.id, 'connect');
  return item.id;
}

const kinds = () => events.map((event) => event.kind);

describe('a new connection', () => {
  it('is followed to its end and its data synced', async () => {
    const itemId = await connect('user-ok');
    expect(kinds()).toContain('item-updated');
    expect(database.db.select().from(syncRuns).get()).toMatchObject({ connectionId: itemId, trigger: 'connect' });
  });

  it('that needs MFA says so, and finishes once answered', async () => {
    const itemId = await connect('user-ok', 2);
    const asked = events.find((event) => event.kind === 'waiting-user-input');
    expect(asked).toMatchObject({ itemId, parameter: { name: 'token', type: 'number' } });
    await engine.answerMfa(itemId, { token: '123456' });
    expect(kinds()).toContain('item-updated');
  });

  it('that gets a wrong MFA code ends refused, for the user to try again in Balancete', async () => {
    const itemId = await connect('user-ok', 2);
    await engine.answerMfa(itemId, { token: '000000' });
    expect(events.find((event) => event.kind === 'item-error')).toMatchObject({
      itemId,
      error: { pluggyCode: 'INVALID_CREDENTIALS_MFA', fixableBy: 'app' },
    });
    expect(database.db.select().from(connections).where(eq(connections.id, itemId)).get()).toMatchObject({
      status: 'LOGIN_ERROR',
    });
    expect(database.db.select().from(syncRuns).all()).toEqual([]);
  });

  it('whose MFA code never comes times out, and the next poll says so', async () => {
    const itemId = await connect('user-ok', 2);
    clock.advance(6 * 60 * 1000); // past the 5 minutes the bank gives
    await engine.pollNow('timer');
    expect(events.find((event) => event.kind === 'item-error')).toMatchObject({
      itemId,
      error: { pluggyCode: 'USER_INPUT_TIMEOUT', fixableBy: 'app' },
    });
    expect(database.db.select().from(connections).where(eq(connections.id, itemId)).get()).toMatchObject({
      status: 'OUTDATED',
      errorCode: 'USER_INPUT_TIMEOUT',
    });
  });

  it('that fails at the bank says who can fix it', async () => {
    const itemId = await connect('user-locked');
    expect(events.find((event) => event.kind === 'item-error')).toMatchObject({
      itemId,
      error: { code: 'PLUGGY_ITEM_ERROR', pluggyCode: 'ACCOUNT_LOCKED', fixableBy: 'bank' },
    });
  });
});

describe('polling', () => {
  it('syncs what Pluggy updated by itself, and never asks Pluggy to update', async () => {
    const itemId = await connect('user-ok');
    events = [];
    requests = [];
    await engine.pollNow('test');
    expect(kinds()).toEqual([]); // nothing moved

    clock.advance(25 * 3600 * 1000); // Pluggy's own daily update ran
    await engine.pollNow('test');
    const updated = events.find((event) => event.kind === 'item-updated');
    const log = sandbox.sandbox.control.items.get(itemId).data?.updateLog.at(-1);
    expect(updated).toMatchObject({ trigger: 'poll', counts: { created: log?.created.length } });
    expect(requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('runs again on a timer, give or take the jitter', async () => {
    await connect('user-ok');
    await engine.pollNow('test');
    expect(timers).toHaveLength(1);
    expect(timers[0]?.delay).toBeGreaterThanOrEqual(54_000);
    expect(timers[0]?.delay).toBeLessThanOrEqual(66_000);
  });

  it('takes a new interval at once: the next poll is that far from now', async () => {
    await connect('user-ok');
    await engine.pollNow('test');
    engine.setInterval(30 * 60_000);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.delay).toBeGreaterThanOrEqual(27 * 60_000);
    expect(timers[0]?.delay).toBeLessThanOrEqual(33 * 60_000);
    engine.pause();
    engine.setInterval(5 * 60_000); // paused: nothing scheduled until resumed
    expect(timers).toHaveLength(0);
  });

  it('skips quietly while Pluggy cannot be reached', async () => {
    await connect('user-ok');
    sandbox.sandbox.control.faults.add({ kind: 'reset', path: '/items/' });
    await expect(engine.pollNow('test')).resolves.toBeUndefined();
    expect(timers).toHaveLength(1); // and tries again soon
    expect(timers[0]?.delay).toBeLessThanOrEqual(5_500);
  });

  it('after trouble that passes, tries again sooner, backing off to the interval', async () => {
    const itemId = await connect('user-ok');
    clock.advance(25 * 3600 * 1000);
    sandbox.sandbox.control.autoUpdate(itemId);
    sandbox.sandbox.control.faults.add({ kind: 'server-error', status: 503, path: '/v2/transactions' });
    const delays: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await engine.pollNow('timer');
      delays.push(Math.round((timers[0]?.delay ?? 0) / 1000));
    }
    // 5 s, 10 s, 20 s, 40 s, then the 60 s interval, each give or take the 10% jitter.
    for (const [round, seconds] of [5, 10, 20, 40, 60].entries()) {
      expect(delays[round]).toBeGreaterThanOrEqual(Math.floor(seconds * 0.9));
      expect(delays[round]).toBeLessThanOrEqual(Math.ceil(seconds * 1.1));
    }
    expect(events.filter((event) => event.kind === 'item-updated')).toHaveLength(1); // only the first sync

    sandbox.sandbox.control.faults.clear();
    await engine.pollNow('timer');
    expect(events.filter((event) => event.kind === 'item-updated')).toHaveLength(2); // nothing was lost
    await engine.pollNow('timer');
    expect(timers[0]?.delay).toBeGreaterThanOrEqual(54_000); // and the interval is back
  });

  it('does nothing while paused, and polls as soon as it resumes', async () => {
    const itemId = await connect('user-ok');
    engine.pause();
    clock.advance(25 * 3600 * 1000);
    await engine.pollNow('test');
    expect(events.filter((event) => event.kind === 'item-updated')).toHaveLength(1);
    await engine.resume();
    await engine.pollNow('test');
    expect(events.filter((event) => event.kind === 'item-updated')).toHaveLength(2);
    expect(database.db.select().from(connections).where(eq(connections.id, itemId)).get()?.status).toBe('UPDATED');
  });
});

describe('a connection the user removes', () => {
  it('is not brought back by an answer from Pluggy that arrives afterwards', async () => {
    const itemId = await connect('user-ok');
    clock.advance(2 * 3600 * 1000);
    sandbox.sandbox.control.autoUpdate(itemId);
    forgetConnection(database.db, itemId, false, new Date(clock.now()));
    // What a poll or a refresh already under way does next: look at the item, which Pluggy updated.
    await engine.follow(itemId, 'poll');
    expect(database.db.select().from(connections).all()).toEqual([]);
    expect(database.db.select().from(syncRuns).all()).toEqual([]);
  });
});

describe('refresh from the user', () => {
  it('asks Pluggy to update, follows it, and syncs', async () => {
    const itemId = await connect('user-ok');
    clock.advance(2 * 3600 * 1000);
    events = [];
    await engine.refresh(itemId);
    expect(events.find((event) => event.kind === 'item-updated')).toMatchObject({ trigger: 'manual' });
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  it('too soon after the last update is a clear, typed refusal', async () => {
    const itemId = await connect('user-ok');
    expect(await failure(engine.refresh(itemId))).toMatchObject({ code: 'PLUGGY_UPDATE_TOO_SOON' });
  });

  it('after two refused logins in a row, Pluggy makes the user wait 15 minutes: said plainly', async () => {
    const itemId = await connect('user-wrong');
    await engine.refresh(itemId); // the second refused login
    expect(await failure(engine.refresh(itemId))).toMatchObject({
      code: 'PLUGGY_LOGIN_BACKOFF',
      pluggyCode: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
    });
    clock.advance(16 * 60 * 1000);
    await engine.refresh(itemId);
    expect(database.db.select().from(connections).where(eq(connections.id, itemId)).get()).toMatchObject({
      status: 'LOGIN_ERROR',
      errorCode: 'INVALID_CREDENTIALS',
    });
  });

  it('after too many failed updates in a row, Pluggy stops updating: said plainly', async () => {
    const itemId = await connect('user-error');
    let refused: unknown;
    for (let attempt = 0; attempt < 10 && !refused; attempt += 1) {
      refused = await engine.refresh(itemId).then(
        () => undefined,
        (error: unknown) => error,
      );
    }
    expect(refused).toMatchObject({ code: 'PLUGGY_TOO_MANY_FAILURES', pluggyCode: 'TOO_MANY_CONSECUTIVE_ERRORS' });
  });
});
