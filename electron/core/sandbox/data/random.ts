/**
 * Deterministic randomness for the sandbox's data: every value is a pure function of the
 * server seed and a few coordinates (item, account, row index), so any row of a
 * million-row item can be produced on demand, identically on every machine.
 */

/** A 32-bit hash of some parts (FNV-1a, then a murmur3 finaliser to spread the bits). */
export function hash32(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? part.toString(36) : part;
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f; // separates ['ab', 'c'] from ['a', 'bc']
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

/** Mixes a 32-bit integer into a well-spread 32-bit hash (murmur3's finaliser): cheap, for hot paths. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(8, '0').slice(-digits);

/** A UUID-shaped id (version 4 layout) derived from `parts`. */
export function uuidFrom(...parts: readonly (string | number)[]): string {
  const a = hash32(...parts, 'a');
  const b = hash32(...parts, 'b');
  const c = hash32(...parts, 'c');
  const d = hash32(...parts, 'd');
  return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${(8 + (c % 4)).toString(16)}${hex(c >>> 8, 3)}-${hex(d, 8)}${hex(c >>> 20, 4)}`;
}

/** A picker over weighted choices, taking a number in [0, 1); the weights are summed once. */
export function weightedPicker<T extends { weight: number }>(choices: readonly T[]): (random: number) => T {
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  const last = choices.at(-1);
  if (!last) throw new Error('no choices');
  return (random) => {
    let remaining = random * total;
    for (const choice of choices) {
      remaining -= choice.weight;
      if (remaining < 0) return choice;
    }
    return last;
  };
}

/** An integer in [min, max] from a number in [0, 1). */
export function between(min: number, max: number, random: number): number {
  return min + Math.floor(random * (max - min + 1));
}

/** One of `items`, from a number in [0, 1). */
export function pickOne<T>(items: readonly T[], random: number): T {
  const item = items[Math.floor(random * items.length)];
  if (item === undefined) throw new RangeError('nothing to pick from');
  return item;
}
