import { isCalendarDay } from '../../../../electron/shared/calendar-day.ts';

/**
 * A calendar date typed as dd/mm/yyyy (the way both languages show dates, see
 * electron/shared/format.ts) read back as `YYYY-MM-DD`; undefined when it is not a real day.
 * Dots and dashes are taken as separators too, as people type them.
 */
export function parseDayInput(text: string): string | undefined {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // The contract's own test of a day (main refuses any other), so what reads here is sent.
  return isCalendarDay(iso) ? iso : undefined;
}
