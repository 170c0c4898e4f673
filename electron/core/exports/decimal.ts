/**
 * Cents as a decimal numeral with two places, from integers alone (dividing by 100 would
 * print 0.1 + 0.2 style digits for some values): `-123456` → `-1234.56` or `-1234,56`.
 * No digit grouping: spreadsheets and OFX readers take the numeral as a number.
 */
export function decimalText(cents: number, point: '.' | ','): string {
  const size = Math.abs(cents);
  const fraction = size % 100;
  return `${cents < 0 ? '-' : ''}${(size - fraction) / 100}${point}${fraction < 10 ? '0' : ''}${fraction}`;
}
