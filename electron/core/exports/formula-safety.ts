/**
 * Spreadsheets (Excel, LibreOffice Calc, Google Sheets) run a cell that starts with `=`,
 * `+`, `-` or `@` as a formula, also after a leading tab or carriage return; quoting the
 * CSV field does not stop it. OWASP's CSV Injection guidance and ASVS 1.2.10 (which adds
 * NUL) say to prefix such a value with a single quote, which makes the cell text. An
 * import that trims spaces (LibreOffice's "Trim spaces") would reach a sign behind
 * leading blanks, and some turn fullwidth signs (＝＋－＠) into ASCII ones: those count
 * too. User text (descriptions, counterparties, notes, tags…) goes through here; amounts
 * and dates never do, so they stay numbers.
 */
const formulaStart = /^[\t\r\n\0]|^[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

export function formulaSafe(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
