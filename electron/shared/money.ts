/**
 * Money is integer cents everywhere inside Balancete. These helpers are the only places
 * that cross between cents and decimal numbers or text.
 */

/**
 * Converts a decimal amount as Pluggy sends it (a JSON number such as 1234.56) to cents.
 * Multiplying by 100 can land just below the intended value (1.005 * 100 = 100.49999…),
 * so the product is first rounded to 15 significant digits, which is exact for any
 * amount with at most two decimals below 10^13. Halves round away from zero, so a
 * refund and its charge always come out as the same number of cents.
 */
export function toCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`Not a finite amount: ${amount}`);
  const scaled = Number((amount * 100).toPrecision(15));
  const cents = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return cents === 0 ? 0 : cents; // never -0
}

/** A cents value as a plain decimal number, for number cells in spreadsheets. */
export function fromCents(cents: number): number {
  return cents / 100;
}
