import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createClock } from '../../../electron/core/sandbox/clock.ts';
import { startTestSandbox } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

interface Row {
  id: string;
  status: string;
  updatedAt: string;
  categoryId?: string;
}

it('keeps items, their data and webhooks in a state file, saved as soon as they change', async () => {
  const statePath = join(temp.path, 'state', 'sandbox-state.json');
  const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  const first = await startTestSandbox({ clock, statePath, seed: 42, stepMs: 1000 });
  const created = await first.call('POST', '/items', {
    body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
  });
  const itemId = (created.body as { id: string }).id;
  // The update finishes while the client merely reads the item.
  clock.advance(10_000);
  expect((await first.call('GET', `/items/${itemId}`)).body).toMatchObject({ status: 'UPDATED' });

  const accountsPath = `/accounts?itemId=${itemId}`;
  const checking =
    ((await first.call('GET', accountsPath)).body as { results: { id: string; subtype: string }[] }).results.find(
      (account) => account.subtype === 'CHECKING_ACCOUNT',
    )?.id ?? '';
  const rowsPath = `/v2/transactions?accountId=${checking}&dateFrom=2026-11-10`;
  const recent = (await first.call('GET', rowsPath)).body as { results: Row[] };
  const pendingRows = recent.results.filter((row) => row.status === 'PENDING');
  expect(pendingRows.length).toBeGreaterThan(1);
  // Recategorized first, then posted by a later update: the order must survive a restart.
  for (const row of pendingRows) {
    await first.call('PATCH', `/transactions/${row.id}`, { body: { categoryId: '05070000' } });
  }
  clock.advance(23 * 3600 * 1000);
  first.sandbox.control.autoUpdate(itemId);
  clock.advance(10_000);
  await first.call('GET', `/items/${itemId}`);
  await first.call('POST', '/webhooks', { body: { url: 'https://example.com/hook', event: 'item/updated' } });

  const postedIds: string[] = [];
  for (const row of pendingRows) {
    const now = (await first.call('GET', `/transactions/${row.id}`)).body as Row;
    if (now.status === 'POSTED') postedIds.push(row.id);
  }
  const posted = postedIds[0];
  if (!posted) throw new Error('the update posted none of the pending rows under their own id');
  const before = {
    item: (await first.call('GET', `/items/${itemId}`)).body,
    rows: (await first.call('GET', rowsPath)).body,
    accounts: (await first.call('GET', accountsPath)).body,
    webhooks: (await first.call('GET', '/webhooks')).body,
    posted: (await first.call('GET', `/transactions/${posted}`)).body as Row,
  };
  expect(before.posted).toMatchObject({ status: 'POSTED', categoryId: '05070000' });

  // A second sandbox reads the file while the first still runs, as after a crash.
  const second = await startTestSandbox({ clock, statePath, seed: 1, transactionsPerItem: 50 });
  try {
    expect((await second.call('GET', `/items/${itemId}`)).body).toEqual(before.item);
    expect((await second.call('GET', rowsPath)).body).toEqual(before.rows);
    expect((await second.call('GET', accountsPath)).body).toEqual(before.accounts);
    expect((await second.call('GET', '/webhooks')).body).toEqual(before.webhooks);
    expect((await second.call('GET', `/transactions/${posted}`)).body).toEqual(before.posted);
  } finally {
    await second.stop();
    await first.stop();
  }
});

it('reports a state file it cannot write, and keeps serving', async () => {
  const aFile = join(temp.path, 'a-file');
  writeFileSync(aFile, '');
  const errors: unknown[] = [];
  const sandbox = await startTestSandbox({
    statePath: join(aFile, 'sandbox-state.json'),
    onStateError: (error) => errors.push(error),
  });
  try {
    const created = await sandbox.call('POST', '/items', {
      body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
    });
    expect(created.status).toBe(200);
    expect(errors.length).toBeGreaterThan(0);
  } finally {
    await sandbox.stop();
  }
});

it('refuses to start over a state file it cannot read, rather than drop it', async () => {
  const statePath = join(temp.path, 'sandbox-state.json');
  writeFileSync(statePath, '{"version": 1, "items": [');
  await expect(startTestSandbox({ statePath })).rejects.toThrow(/cannot be read.*Move it away/);
});
