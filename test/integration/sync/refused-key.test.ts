/**
 * A 401 in the middle of a sync is Pluggy refusing the API key (it may have expired), not
 * the client id and secret: only POST /auth refusing them means those are wrong. The key
 * is renewed once and the request sent again; a key refused even fresh is "Pluggy refused
 * the request" (PLUGGY_FORBIDDEN), never "wrong client id or secret" (PLUGGY_AUTH).
 *
 * Real parts: the sandbox over HTTPS with its fault injection, the real client, DataSync
 * and a SQLite file.
 */
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { syncRuns } from '../../../db/schema.ts';
import { clientFor, failure } from '../../support/pluggy-client.ts';
import { syncSession } from '../../support/sync-session.ts';
import { differencesFromTruth } from '../../support/sync-truth.ts';

const session = syncSession();

/** POST /auth requests the sandbox received since `from` (an index into its request log). */
function authRequestsSince(from: number): number {
  return session.sandbox.sandbox.control.requests
    .slice(from)
    .filter((request) => request.method === 'POST' && request.path === '/auth').length;
}

function lastRun() {
  return session.database.db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1).get();
}

describe('a 401 mid-sync', () => {
  it('renews the API key once and goes on: the sync succeeds with every transaction', async () => {
    const { control } = session.sandbox.sandbox;
    const before = control.requests.length;
    control.faults.add({ kind: 'server-error', status: 401, path: '/v2/transactions', times: 1 });

    const counts = await session.sync.syncItem(session.itemId, 'manual');

    expect(authRequestsSince(before)).toBe(1);
    expect(lastRun()).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(counts.created).toBeGreaterThan(0);
    expect(differencesFromTruth(session.database.sqlite, session.sandboxData())).toEqual([]);
  });

  it('is "Pluggy refused the request" when even a fresh key is refused, never "wrong client id or secret"', async () => {
    const { control } = session.sandbox.sandbox;
    // Every transactions request refused, the retry with a fresh key as well: the item's
    // accounts are read side by side, so a count of refusals would not say whose they are.
    control.faults.add({ kind: 'server-error', status: 401, path: '/v2/transactions' });

    const error = await failure(session.sync.syncItem(session.itemId, 'manual'));

    expect(error).toMatchObject({ code: 'PLUGGY_FORBIDDEN', status: 401 });
    expect(lastRun()).toMatchObject({ status: 'failed', errorCode: 'PLUGGY_FORBIDDEN' });
  });

  it('still says the keys are wrong when POST /auth refuses them', async () => {
    const wrong = clientFor(session.sandbox, { clientSecret: 'not-the-secret' });
    try {
      expect(await failure(wrong.item(session.itemId))).toMatchObject({ code: 'PLUGGY_AUTH', status: 401 });
    } finally {
      await wrong.close();
    }
  });
});
