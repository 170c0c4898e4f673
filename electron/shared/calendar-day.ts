import { z } from 'zod';

/**
 * A bookkeeping day `YYYY-MM-DD` that exists (no 31 February), within years books can
 * mean: a year typed as 0202 on its way to 2025 would otherwise ask for centuries of months.
 */
export const CalendarDay = z.iso
  .date()
  .refine((day) => day >= '1900-01-01' && day <= '2199-12-31', { message: 'a date between 1900 and 2199' });

/**
 * An instant as the books write it (ISO-8601 in UTC, `2026-11-21T03:04:05.678Z`), on a day
 * that exists: answered back to main as the version a user saw (a conflict's detectedAt).
 */
export const Instant = z.iso.datetime();

export function isCalendarDay(value: string): boolean {
  return CalendarDay.safeParse(value).success;
}

/** The last day of a day's or month's month: `2026-02-10` or `2026-02` → `2026-02-28`. */
export function lastDayOfMonth(dayOrMonth: string): string {
  const [year, month] = [Number(dayOrMonth.slice(0, 4)), Number(dayOrMonth.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The day after a day: `2026-02-28` → `2026-03-01`. */
export function dayAfter(day: string): string {
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
