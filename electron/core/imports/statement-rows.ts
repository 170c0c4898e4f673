/**
 * One transaction read from a statement file (OFX or CSV), before anything is decided about
 * it: the import (duplicate checks, rules, applying) works on these. Money is integer cents
 * in the user's sign convention (negative = money out), dates are the calendar day the file
 * gives, `YYYY-MM-DD`.
 */
export interface StatementRow {
  /** 1-based line of the file where the row starts (OFX: the line of its `<STMTTRN>`). */
  line: number;
  date: string;
  amountCents: number;
  /** What to show: never empty when the file has any text for the row. */
  description: string;
  counterparty?: string;
  /** OFX FITID: the bank's id of the transaction, the key for "already imported". */
  fitId?: string;
  checkNumber?: string;
  /** OFX TRNTYPE (DEBIT, CREDIT, PAYMENT, XFER…). */
  type?: string;
  /** OFX NAME as written (often a short code or the kind of transaction in Brazilian banks' files). */
  name?: string;
  /** OFX MEMO as written, or a CSV's detail column / continuation lines. */
  memo?: string;
}
