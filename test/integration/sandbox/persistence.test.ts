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

it('keeps items and their data across restarts when given a state file', async () => {
  const statePath = join(temp.path, 'sandbox-state.json');
  const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
  const first = await startTestSandbox({ clock, statePath, seed: 42 });
  const created = await first.call('POST', '/items', {
    body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
  });
  const itemId = (created.body as { id: string }).id;
  const accountsPath = `/accounts?itemId=${itemId}`;
  const accountId =
    ((await first.call('GET', accountsPath)).body as { results: { id: string }[] }).results[0]?.id ?? '';
  clock.advance(24 * 3600 * 1000);
  first.sandbox.control.autoUpdate(itemId);
  const rowsPath = `/v2/transactions?accountId=${accountId}&dateFrom=2026-11-01`;
  const rows = (await first.call('GET', rowsPath)).body as { results: { id: string }[] };
  const someRow = rows.results[0]?.id ?? '';
  await first.call('PATCH', `/transactions/${someRow}`, { body: { categoryId: '05070000' } });
  const itemBefore = (await first.call('GET', `/items/${itemId}`)).body;
  const rowsBefore = (await first.call('GET', rowsPath)).body;
  const accountsBefore = (await first.call('GET', accountsPath)).body;
  await first.stop();

  const second = await startTestSandbox({ clock, statePath, seed: 42 });
  try {
    expect((await second.call('GET', `/items/${itemId}`)).body).toEqual(itemBefore);
    expect((await second.call('GET', rowsPath)).body).toEqual(rowsBefore);
    expect((await second.call('GET', accountsPath)).body).toEqual(accountsBefore);
  } finally {
    await second.stop();
  }
});
