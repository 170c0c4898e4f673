/**
 * Help finding a reconciliation's difference (issue 7): the uncleared transactions whose
 * amounts explain it, and pairs that look like the same movement twice. Pure functions over
 * what the screen already holds; amounts in signed integer cents, dates `YYYY-MM-DD`.
 */

export interface Candidate {
  id: string;
  amountCents: number;
  date: string;
}

export interface SubsetSearch {
  /** The largest set size tried: a user can check one, two or three rows, not ten. */
  maxSize?: 1 | 2 | 3;
  /** How many sets to return at most. */
  limit?: number;
}

/** Above this many candidates, sets of three are not searched (that search grows with the square). */
const maxCandidatesForTriples = 3_000;

/**
 * Sets of up to three candidates whose amounts add up to `targetCents`, smallest sets first,
 * each set once (in the candidates' order).
 */
export function subsetsSummingTo(
  candidates: readonly Candidate[],
  targetCents: number,
  { maxSize = 3, limit = 20 }: SubsetSearch = {},
): Candidate[][] {
  const found: Candidate[][] = [];
  // Where each amount occurs, so a pair or a triple is completed by one lookup.
  const positions = new Map<number, number[]>();
  candidates.forEach((candidate, index) => {
    const list = positions.get(candidate.amountCents);
    if (list) list.push(index);
    else positions.set(candidate.amountCents, [index]);
  });
  // Candidates after `after` whose amount is `amount`.
  const completing = (amount: number, after: number) => (positions.get(amount) ?? []).filter((index) => index > after);

  for (const index of completing(targetCents, -1)) {
    if (found.length >= limit) return found;
    found.push([candidates[index] as Candidate]);
  }
  if (maxSize < 2) return found;
  for (let first = 0; first < candidates.length; first += 1) {
    const a = candidates[first] as Candidate;
    for (const second of completing(targetCents - a.amountCents, first)) {
      if (found.length >= limit) return found;
      found.push([a, candidates[second] as Candidate]);
    }
  }
  if (maxSize < 3 || candidates.length > maxCandidatesForTriples) return found;
  for (let first = 0; first < candidates.length; first += 1) {
    const a = candidates[first] as Candidate;
    for (let second = first + 1; second < candidates.length; second += 1) {
      const b = candidates[second] as Candidate;
      for (const third of completing(targetCents - a.amountCents - b.amountCents, second)) {
        if (found.length >= limit) return found;
        found.push([a, b, candidates[third] as Candidate]);
      }
    }
  }
  return found;
}

/**
 * Pairs with the same amount dated at most `withinDays` apart: the bank listing one
 * movement twice, or the user's manual entry next to the bank's.
 */
export function likelyDuplicates(
  candidates: readonly Candidate[],
  { withinDays = 3 }: { withinDays?: number } = {},
): [Candidate, Candidate][] {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const byAmount = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const list = byAmount.get(candidate.amountCents);
    if (list) list.push(candidate);
    else byAmount.set(candidate.amountCents, [candidate]);
  }
  const pairs: [Candidate, Candidate][] = [];
  for (const list of byAmount.values()) {
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    sorted.forEach((earlier, index) => {
      for (const later of sorted.slice(index + 1)) {
        if (day(later.date) - day(earlier.date) > withinDays) break;
        pairs.push([earlier, later]);
      }
    });
  }
  return pairs;
}
