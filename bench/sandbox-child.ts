/**
 * A sandbox in a process of its own for the benchmarks (bench/sandbox-process.ts): on a
 * user's machine Pluggy is elsewhere, so neither its CPU nor its memory may count as the
 * measured process's. Takes its options from argv, answers with its address on the IPC
 * channel, then obeys the parent's messages until told to stop.
 */
import { startSandbox } from '../electron/core/sandbox/server.ts';
import type { SandboxCommand } from './sandbox-process.ts';

const [certificateDir = '', transactionsPerItem = ''] = process.argv.slice(2);
const sandbox = await startSandbox({ certificateDir, transactionsPerItem: Number(transactionsPerItem), stepMs: 0 });
const send = (message: unknown) => process.send?.(message);
send({ url: sandbox.url, ca: sandbox.ca, credentials: sandbox.credentials });
process.on('message', (command: SandboxCommand) => {
  if (command.kind === 'stop') {
    void sandbox.stop().then(() => process.exit(0));
    return;
  }
  // "A day later, Pluggy's daily update": the item gets new, changed and removed rows.
  sandbox.control.clock.advance(command.advanceMs);
  sandbox.control.autoUpdate(command.itemId);
  send({ done: command.kind, now: sandbox.control.clock.now() });
});
