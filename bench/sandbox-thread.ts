import { Worker } from 'node:worker_threads';

export interface SandboxThread {
  url: string;
  ca: string;
  credentials: { clientId: string; clientSecret: string };
  stop(): Promise<void>;
}

/**
 * A sandbox in a worker thread (bench/sandbox-worker.ts), so serving and consuming do
 * not share one event loop: on the 2-core target machine each gets a core.
 */
export async function startSandboxThread(certificateDir: string, transactionsPerItem: number): Promise<SandboxThread> {
  const worker = new Worker(new URL('./sandbox-worker.ts', import.meta.url), {
    workerData: { certificateDir, transactionsPerItem },
  });
  const started = await new Promise<Omit<SandboxThread, 'stop'>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    ...started,
    async stop() {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
