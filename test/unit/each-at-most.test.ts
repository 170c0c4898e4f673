import { describe, expect, it } from 'vitest';
import { eachAtMost } from '../../electron/core/sync/each-at-most.ts';

/** A promise and the functions that settle it, for runs the test finishes by hand. */
function settleable() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('eachAtMost', () => {
  it('runs every item, never more than the limit at once, in the list order', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await eachAtMost([1, 2, 3, 4, 5, 6, 7], 3, undefined, async (item) => {
      started.push(item);
      running += 1;
      most = Math.max(most, running);
      // Uneven lengths, so lanes free up out of order.
      for (let wait = 0; wait < (item % 3) + 1; wait += 1) await turn();
      running -= 1;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('on the first failure starts nothing more, aborts the running ones, settles after them and rejects with it', async () => {
    const runs = [settleable(), settleable(), settleable()];
    const started: number[] = [];
    const signals: AbortSignal[] = [];
    let settled = false;
    const all = eachAtMost([0, 1, 2], 2, undefined, async (item, signal) => {
      started.push(item);
      signals.push(signal);
      await runs[item]?.promise;
    }).finally(() => (settled = true));
    await turn();
    expect(started).toEqual([0, 1]);

    runs[0]?.reject(new Error('first'));
    await turn();
    expect(signals[1]?.aborted).toBe(true);
    // The other run is still going: the call waits for it.
    expect(settled).toBe(false);
    runs[1]?.reject(new Error('second'));
    await expect(all).rejects.toThrow('first');
    expect(started).toEqual([0, 1]);
  });

  it("passes the caller's abort on to every run", async () => {
    const caller = new AbortController();
    const seen: AbortSignal[] = [];
    const all = eachAtMost(['a', 'b'], 2, caller.signal, async (_item, signal) => {
      seen.push(signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      signal.throwIfAborted();
    });
    await turn();
    caller.abort(new Error('stopped'));
    await expect(all).rejects.toThrow('stopped');
    expect(seen.map((signal) => signal.aborted)).toEqual([true, true]);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await eachAtMost([], 2, undefined, () => {
      calls += 1;
      return Promise.resolve();
    });
    expect(calls).toBe(0);
  });
});
