/**
 * The sandbox's notion of "now". Token expiry, MFA deadlines, item lifecycles and the data
 * that grows between updates all read it, so tests can move time forward instead of
 * waiting for it.
 */
export interface SandboxClock {
  now(): number;
  /** Moves this clock (and only it) forward. */
  advance(milliseconds: number): void;
}

export function createClock(start?: Date): SandboxClock {
  let offset = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => Date.now() + offset,
    advance(milliseconds) {
      if (milliseconds < 0) throw new RangeError('The sandbox clock only moves forward');
      offset += milliseconds;
    },
  };
}
