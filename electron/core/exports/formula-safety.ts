/**
 * Spreadsheets (Excel, LibreOffice Calc, Google Sheets) run a cell that starts with `=`,
 * `+`, `-` or `@` as a formula, also after a leading tab or carriage return; quoting the
 * CSV field does not stop it. OWASP's CSV Injection guidance and ASVS 1.2.10 (which adds
 * NUL) say to prefix such a value with a single quote, which makes the cell text. User
 * text (descriptions, counterparties, notes, tags…) goes through here; amounts and dates
 * never do, so they stay numbers.
 */
const formulaStart = /^[=+\-@\t\r\0]/;

export function formulaSafe(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
