/**
 * Amounts, dates and text as statement files write them, turned into Balancete's values:
 * integer cents and `YYYY-MM-DD` days. Amounts are read digit by digit (never through a
 * floating-point number), so `1.234,56` is exactly 123456 cents and `-0,01` is -1.
 * Each reader returns null for text it cannot read; the parsers turn that into a
 * StatementError with the line.
 */

export type DecimalMark = ',' | '.';

/** Up to 13 integer digits: far beyond any statement, and exact as a double in cents. */
const maxIntegerDigits = 13;

/**
 * Cents from a written amount with the given decimal mark; the other of `.`/`,` (and
 * spaces, no-break spaces, apostrophes) may group thousands. Understands a sign before or
 * after the number (`-12,50`, `12,50-`, `−12,50`), parentheses for negatives, a `R$`/`US$`
 * prefix, and a trailing `D`/`C` (debit/credit, as some banks write). More than two decimals
 * are accepted only when the extra ones are zeros (`12,500`), never rounded.
 */
export function amountCents(text: string, decimalMark: DecimalMark): number | null {
  let rest = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  /** How many ways the text says "negative": more than one is not an amount. */
  let minus = 0;
  if (/^\(.*\)$/.test(rest)) {
    rest = rest.slice(1, -1).trim();
    minus += 1;
  }
  const direction = /^(.*?)\s*([DC])$/i.exec(rest);
  if (direction?.[1] && /\d$/.test(direction[1])) {
    rest = direction[1];
    if (direction[2]?.toUpperCase() === 'D') minus += 1;
  }
  rest = rest.replace(/^([+\-\u2212]?)\s*(?:R\$|US\$|BRL)\s*/i, '$1');
  const leading = /^([+\-\u2212])\s*/.exec(rest);
  if (leading) {
    rest = rest.slice(leading[0].length);
    if (leading[1] !== '+') minus += 1;
  }
  const trailing = /\s*([+\-\u2212])$/.exec(rest);
  if (trailing) {
    rest = rest.slice(0, -trailing[0].length);
    if (trailing[1] !== '+') minus += 1;
  }
  if (minus > 1) return null;
  rest = rest.replace(/^(?:R\$|US\$|BRL)\s*/i, '');
  const grouping = decimalMark === ',' ? '.' : ',';
  const match = /^(\d[\d.,' ]*)?$/.exec(rest);
  if (!match || rest === '') return null;
  const decimalAt = rest.lastIndexOf(decimalMark);
  const integerText = decimalAt < 0 ? rest : rest.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : rest.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction) || !/^0*$/.test(fraction.slice(2))) return null;
  if (decimalAt >= 0 && integerText === '' && fraction === '') return null;
  let digits: string;
  if (/^\d*$/.test(integerText)) {
    digits = integerText;
  } else {
    // Grouped thousands: 1.234.567 (or 1 234 567, 1'234'567), one kind of mark, groups of three.
    const marks = new Set(integerText.replace(/\d/g, ''));
    if (marks.size !== 1 || marks.has(decimalMark)) return null;
    const mark = [...marks][0] ?? '';
    if (mark !== grouping && mark !== ' ' && mark !== "'") return null;
    const groups = integerText.split(mark);
    if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((group) => !/^\d{3}$/.test(group))) return null;
    digits = groups.join('');
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  if (digits.length > maxIntegerDigits) return null;
  const cents = Number(digits || '0') * 100 + Number((fraction + '00').slice(0, 2));
  return minus === 1 && cents !== 0 ? -cents : cents;
}

/** Date formats of CSV exports (Brazilian first); `mm/dd/yyyy` is for the few US-style exports. */
export const csvDateFormats = ['dd/mm/yyyy', 'dd/mm/yy', 'yyyy-mm-dd', 'dd-mm-yyyy', 'mm/dd/yyyy'] as const;
export type CsvDateFormat = (typeof csvDateFormats)[number];

/** A time after the date (`02/01/2026 10:32`, `2026-01-02T10:32:00`) is allowed and ignored. */
const time = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const datePatterns: Record<CsvDateFormat, RegExp> = {
  'dd/mm/yyyy': new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${time}$`),
  'dd/mm/yy': new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2})${time}$`),
  'yyyy-mm-dd': new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${time}$`),
  'dd-mm-yyyy': new RegExp(String.raw`^(\d{1,2})-(\d{1,2})-(\d{4})${time}$`),
  'mm/dd/yyyy': new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${time}$`),
};

/** Whether a value has the shape of a date in the format (not whether the date exists). */
export function looksLikeDate(text: string, format: CsvDateFormat): boolean {
  return datePatterns[format].test(text.trim());
}

/** The parts of a date-shaped value, day/month/year in the order the format writes them. */
export function dateParts(text: string, format: CsvDateFormat): [number, number, number] | null {
  const match = datePatterns[format].exec(text.trim());
  if (!match) return null;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return [a, b, c];
}

/** `YYYY-MM-DD` for a day that exists, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day a CSV value names in the given format; two-digit years are 2000–2069 and 1970–1999. */
export function csvDay(text: string, format: CsvDateFormat): string | null {
  const parts = dateParts(text, format);
  if (!parts) return null;
  const [a, b, c] = parts;
  switch (format) {
    case 'dd/mm/yyyy':
    case 'dd-mm-yyyy':
      return isoDay(c, b, a);
    case 'dd/mm/yy':
      return isoDay(c < 70 ? 2000 + c : 1900 + c, b, a);
    case 'yyyy-mm-dd':
      return isoDay(a, b, c);
    case 'mm/dd/yyyy':
      return isoDay(c, a, b);
  }
}

/**
 * The calendar day of an OFX date-time (`20261130`, `20261130120000`,
 * `20261130120000.000[-3:BRT]`): the day as written. Banks write their own (Brazilian)
 * day, and many stamp it midnight with a zone that is not theirs, so converting by the zone
 * would move rows to the day before.
 */
export function ofxDay(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,3})?)?)?)?\s*(?:\[[^\]]*\])?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Cents of an OFX amount. OFX 1.0.2 (3.2.9.1) allows `.` or `,` as the decimal mark and no
 * grouping; when one file writes both (`1.234,56`), the last one is the decimal mark.
 */
export function ofxAmountCents(text: string): number | null {
  const value = text.trim();
  return amountCents(value, value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.');
}

/** Text on one line with single spaces, as statements pad it (`PIX ENVIADO   FULANO`). */
export function cleanText(text: string): string {
  return text.replace(/[\p{Cc}\s\u00a0]+/gu, ' ').trim();
}
