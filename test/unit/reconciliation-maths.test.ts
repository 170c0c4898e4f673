import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  likelyDuplicates,
  subsetsSummingTo,
} from '../../electron/core/books/reconciliation/difference-finder.ts';
import { statementStanding } from '../../electron/core/books/reconciliation/statement-maths.ts';

/** Cents as a freelancer's statements hold them: up to ten million reais either way. */
const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

describe('statement maths', () => {
  it('the difference is the statement minus the opening plus what was cleared, in whole cents', () => {
    fc.assert(
      fc.property(cents, cents, fc.array(cents, { maxLength: 300 }), (openingCents, statementCents, clearedCents) => {
        const standing = statementStanding({ openingCents, statementCents, clearedCents });
        const cleared = clearedCents.reduce((sum, amount) => sum + amount, 0);
        expect(standing.clearedTotalCents).toBe(cleared);
        expect(standing.differenceCents).toBe(statementCents - (openingCents + cleared));
        expect(Number.isInteger(standing.differenceCents)).toBe(true);
        expect(standing.balanced).toBe(standing.differenceCents === 0);
      }),
    );
  });

  it('can be finished exactly when the ticked transactions explain the statement', () => {
    fc.assert(
      fc.property(
        cents,
        fc.array(fc.record({ amount: cents, ticked: fc.boolean() }), { maxLength: 200 }),
        fc.integer({ min: -500, max: 500 }),
        (openingCents, rows, offBy) => {
          const clearedCents = rows.filter((row) => row.ticked).map((row) => row.amount);
          const statementCents = openingCents + clearedCents.reduce((sum, amount) => sum + amount, 0) + offBy;
          expect(statementStanding({ openingCents, statementCents, clearedCents }).balanced).toBe(offBy === 0);
        },
      ),
    );
  });

  it('refuses amounts that are not whole cents rather than rounding them', () => {
    expect(() => statementStanding({ openingCents: 0, statementCents: 10.5, clearedCents: [] })).toThrow(RangeError);
    expect(() => statementStanding({ openingCents: 0, statementCents: 0, clearedCents: [0.1, 0.2] })).toThrow(
      RangeError,
    );
  });
});

/** Candidates with distinct ids, amounts and dates as the uncleared rows of a month. */
const candidateList = fc
  .array(
    fc.record({ amountCents: fc.integer({ min: -500_000, max: 500_000 }), day: fc.integer({ min: 1, max: 28 }) }),
    {
      minLength: 1,
      maxLength: 120,
    },
  )
  .map((rows) =>
    rows.map((row, index): Candidate => ({
      id: `tx-${index}`,
      amountCents: row.amountCents,
      date: `2026-10-${String(row.day).padStart(2, '0')}`,
    })),
  );

const ids = (set: readonly Candidate[]) => set.map((candidate) => candidate.id).sort();

describe('finding the difference', () => {
  it('finds a planted set of one, two or three uncleared transactions that adds up to the difference', () => {
    fc.assert(
      fc.property(
        candidateList,
        fc.integer({ min: 1, max: 3 }),
        fc.infiniteStream(fc.nat()),
        (candidates, size, picks) => {
          const chosen = new Set<number>();
          for (const pick of picks) {
            if (chosen.size === Math.min(size, candidates.length)) break;
            chosen.add(pick % candidates.length);
          }
          const planted = [...chosen].map((index) => candidates[index] as Candidate);
          const target = planted.reduce((sum, candidate) => sum + candidate.amountCents, 0);
          const found = subsetsSummingTo(candidates, target, { limit: Number.POSITIVE_INFINITY });
          for (const set of found) expect(set.reduce((sum, candidate) => sum + candidate.amountCents, 0)).toBe(target);
          expect(found.map((set) => ids(set).join())).toContain(ids(planted).join());
          // Each set once, smallest first.
          expect(new Set(found.map((set) => ids(set).join())).size).toBe(found.length);
          expect(found.map((set) => set.length)).toEqual([...found.map((set) => set.length)].sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops at the limit asked, and tries no larger sets than asked', () => {
    const candidates: Candidate[] = [100, 200, 300, 600].map((amount, index) => ({
      id: `t${index}`,
      amountCents: amount,
      date: '2026-10-01',
    }));
    expect(subsetsSummingTo(candidates, 600).map(ids)).toEqual([['t3'], ['t0', 't1', 't2']]);
    expect(subsetsSummingTo(candidates, 600, { maxSize: 2 }).map(ids)).toEqual([['t3']]);
    expect(subsetsSummingTo(candidates, 600, { limit: 1 }).map(ids)).toEqual([['t3']]);
    expect(subsetsSummingTo(candidates, 1)).toEqual([]);
  });

  it('finds a planted duplicate: the same amount a day or two apart, and nothing further apart', () => {
    fc.assert(
      fc.property(candidateList, fc.integer({ min: 0, max: 3 }), (candidates, gap) => {
        // An amount no other candidate has, twice, `gap` days apart.
        const amountCents = 99_999_901;
        const planted: Candidate[] = [
          { id: 'dup-a', amountCents, date: '2026-11-10' },
          { id: 'dup-b', amountCents, date: `2026-11-${String(10 + gap).padStart(2, '0')}` },
        ];
        const pairs = likelyDuplicates([...candidates, ...planted]);
        expect(pairs.map((pair) => ids(pair).join())).toContain('dup-a,dup-b');
        for (const [a, b] of pairs) expect(a.amountCents).toBe(b.amountCents);
      }),
    );
    const apart: Candidate[] = [
      { id: 'a', amountCents: 5_000, date: '2026-10-01' },
      { id: 'b', amountCents: 5_000, date: '2026-10-05' },
    ];
    expect(likelyDuplicates(apart)).toEqual([]);
    expect(likelyDuplicates(apart, { withinDays: 4 }).map(ids)).toEqual([['a', 'b']]);
  });
});
