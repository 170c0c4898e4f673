import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Db, openDatabase } from '../db/open.ts';
import { silentLogger } from '../electron/core/log.ts';
import { PluggyClient } from '../electron/core/pluggy/client.ts';
import { DataSync } from '../electron/core/sync/data-sync.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import type { Benchmark, Metric } from './harness.ts';
import { startSandboxThread } from './sandbox-thread.ts';

const rowsPerItem = 100_000;

/**
 * design.md §10: the first sync of a 100k-transaction item from the sandbox over loopback
 * HTTPS at ≥ 25k transactions/s end to end, with the main event loop never blocked for
 * more than 50 ms. The sandbox runs in a worker thread (on a user's machine Pluggy is
 * elsewhere); the client, the sync and SQLite run on this thread, as in main.
 */
export const syncBenchmark: Benchmark = {
  name: 'sync',
  description: `first sync of a ${rowsPerItem.toLocaleString('en-US')}-transaction item from the sandbox`,
  run: () => runFirstSync(),
};

/** The measurement itself; `prepare` sets the database up first (bench/rules.bench.ts adds rules). */
export async function runFirstSync(prepare?: (db: Db) => void): Promise<Metric[]> {
  const temp = makeTempDir('balancete-bench-sync-');
  const started = await startSandboxThread(temp.path, rowsPerItem);
  const database = openDatabase(join(temp.path, 'balancete.sqlite'));
  try {
    prepare?.(database.db);
    const client = new PluggyClient({ baseUrl: started.url, sandboxCa: started.ca, ...started.credentials });
    const item = await client.createItem({
      connectorId: 0,
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    while ((await client.item(item.id)).status === 'UPDATING') await new Promise((resolve) => setTimeout(resolve, 10));

    const sync = new DataSync({ database, client, logger: silentLogger });
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const begin = performance.now();
    const counts = await sync.syncItem(item.id, 'connect');
    const seconds = (performance.now() - begin) / 1000;
    lag.disable();
    await client.close();
    const rate = counts.created / seconds;
    const maxLagMs = lag.max / 1e6;
    return [
      { name: 'transactions', value: counts.created, unit: 'rows' },
      { name: 'end to end', value: rate, unit: 'rows/s', target: '≥ 25,000', met: rate >= 25_000 },
      { name: 'event-loop lag, max', value: maxLagMs, unit: 'ms', target: '≤ 50', met: maxLagMs <= 50 },
      { name: 'event-loop lag, p99', value: lag.percentile(99) / 1e6, unit: 'ms' },
    ];
  } finally {
    database.close();
    await started.stop();
    temp.remove();
  }
}
