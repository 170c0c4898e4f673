/**
 * A full disk is said in plain words (DISK_FULL), never as "something went wrong", and a
 * write it stops leaves the books as they were. The disk fills for real: SQLite's
 * `max_page_count` caps the database file where it stands, so the next page it needs fails
 * with a real SQLITE_FULL; a file write to /dev/full fails with a real ENOSPC.
 */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { syncRuns } from '../../db/schema.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { typedError } from '../../electron/core/typed-error.ts';
import { generateBookRows, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { failure } from '../support/pluggy-client.ts';
import { handlerSession } from '../support/handler-session.ts';
import { syncSession } from '../support/sync-session.ts';
import { differencesFromTruth } from '../support/sync-truth.ts';

/** Every row of every table, to compare the books before and after a failed write. */
function everything(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()]));
}

/** From now on the database file cannot grow: the next page it needs is SQLITE_FULL. */
function fillDisk(sqlite: Database.Database): void {
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
}

function freeDisk(sqlite: Database.Database): void {
  sqlite.pragma('max_page_count = 1073741823');
}

describe('the database on a full disk', () => {
  const session = handlerSession({
    seed: (database) => {
      const accounts = seedReportBooks(database.db);
      writeBookRows(database.db, generateBookRows({ count: 3000, seed: 17, ...accounts }));
    },
  });

  it('says the disk is full, and a bulk change it stopped left every table as it was', async () => {
    const { sqlite } = session.database;
    const ids = sqlite.prepare('SELECT id FROM transactions ORDER BY id').pluck().all() as string[];
    const input = { ids, categoryId: 'user:misc', confirmReconciled: true };
    const before = everything(sqlite);
    fillDisk(sqlite);

    const refused = await dispatch(session.handlers, 'transactions:bulk-categorize', input);

    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(everything(sqlite)).toEqual(before);

    // With room again, the same change goes through whole: nothing half-done was left in the way.
    freeDisk(sqlite);
    expect(await dispatch(session.handlers, 'transactions:bulk-categorize', input)).toMatchObject({
      ok: true,
      value: { changed: ids.length },
    });
  });

  it('says so for a single small write too', async () => {
    const { sqlite } = session.database;
    fillDisk(sqlite);
    // Names long enough that each needs room a full page cannot give.
    let answer: Awaited<ReturnType<typeof dispatch>> = { ok: true, value: null };
    for (let attempt = 0; attempt < 200 && answer.ok; attempt += 1) {
      answer = await dispatch(session.handlers, 'categories:create', {
        name: `Categoria ${attempt} ${'x'.repeat(60)}`,
        reportGroup: 'nondeductible_expense',
      });
    }
    expect(answer).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  });
});

describe('a sync on a full disk', () => {
  const session = syncSession();

  it('fails as DISK_FULL in the sync history, and the next sync with room brings the books to the bank', async () => {
    await session.sync.syncItem(session.itemId, 'manual');
    session.clock.advance(23 * 3600 * 1000);
    session.sandbox.sandbox.control.autoUpdate(session.itemId);
    fillDisk(session.database.sqlite);

    expect(await failure(session.sync.syncItem(session.itemId, 'poll'))).toMatchObject({ code: 'SQLITE_FULL' });
    const failed = session.database.db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1).get();
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'DISK_FULL' });

    freeDisk(session.database.sqlite);
    await session.sync.syncItem(session.itemId, 'poll');
    expect(differencesFromTruth(session.database.sqlite, session.sandboxData())).toEqual([]);
  });
});

describe('a file on a full disk', () => {
  it('is DISK_FULL, written here or in a worker thread (as the exports write)', async () => {
    let direct: unknown;
    try {
      writeFileSync('/dev/full', 'a line of an export\n');
    } catch (error) {
      direct = error;
    }
    expect(direct).toMatchObject({ code: 'ENOSPC' });
    expect(typedError(direct)).toMatchObject({ code: 'DISK_FULL' });

    const worker = new Worker("require('node:fs').writeFileSync('/dev/full', 'x'.repeat(65536))", { eval: true });
    const inWorker = await new Promise((resolve) => worker.once('error', resolve));
    expect(typedError(inWorker)).toMatchObject({ code: 'DISK_FULL' });
  });

  it('leaves any other failure untyped, for the log', () => {
    expect(typedError(new Error('a bug'))).toBeNull();
    expect(typedError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBeNull();
  });
});
