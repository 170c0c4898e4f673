import { fork } from 'node:child_process';

export interface SandboxProcess {
  /** The child's process id, for its CPU time (process-watch.ts). */
  pid: number | undefined;
  url: string;
  ca: string;
  credentials: { clientId: string; clientSecret: string };
  /**
   * Moves the sandbox's clock forward and runs Pluggy's daily update of the item; resolves
   * with the sandbox's time afterwards (the sync's "now" must be Pluggy's, as in the app).
   */
  advanceAndUpdate(itemId: string, advanceMs: number): Promise<number>;
  stop(): Promise<void>;
}

export type SandboxCommand = { kind: 'stop' } | { kind: 'update'; itemId: string; advanceMs: number };

/**
 * A sandbox in a child process (bench/sandbox-child.ts), so serving and consuming share
 * neither an event loop nor a heap: on the 2-core target machine each gets a core, and
 * the measured process's resident memory is its own, as on a user's machine, where
 * Pluggy is elsewhere.
 */
export async function startSandboxProcess(
  certificateDir: string,
  transactionsPerItem: number,
): Promise<SandboxProcess> {
  const child = fork(new URL('./sandbox-child.ts', import.meta.url), [certificateDir, String(transactionsPerItem)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const nextMessage = <T>() =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`The sandbox process exited (${code})`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message as T);
      });
    });
  const command = (message: SandboxCommand) => child.send(message);
  const started = await nextMessage<Pick<SandboxProcess, 'url' | 'ca' | 'credentials'>>();
  return {
    ...started,
    pid: child.pid,
    async advanceAndUpdate(itemId, advanceMs) {
      const answer = nextMessage<{ now: number }>();
      command({ kind: 'update', itemId, advanceMs });
      return (await answer).now;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      command({ kind: 'stop' });
      await exited;
    },
  };
}
