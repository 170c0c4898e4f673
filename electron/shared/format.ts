import type { Language } from './models.ts';
import { fromCents } from './money.ts';

/**
 * Display formats. Both languages write dates as dd/mm/yyyy, as Brazilian users and
 * their accountants expect, so English formats with the en-GB locale rather than en-US.
 */
export const intlLocale: Record<Language, string> = {
  'pt-BR': 'pt-BR',
  en: 'en-GB',
};

/** Brazilian bookkeeping happens on São Paulo time, wherever the computer is. */
export const bookkeepingTimeZone = 'America/Sao_Paulo';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `R$ 1.234,56` in pt-BR, `R$1,234.56` in English; negative amounts keep their minus sign. */
export function formatMoney(cents: number, language: Language, currency = 'BRL'): string {
  const key = `${language}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[language], { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(fromCents(cents));
}

/** A calendar date `YYYY-MM-DD` as dd/mm/yyyy. Never shifted by time zones: it is not an instant. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

/** An instant (ISO-8601 with zone) as São Paulo date and time, e.g. `21/11/2026 03:04`. */
export function formatDateTime(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  return new Intl.DateTimeFormat(intlLocale[language], {
    timeZone: bookkeepingTimeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(',', '');
}

// en-CA formats as YYYY-MM-DD. Made once: building an Intl formatter costs far more than using one,
// and sync dates every transaction it receives.
const bookkeepingDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: bookkeepingTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The bookkeeping date (`YYYY-MM-DD` in São Paulo) of an instant. */
export function bookkeepingDate(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return bookkeepingDateFormat.format(date);
}
