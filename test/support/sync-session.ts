import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import type { Logger } from '../../electron/core/log.ts';
import type { PluggyClient } from '../../electron/core/pluggy/client.ts';
import { MonthlyTotalsCatchUp } from '../../electron/core/reports/totals-catch-up.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import { createClock, type SandboxClock } from '../../electron/core/sandbox/clock.ts';
import type { ItemData } from '../../electron/core/sandbox/data/item-data.ts';
import { DataSync } from '../../electron/core/sync/data-sync.ts';
import { clientFor, settledItem } from './pluggy-client.ts';
import { startTestSandbox, type SandboxClient } from './sandbox.ts';
import { makeTempDir } from './temp-dir.ts';

export interface LoggedEvent {
  level: string;
  event: string;
  fields: Record<string, unknown>;
}

export interface SyncSession {
  readonly clock: SandboxClock;
  readonly sandbox: SandboxClient;
  readonly client: PluggyClient;
  /** This test's books, a real SQLite file in a temp folder of its own. */
  readonly database: OpenedDatabase;
  readonly sync: DataSync;
  /** The sandbox bank connected for the test (user-ok), settled but not yet synced. */
  readonly itemId: string;
  /** What the sync logged, in order. */
  readonly logged: LoggedEvent[];
  /** The sandbox's own view of the item's rows: the ground truth a sync must reproduce. */
  sandboxData(): ItemData;
  /**
   * Pluggy's next daily update of the item (new rows, rows posted, changed or dropped), then a
   * sync, over books counted into the reports' running totals as the app counts them after
   * each sync (so the update's changes move them).
   */
  nextDay(): Promise<Awaited<ReturnType<DataSync['syncItem']>>>;
}

/**
 * A sync against the real sandbox over HTTPS, anew for each test of the file: a sandbox
 * on a clock of its own (21/11/2026), a client, a migrated database, a DataSync with a
 * recording logger, and one bank connected. Everything is stopped and removed after.
 */
export function syncSession(): SyncSession {
  const state = {} as { -readonly [K in keyof SyncSession]: SyncSession[K] } & {
    temp: ReturnType<typeof makeTempDir>;
  };
  beforeEach(async () => {
    const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
    const sandbox = await startTestSandbox({ clock });
    const client = clientFor(sandbox, { now: () => clock.now() });
    const temp = makeTempDir();
    const database = openDatabase(join(temp.path, 'balancete.sqlite'));
    const logged: LoggedEvent[] = [];
    const record =
      (level: string) =>
      (event: string, fields: Record<string, unknown> = {}) =>
        logged.push({ level, event, fields });
    const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
    const sync = new DataSync({ database, client, logger, now: () => new Date(clock.now()) });
    const created = await client.createItem({
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    const itemId = (await settledItem(client, created.id)).id;
    Object.assign(state, { clock, sandbox, client, temp, database, logged, sync, itemId });
  });
  afterEach(async () => {
    // Whatever the test synced, the reports' running totals are still the rows'.
    expect(monthlyTotalsMismatches(state.database.sqlite)).toEqual([]);
    await state.client.close();
    await state.sandbox.stop();
    state.database.close();
    state.temp.remove();
  });
  return {
    get clock() {
      return state.clock;
    },
    get sandbox() {
      return state.sandbox;
    },
    get client() {
      return state.client;
    },
    get database() {
      return state.database;
    },
    get sync() {
      return state.sync;
    },
    get itemId() {
      return state.itemId;
    },
    get logged() {
      return state.logged;
    },
    sandboxData() {
      const data = state.sandbox.sandbox.control.items.get(state.itemId).data;
      if (!data) throw new Error('item has no data');
      return data;
    },
    async nextDay() {
      new MonthlyTotalsCatchUp(state.database.sqlite).countAll();
      state.clock.advance(23 * 3600 * 1000);
      state.sandbox.sandbox.control.autoUpdate(state.itemId);
      return state.sync.syncItem(state.itemId, 'poll');
    },
  };
}
