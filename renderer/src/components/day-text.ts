import { isCalendarDay } from '../../../electron/shared/calendar-day.ts';

/**
 * A day as the user types it: dd/mm/aaaa in both languages, the way every screen shows
 * dates (electron/shared/format.ts), whatever the computer's own locale says. Dots and
 * dashes are read as separators too, as people type them, and a pasted yyyy-mm-dd (four
 * digits first cannot be a day) reads as well.
 */

/** Why a text is not a day, each said in plain words by the date field. */
export type DayProblem = 'shape' | 'shortYear' | 'noSuchDay' | 'yearRange';

/** A day `YYYY-MM-DD`, `null` for an empty box, or why the text is not a day. */
export type DayReading = { day: string | null } | { problem: DayProblem };

const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;
const yearFirst = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;

export function readDay(text: string): DayReading {
  const trimmed = text.trim();
  if (trimmed === '') return { day: null };
  const byDay = dayFirst.exec(trimmed);
  const byYear = byDay ? null : yearFirst.exec(trimmed);
  const [day, month, year] = byDay ? [byDay[1], byDay[2], byDay[3]] : byYear ? [byYear[3], byYear[2], byYear[1]] : [];
  if (day === undefined || month === undefined || year === undefined) return { problem: 'shape' };
  // Years are typed whole: "26" could be 1926 or 2026, and the books span 1900–2199.
  if (year.length !== 4) return { problem: year.length < 4 ? 'shortYear' : 'shape' };
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 31/02 into March: a day exists when it comes back as typed.
  if (m < 1 || m > 12 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return { problem: 'noSuchDay' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // The contract's own test of a day (main refuses any other), so what reads here is sent.
  return isCalendarDay(iso) ? { day: iso } : { problem: 'yearRange' };
}

/**
 * The separators typed for the user: digits become "dd/mm/aaaa" as they come ("0503" →
 * "05/03", "05032026" → "05/03/2026"). A slash is only put before a digit that follows it,
 * so backspace is never fought; text typed any other way ("5/3/2026", "2026-03-05") is left alone.
 */
export function maskDayTyping(text: string): string {
  const slashesInPlace = [...text.matchAll(/\//g)].every((slash) => slash.index === 2 || slash.index === 5);
  const digits = text.replace(/\//g, '');
  if (!/^\d*$/.test(digits) || !slashesInPlace || digits.length > 8) return text;
  const masked = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('/');
  // A slash the user typed after the day or the month stays.
  return text.endsWith('/') && (masked.length === 2 || masked.length === 5) ? `${masked}/` : masked;
}
