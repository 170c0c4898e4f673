/**
 * Which rows of a statement file the account already holds (issue 19). Two kinds:
 * - the same statement id (an OFX FITID) seen before in the account, or a FITID that is a
 *   row's own id (Balancete's OFX export): the very row, skipped;
 * - a likely duplicate: the same amount within three days and a similar description, e.g.
 *   the bank's row Pluggy brought for the same purchase: shown side by side, skipped
 *   unless the user keeps it.
 * Each existing row answers for one incoming row at most, so two equal coffees on one day
 * in the file, against one in the books, leave one of them new.
 */

/** An incoming row, as far as matching needs it. */
export interface IncomingRow {
  line: number;
  date: string;
  amountCents: number;
  description: string;
  externalId?: string | undefined;
}

/** A row the account holds, as far as matching needs it (its amount in the account's currency). */
export interface HeldRow {
  id: string;
  date: string;
  amountCents: number;
  description: string;
  externalId: string | null;
}

export type RowVerdict =
  { kind: 'new' } | { kind: 'seen'; existingId: string } | { kind: 'likely'; existingId: string; similarity: number };

/** How far apart in days a likely duplicate's dates may be (a card's purchase and its posting). */
export const duplicateWindowDays = 3;
/** How alike two descriptions must be (Dice over letter pairs, 0–1) for a likely duplicate. */
const similarEnough = 0.45;

/** Lower case, no accents, letters and digits only, single spaces: "PAG*Café  Ipê" → "pag cafe ipe". */
export function normalizedText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function letterPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const word of text.split(' ')) {
    for (let index = 0; index < word.length - 1; index += 1) {
      const pair = word.slice(index, index + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

/**
 * How alike two descriptions are, 0 to 1: 1 when one holds the other whole (a bank's
 * "PIX ENVIADO STUDIO IPE" and a statement's "Studio Ipê"), else Dice's coefficient over
 * their words' letter pairs, which shrugs off word order and truncation.
 */
export function descriptionSimilarity(a: string, b: string): number {
  const left = normalizedText(a);
  const right = normalizedText(b);
  if (left === '' || right === '') return 0;
  if (left.includes(right) || right.includes(left)) return 1;
  const leftPairs = letterPairs(left);
  const rightPairs = letterPairs(right);
  let shared = 0;
  let total = 0;
  for (const [pair, count] of leftPairs) {
    shared += Math.min(count, rightPairs.get(pair) ?? 0);
    total += count;
  }
  for (const count of rightPairs.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Each incoming row's verdict, in the order given. `held` is the account's live rows
 * around the file's dates; a held row matched once is not matched again.
 */
export function matchDuplicates(incoming: readonly IncomingRow[], held: readonly HeldRow[]): RowVerdict[] {
  const days = new DayNumbers();
  const byExternalId = new Map<string, HeldRow>();
  // Held rows by amount and day: a row's look-alikes are found in the seven days around
  // it, a few lookups whatever the books hold (a monthly fee of the same amount every month
  // would otherwise be compared with every other month's).
  const byAmountAndDay = new Map<string, HeldRow[]>();
  for (const row of held) {
    // A statement id names a row imported before, or the very row Balancete's own OFX
    // export was written from (it writes each transaction's id as the FITID).
    byExternalId.set(row.id, row);
    if (row.externalId !== null) byExternalId.set(row.externalId, row);
    const key = `${row.amountCents}:${days.of(row.date)}`;
    const same = byAmountAndDay.get(key);
    if (same) same.push(row);
    else byAmountAndDay.set(key, [row]);
  }
  const taken = new Set<string>();
  const verdicts: RowVerdict[] = incoming.map((row) => {
    const seen = row.externalId === undefined ? undefined : byExternalId.get(row.externalId);
    // The same id and the same money near the same day: some banks (Bradesco, Santander)
    // number FITIDs from 1 in every file, so an id alone would take next month's rows for
    // this month's.
    if (
      seen &&
      !taken.has(seen.id) &&
      seen.amountCents === row.amountCents &&
      Math.abs(days.of(seen.date) - days.of(row.date)) <= duplicateWindowDays
    ) {
      taken.add(seen.id);
      return { kind: 'seen', existingId: seen.id };
    }
    return { kind: 'new' };
  });
  // Likely duplicates after every exact one, so a FITID match never loses its row to a look-alike.
  incoming.forEach((row, index) => {
    if (verdicts[index]?.kind !== 'new') return;
    const day = days.of(row.date);
    let best: { row: HeldRow; similarity: number; distance: number } | null = null;
    for (let offset = -duplicateWindowDays; offset <= duplicateWindowDays; offset += 1) {
      const distance = Math.abs(offset);
      for (const candidate of byAmountAndDay.get(`${row.amountCents}:${day + offset}`) ?? []) {
        if (taken.has(candidate.id)) continue;
        const similarity = descriptionSimilarity(row.description, candidate.description);
        if (similarity < similarEnough) continue;
        if (!best || similarity > best.similarity || (similarity === best.similarity && distance < best.distance)) {
          best = { row: candidate, similarity, distance };
        }
      }
    }
    if (best) {
      taken.add(best.row.id);
      verdicts[index] = { kind: 'likely', existingId: best.row.id, similarity: best.similarity };
    }
  });
  return verdicts;
}

/** Days since 1970 of `YYYY-MM-DD` dates, each worked out once: a file's rows share a few hundred days. */
class DayNumbers {
  private readonly known = new Map<string, number>();

  of(day: string): number {
    let number = this.known.get(day);
    if (number === undefined) {
      number = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;
      this.known.set(day, number);
    }
    return number;
  }
}
