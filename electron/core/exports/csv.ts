import type { CsvDialect } from '../../shared/exports.ts';
import type { ExportRow } from '../books/export-rows.ts';
import { decimalText } from './decimal.ts';
import { formulaSafe } from './formula-safety.ts';
import { type TransactionWords, transactionWords } from './transaction-words.ts';

/**
 * The two CSV dialects. pt-BR is what Excel and LibreOffice in a Brazilian locale open with
 * a double click: `;` between fields (the comma is the decimal point there), dd/mm/yyyy,
 * and a UTF-8 byte order mark, without which Excel reads the accents as Windows-1252.
 * en is the RFC 4180 default: `,`, decimal point, ISO 8601 dates. Both end lines with CRLF,
 * as RFC 4180 asks. Words the file spells out (headers, status, usage, yes/no) come in the
 * dialect's language, as do category names.
 */
interface Dialect extends TransactionWords {
  separator: string;
  point: '.' | ',';
  bom: string;
  date: (iso: string) => string;
}

const dialects: Record<CsvDialect, Dialect> = {
  'pt-BR': {
    ...transactionWords['pt-BR'],
    separator: ';',
    point: ',',
    bom: '\uFEFF',
    date: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
  },
  en: {
    ...transactionWords.en,
    separator: ',',
    point: '.',
    bom: '',
    date: (iso) => iso,
  },
};

const lineEnd = '\r\n';

export interface CsvWriter {
  /** The byte order mark (pt-BR) and the header line. */
  readonly head: string;
  /** The rows' lines, each ending in CRLF. */
  lines(rows: readonly ExportRow[]): string;
}

/**
 * Writes transactions as CSV lines. The account is its bank (Banco) and its unique display
 * name (Conta: account-names.ts), as the screens name it. The amount is in the account's
 * currency, with that currency's code: what the account's balance and the screen's totals
 * count (a USD subscription on a BRL card is its reais). User text is neutralised against formula
 * injection (formula-safety.ts), then quoted where it holds a separator, a quote or a
 * line break.
 */
export function csvWriter(dialect: CsvDialect, categoryName: (id: string) => string | undefined): CsvWriter {
  const words = dialects[dialect];
  const { separator } = words;
  const needsQuotes = new RegExp(`[${separator}"\\r\\n]`);
  const text = (value: string | null): string => {
    if (value === null || value === '') return '';
    const safe = formulaSafe(value);
    return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  // Dates, banks, accounts, categories and currencies are a few values over many rows: each
  // is written once and then looked up: a quarter less formatting time for 100k rows.
  const date = remembered(words.date);
  const few = remembered(text);
  const category = remembered((id: string) => text(categoryName(id) ?? id));
  return {
    head: words.bom + words.header.join(separator) + lineEnd,
    lines(rows) {
      let out = '';
      for (const row of rows) {
        out +=
          date(row.date) +
          separator +
          text(row.description) +
          separator +
          text(row.counterparty) +
          separator +
          few(row.institution) +
          separator +
          few(row.accountName) +
          separator +
          (row.categoryId === null ? '' : category(row.categoryId)) +
          separator +
          decimalText(row.accountAmountCents, words.point) +
          separator +
          few(row.accountCurrencyCode) +
          separator +
          (row.pending ? words.pending : words.posted) +
          separator +
          (row.usage === null ? '' : words[row.usage]) +
          separator +
          (row.deductible === null ? '' : row.deductible ? words.yes : words.no) +
          separator +
          text(row.tags.join(', ')) +
          separator +
          text(row.notes) +
          separator +
          text(row.id) +
          separator +
          (row.part ? words.part(row.part.number, row.part.of) : '') +
          lineEnd;
      }
      return out;
    },
  };
}

/** `write`, remembering what it gave for each value. */
function remembered(write: (value: string) => string): (value: string) => string {
  const written = new Map<string, string>();
  return (value) => {
    let out = written.get(value);
    if (out === undefined) {
      out = write(value);
      written.set(value, out);
    }
    return out;
  };
}
