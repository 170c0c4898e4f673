import { Agent, request } from 'undici';
import { makeTempDir } from '../test/support/temp-dir.ts';
import type { Benchmark } from './harness.ts';
import { startSandboxProcess } from './sandbox-process.ts';

const rowsPerItem = 400_000;
const streams = 4;

/**
 * design.md §7: the sandbox serves ≥ 100k transactions/s over loopback HTTPS, so it never
 * limits the sync benchmarks. A client reads a large item's checking account through
 * the v2 cursor, in a few concurrent streams (one per quarter of the year), parsing every
 * page, with the sandbox in a process of its own. Timed on a second pass, after a warm-up pass.
 */
export const sandboxThroughputBenchmark: Benchmark = {
  name: 'sandbox-throughput',
  description: `v2 transactions of a ${rowsPerItem.toLocaleString('en-US')}-row item over loopback HTTPS, ${streams} streams`,
  async run() {
    const temp = makeTempDir('balancete-bench-sandbox-');
    const started = await startSandboxProcess(temp.path, rowsPerItem);
    try {
      const agent = new Agent({ connect: { ca: started.ca }, connections: streams });
      const call = async (method: string, path: string, key: string | null, body?: unknown) => {
        const response = await request(`${started.url}${path}`, {
          method: method as 'GET' | 'POST',
          dispatcher: agent,
          headers: { ...(key ? { 'X-API-KEY': key } : {}), 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return (await response.body.json()) as Record<string, unknown>;
      };
      const key = String((await call('POST', '/auth', null, started.credentials)).apiKey);
      const item = await call('POST', '/items', key, {
        connectorId: 0,
        parameters: { user: 'user-ok', password: 'password-ok' },
      });
      const accounts = (await call('GET', `/accounts?itemId=${String(item.id)}`, key)).results as {
        id: string;
        subtype: string;
      }[];
      const checking = accounts.find((account) => account.subtype === 'CHECKING_ACCOUNT')?.id ?? '';

      const quarters = Array.from({ length: streams }, (_, index) => {
        const from = new Date(Date.now() - (streams - index) * 92 * 24 * 3600 * 1000).toISOString().slice(0, 10);
        const to = new Date(Date.now() - (streams - index - 1) * 92 * 24 * 3600 * 1000 - 24 * 3600 * 1000)
          .toISOString()
          .slice(0, 10);
        return `&dateFrom=${from}&dateTo=${to}`;
      });
      const readAll = async () => {
        let rows = 0;
        await Promise.all(
          quarters.map(async (range) => {
            let path: string | null = `/v2/transactions?accountId=${checking}${range}`;
            while (path) {
              const page = (await call('GET', path, key)) as { results: unknown[]; next: string | null };
              rows += page.results.length;
              path = page.next ? `/v2/transactions${page.next}` : null;
            }
          }),
        );
        return rows;
      };
      await readAll(); // warm-up: JIT and TLS sessions on both sides, as in a long sync
      const timing = performance.now();
      const rows = await readAll();
      const seconds = (performance.now() - timing) / 1000;
      await agent.close();
      const rate = rows / seconds;
      return [
        { name: 'rows read', value: rows, unit: 'rows' },
        { name: 'served and parsed', value: rate, unit: 'rows/s', target: '≥ 100,000', met: rate >= 100_000 },
      ];
    } finally {
      await started.stop();
      temp.remove();
    }
  },
};
