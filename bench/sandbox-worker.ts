/**
 * Runs a sandbox in its own thread for the benchmarks, so serving and consuming do not
 * share one event loop (on the 2-core target machine each gets a core).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../electron/core/sandbox/server.ts';

const options = workerData as { certificateDir: string; transactionsPerItem: number };
const sandbox = await startSandbox({ ...options, stepMs: 0 });
parentPort?.postMessage({ url: sandbox.url, ca: sandbox.ca, credentials: sandbox.credentials });
parentPort?.on('message', (message) => {
  if (message === 'stop') void sandbox.stop().then(() => process.exit(0));
});
