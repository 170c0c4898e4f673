import { StatementError } from './statement-errors.ts';
import { child, descendants, type OfxNode, ofxTree } from './statement-ofx-tree.ts';
import type { StatementRow } from './statement-rows.ts';
import { decodeStatement } from './statement-text.ts';
import { cleanText, ofxAmountCents, ofxDay } from './statement-values.ts';

/**
 * Bank and credit-card statements from OFX files: OFX 1.0.x (SGML, as Brazilian banks'
 * "extrato OFX" comes: header lines, then `<OFX>` with unclosed leaf elements) and OFX 2.x
 * (XML). The bytes are decoded by statement-text.ts, the body read into a tree by
 * statement-ofx-tree.ts (which says why no OFX package is used); this module only picks the
 * statement out of the tree.
 *
 * - A file may hold several statements (several accounts, or a bank account and a card):
 *   `parseOfx` always returns a list, one entry per STMTRS / CCSTMTRS, in file order. A file
 *   with none (investments only, an error response) is STATEMENT_UNSUPPORTED.
 * - Amounts keep the file's sign, which OFX defines from the customer's side (debits and card
 *   purchases negative), as Balancete's own sign convention does. `.` or `,` may be the
 *   decimal mark (OFX 1.0.2 3.2.9.1; some Brazilian banks write `-12,50`).
 * - Dates are the calendar day written in the file (see ofxDay). A transaction without
 *   DTPOSTED takes DTUSER.
 * - The description is NAME and MEMO combined (see describe); both stay on the row as `name`
 *   and `memo`. PAYEE's NAME, when the bank sends that aggregate, is the counterparty.
 *   CHECKNUM made only of zeros (a placeholder several banks write) is left out.
 * - Any unreadable date or amount throws StatementError with the line of the element, so a
 *   broken file is refused whole, never half read.
 */
export interface OfxAccount {
  bankId?: string;
  branchId?: string;
  accountId?: string;
  /** ACCTTYPE: CHECKING, SAVINGS, MONEYMRKT, CREDITLINE; absent for a card. */
  type?: string;
}

export interface OfxStatement {
  kind: 'bank' | 'creditCard';
  /** The sign-on's FI/ORG: who wrote the file, when it says (a bank's code, or 'Balancete'). */
  organization?: string;
  /** CURDEF, an ISO 4217 code; BRL when the file leaves it out. */
  currency: string;
  account: OfxAccount;
  /** BANKTRANLIST's DTSTART / DTEND, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** LEDGERBAL: the booked balance at the end of the statement, and its day. */
  ledgerBalance?: { amountCents: number; date: string };
  transactions: StatementRow[];
}

function text(node: OfxNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const value = cleanText(node.value ?? '');
  return value === '' ? undefined : value;
}

function day(node: OfxNode): string {
  const value = text(node) ?? '';
  const parsed = ofxDay(value);
  if (parsed === null) {
    throw new StatementError('STATEMENT_BAD_DATE', `<${node.name}> '${value}' is not a date`, {
      line: node.line,
      value,
    });
  }
  return parsed;
}

function cents(node: OfxNode): number {
  const value = text(node) ?? '';
  const parsed = ofxAmountCents(value);
  if (parsed === null) {
    throw new StatementError('STATEMENT_BAD_AMOUNT', `<${node.name}> '${value}' is not an amount`, {
      line: node.line,
      value,
    });
  }
  return parsed;
}

const comparable = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * What to show for a transaction with NAME and MEMO. Brazilian banks use them differently:
 * Itaú, Bradesco, Santander and Nubank write everything in MEMO; Banco do Brasil and Inter
 * write the kind in NAME ("Pix - Enviado") and the details in MEMO ("03/11 10:15 Fulano");
 * some write a code in NAME. So: the one there is; the longer when one holds the other
 * (accents, case and punctuation aside; a NAME cut at 32 characters is inside its MEMO);
 * otherwise "NAME - MEMO".
 */
export function describe(name: string | undefined, memo: string | undefined): string {
  if (!name) return memo ?? '';
  if (!memo) return name;
  const [a, b] = [comparable(name), comparable(memo)];
  if (b.includes(a)) return memo;
  if (a.includes(b)) return name;
  return `${name} - ${memo}`;
}

function transaction(node: OfxNode): StatementRow {
  const posted = child(node, 'DTPOSTED') ?? child(node, 'DTUSER');
  if (!posted) {
    throw new StatementError('STATEMENT_BAD_DATE', 'The transaction has no date (<DTPOSTED>)', { line: node.line });
  }
  const amount = child(node, 'TRNAMT');
  if (!amount) {
    throw new StatementError('STATEMENT_BAD_AMOUNT', 'The transaction has no amount (<TRNAMT>)', { line: node.line });
  }
  const name = text(child(node, 'NAME'));
  const memo = text(child(node, 'MEMO'));
  const row: StatementRow = {
    line: node.line,
    date: day(posted),
    amountCents: cents(amount),
    description: describe(name, memo),
  };
  const type = text(child(node, 'TRNTYPE'));
  if (row.description === '' && type) row.description = type;
  const fitId = text(child(node, 'FITID'));
  const checkNumber = text(child(node, 'CHECKNUM'));
  const counterparty = text(child(child(node, 'PAYEE'), 'NAME'));
  if (counterparty) row.counterparty = counterparty;
  if (fitId) row.fitId = fitId;
  if (checkNumber && !/^0+$/.test(checkNumber)) row.checkNumber = checkNumber;
  if (type) row.type = type;
  if (name) row.name = name;
  if (memo) row.memo = memo;
  return row;
}

function statement(node: OfxNode): OfxStatement {
  const card = node.name === 'CCSTMTRS';
  const from = child(node, card ? 'CCACCTFROM' : 'BANKACCTFROM');
  const account: OfxAccount = {};
  const fields = [
    ['bankId', 'BANKID'],
    ['branchId', 'BRANCHID'],
    ['accountId', 'ACCTID'],
    ['type', 'ACCTTYPE'],
  ] as const;
  for (const [key, element] of fields) {
    const value = text(child(from, element));
    if (value) account[key] = value;
  }
  const list = child(node, 'BANKTRANLIST');
  const result: OfxStatement = {
    kind: card ? 'creditCard' : 'bank',
    currency: text(child(node, 'CURDEF'))?.toUpperCase() ?? 'BRL',
    account,
    transactions: (list?.children ?? []).filter((each) => each.name === 'STMTTRN').map(transaction),
  };
  const start = child(list, 'DTSTART');
  const end = child(list, 'DTEND');
  if (start && text(start)) result.from = day(start);
  if (end && text(end)) result.to = day(end);
  const ledger = child(node, 'LEDGERBAL');
  const balance = child(ledger, 'BALAMT');
  const asOf = child(ledger, 'DTASOF');
  if (balance && asOf && text(balance) && text(asOf)) {
    result.ledgerBalance = { amountCents: cents(balance), date: day(asOf) };
  }
  return result;
}

/** Where `<OFX>` starts, after checking the text is an OFX file at all. */
function ofxStart(text: string): number {
  if (text.trim() === '') throw new StatementError('STATEMENT_EMPTY', 'The file is empty');
  const start = /<OFX\s*>/i.exec(text);
  if (!start) {
    const html = /^\s*(<!DOCTYPE\s+html|<html[\s>]|<head[\s>])/i.test(text) || /<html[\s>]/i.test(text.slice(0, 4096));
    throw new StatementError(
      'STATEMENT_NOT_OFX',
      html
        ? 'The file is a web page (HTML), not an OFX statement: the bank may have sent an error or login page'
        : 'The file is not an OFX statement (no <OFX> element)',
    );
  }
  return start.index;
}

/** Who wrote the file, as its sign-on's FI/ORG says. */
function organizationOf(ofx: OfxNode): string | undefined {
  return text(child(child(child(child(ofx, 'SIGNONMSGSRSV1'), 'SONRS'), 'FI'), 'ORG'));
}

/** The statements of an OFX file's text (already decoded). */
export function parseOfxText(text: string): OfxStatement[] {
  const ofx = ofxTree(text, ofxStart(text));
  const statements = [...descendants(ofx, 'STMTRS'), ...descendants(ofx, 'CCSTMTRS')].sort((a, b) => a.line - b.line);
  if (statements.length === 0) {
    throw new StatementError('STATEMENT_UNSUPPORTED', 'The OFX file holds no bank or credit-card statement');
  }
  const organization = organizationOf(ofx);
  return statements.map((node) => ({ ...(organization ? { organization } : {}), ...statement(node) }));
}

/** The statements of an OFX file (1.x SGML or 2.x XML), one per account it holds, in file order. */
export function parseOfx(bytes: Uint8Array): OfxStatement[] {
  if (bytes.length === 0) throw new StatementError('STATEMENT_EMPTY', 'The file is empty');
  return parseOfxText(decodeStatement(bytes).text);
}
