import { transcode } from 'node:buffer';
import type { ExportRow } from '../books/export-rows.ts';
import { decimalText } from './decimal.ts';

/**
 * OFX statements, one per account, as OFX 1.0.2 (SGML): the version Brazilian banks'
 * "extrato OFX" downloads use and so the one accountants' tools (and GnuCash's libofx,
 * Quicken, Sage, ERP importers) all read; several importers accept only
 * `OFXHEADER:100`/`VERSION:102`. Every element is closed, which SGML allows (the DTD's end
 * tags are optional, not forbidden) and which makes the body well-formed XML too, for
 * readers that parse it as such. The header declares USASCII/1252, as the banks' files do,
 * and the bytes are Latin-1 (identical to Windows-1252 for every Portuguese letter).
 *
 * Amounts are signed from the user's side (OFX spec 3.2.9.2: debits and card purchases
 * negative), in the account's currency; FITID is Pluggy's transaction id, stable across
 * syncs, so importing an overlapping period again skips what is already there.
 *
 * A statement reconciles with itself (issue 17 item 7): it lists the posted transactions
 * only, and its LEDGERBAL is the balance of posted money (see ledger-balance.ts), so the
 * previous statement's balance plus this one's list is this one's balance, to the cent, as
 * an importer checks it. Banks' own OFX mean the same by LEDGERBAL, the posted (ledger)
 * balance; money still pending is AVAILBAL's business, which Balancete does not write.
 */
export interface OfxAccount {
  id: string;
  /** Pluggy's account type: CREDIT is a card; the rest are bank accounts. */
  type: string;
  subtype: string | null;
  number: string | null;
  currencyCode: string;
  /** Pluggy's id of the institution, standing in for the bank id OFX asks for. */
  connectorId: number;
}

/** LEDGERBAL: the balance of posted money and the bookkeeping day it is at. */
export interface OfxLedger {
  cents: number;
  day: string;
}

export interface OfxPeriod {
  /** Inclusive bookkeeping dates `YYYY-MM-DD`. */
  from: string;
  to: string;
}

export interface OfxWriter {
  readonly head: string;
  transactions(rows: readonly ExportRow[]): string;
  readonly tail: string;
}

const lineEnd = '\r\n';

/**
 * The sign-on's FI/ORG: who wrote the file. Balancete's own import reads it back, to take
 * NAME as the counterparty and MEMO as the description, as they were written.
 */
export const ofxOrganization = 'Balancete';

/** Bookkeeping dates at noon in São Paulo, so that no reader's time zone moves them to another day. */
const ofxDate = (iso: string) => `${iso.replaceAll('-', '')}120000[-3:BRT]`;

/** NAME holds 32 characters and MEMO 255 (OFX 1.0.2, 11.4.2.3); text is one line, with SGML's three special characters escaped. */
function ofxText(text: string, size: number): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, size)
    .trimEnd()
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

const element = (name: string, value: string) => `<${name}>${value}</${name}>${lineEnd}`;

export function ofxWriter(account: OfxAccount, period: OfxPeriod, ledger: OfxLedger, now: Date): OfxWriter {
  const card = account.type === 'CREDIT';
  const status = `<STATUS>${lineEnd}${element('CODE', '0')}${element('SEVERITY', 'INFO')}</STATUS>${lineEnd}`;
  const accountId = ofxText(account.number ?? account.id, 22);
  const from = card
    ? `<CCACCTFROM>${lineEnd}${element('ACCTID', accountId)}</CCACCTFROM>${lineEnd}`
    : `<BANKACCTFROM>${lineEnd}${element('BANKID', String(account.connectorId))}${element('ACCTID', accountId)}${element('ACCTTYPE', account.subtype === 'SAVINGS_ACCOUNT' ? 'SAVINGS' : 'CHECKING')}</BANKACCTFROM>${lineEnd}`;
  const [messages, response, statement] = card
    ? ['CREDITCARDMSGSRSV1', 'CCSTMTTRNRS', 'CCSTMTRS']
    : ['BANKMSGSRSV1', 'STMTTRNRS', 'STMTRS'];
  const server = now
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '[0:GMT]');
  const header = [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:USASCII',
    'CHARSET:1252',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
  ].join(lineEnd);
  return {
    head:
      `${header}${lineEnd}${lineEnd}<OFX>${lineEnd}` +
      `<SIGNONMSGSRSV1>${lineEnd}<SONRS>${lineEnd}${status}${element('DTSERVER', server)}${element('LANGUAGE', 'POR')}<FI>${lineEnd}${element('ORG', ofxOrganization)}</FI>${lineEnd}</SONRS>${lineEnd}</SIGNONMSGSRSV1>${lineEnd}` +
      `<${messages}>${lineEnd}<${response}>${lineEnd}${element('TRNUID', '0')}${status}<${statement}>${lineEnd}` +
      `${element('CURDEF', account.currencyCode)}${from}` +
      `<BANKTRANLIST>${lineEnd}${element('DTSTART', ofxDate(period.from))}${element('DTEND', ofxDate(period.to))}`,
    transactions(rows) {
      let out = '';
      for (const row of rows) {
        out +=
          `<STMTTRN>${lineEnd}` +
          element('TRNTYPE', row.accountAmountCents < 0 ? 'DEBIT' : 'CREDIT') +
          element('DTPOSTED', ofxDate(row.date)) +
          element('TRNAMT', decimalText(row.accountAmountCents, '.')) +
          element('FITID', ofxText(row.id, 255)) +
          element('NAME', ofxText(row.counterparty ?? row.description, 32)) +
          element('MEMO', ofxText(row.description, 255)) +
          `</STMTTRN>${lineEnd}`;
      }
      return out;
    },
    tail:
      `</BANKTRANLIST>${lineEnd}<LEDGERBAL>${lineEnd}${element('BALAMT', decimalText(ledger.cents, '.'))}` +
      `${element('DTASOF', ofxDate(ledger.day))}</LEDGERBAL>${lineEnd}` +
      `</${statement}>${lineEnd}</${response}>${lineEnd}</${messages}>${lineEnd}</OFX>${lineEnd}`,
  };
}

/**
 * The text as the bytes the header declares: Latin-1, which Windows-1252 extends. The few
 * typographic marks 1252 has beyond Latin-1 become their ASCII look-alikes; anything else
 * outside it (emoji, other scripts) becomes `?`.
 */
export function ofxBytes(text: string): Buffer {
  const plain = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replaceAll('\u2026', '...');
  return transcode(Buffer.from(plain), 'utf8', 'latin1');
}
