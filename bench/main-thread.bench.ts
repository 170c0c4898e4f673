import { forkedBenchmark } from './harness.ts';

/**
 * Issue 18: main's thread never waits on the books. The app's books worker (core/books-host)
 * runs as in the app, under a main thread that routes every request and hears every event,
 * and main's worst event-loop block is measured while the worker does the heavy work — a
 * first sync of a 1M-transaction item, a year's dashboard over it, then on a 100k item with
 * rules of issue 17's backtracking patterns saved: its first sync (the rules run on every
 * row), Pluggy's next daily update synced, the rules re-applied to every row, and the
 * workbook of all of it. That main runs in a process of its own (main-thread-process.ts)
 * that loads what the app's main loads of the books and nothing of this runner, so the
 * peak resident memory is the app's: main and the books worker together. Pluggy is the
 * sandbox in a third process, as it is elsewhere on a user's machine.
 */
export const mainThreadBenchmark = forkedBenchmark(
  'main-thread',
  "main's event loop while the books worker syncs 1M rows, reports, re-applies rules and exports",
  new URL('./main-thread-process.ts', import.meta.url),
);
