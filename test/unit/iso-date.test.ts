import { describe, expect, it } from 'vitest';
import { isoDate } from '../../electron/core/sandbox/data/iso-date.ts';
import { randomStream } from '../../electron/core/sandbox/data/random.ts';

describe('isoDate', () => {
  it('formats exactly as Date#toISOString', () => {
    const random = randomStream(99);
    const samples = [
      0,
      1,
      999,
      86_399_999,
      Date.parse('2024-02-29T23:59:59.999Z'),
      Date.parse('2026-12-31T00:00:00.000Z'),
    ];
    for (let index = 0; index < 20_000; index += 1) samples.push(Math.floor(random() * 4_102_444_800_000));
    for (const ms of samples) expect(isoDate(ms)).toBe(new Date(ms).toISOString());
  });
});
