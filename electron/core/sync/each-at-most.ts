/**
 * Runs `work` for every item, at most `limit` at a time, in the list's order. The first
 * failure starts nothing more and fires the signal the running ones were given; the call
 * settles only once every started one has, so none of them runs on after it, and then
 * rejects with that first failure. `signal`, when it fires, reaches every run too.
 */
export async function eachAtMost<Item>(
  items: readonly Item[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: Item, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const failed = new AbortController();
  const runSignal = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next] as Item;
      next += 1;
      try {
        await work(item, runSignal);
      } catch (error) {
        failure ??= { error };
        failed.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}
