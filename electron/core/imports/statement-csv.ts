import { parse } from 'csv-parse/sync';
import { StatementError } from './statement-errors.ts';
import type { StatementRow } from './statement-rows.ts';
import {
  amountCents,
  type CsvDateFormat,
  cleanText,
  csvDay,
  dateParts,
  type DecimalMark,
  looksLikeDate,
} from './statement-values.ts';

/**
 * Bank statements exported as CSV: `sniffCsv` proposes how to read a file (separator,
 * header, date format, decimal mark, which column is what), the user may change it in the
 * preview (`sampleCsv` shows the first rows as the reading in force splits them), and
 * `parseCsv` reads every row with those options.
 *
 * Records come from `csv-parse` (adaltas/node-csv, the most used CSV parser for Node, kept
 * up to date; already used by this project's tests): quoting, quoted line breaks and
 * inconsistent column counts are its business. It is told to relax stray quotes
 * (`Pagamento "online"` unquoted, as bank exports write), and records keep their 1-based
 * line in the file for error messages. This module only adds what banks' exports need:
 *
 * - pt-BR defaults when the file gives no evidence: `;`, decimal comma, dd/mm/yyyy;
 *   mm/dd/yyyy is proposed only when some date cannot be day-first (a 13th month);
 * - a preamble before the table (Bradesco, Santander: "Agência: 1234 Conta: 12345-6")
 *   is left out: the table starts at `firstLine`;
 * - lines that are not transactions are skipped, namely:
 *   empty lines (or all cells empty); the header again; balance lines — a description
 *   "SALDO ANTERIOR", "SALDO DO DIA", "SALDO INICIAL/FINAL/ATUAL/TOTAL/DISPONÍVEL/
 *   BLOQUEADO/PARCIAL/EM CONTA/DO PERÍODO", "SALDO" or "S A L D O" (BB, Itaú), dated or
 *   not; totals — "TOTAL…", "SUBTOTAL…", "SOMA…" on a row without a date (a dated one
 *   may be a real purchase, "TOTALPASS"); and text lines without a date and without an
 *   amount (section titles such as "Últimos lançamentos", footers);
 * - a line with no date and no amount but a description, right after a transaction, is
 *   that transaction's detail (Bradesco writes "REM: FULANO" on the line below): it is
 *   added to its description and memo;
 * - debit/credit columns: a debit is money out whether written `100,00` or `-100,00`, a
 *   credit money in; a row with both is their difference;
 * - `invertAmounts` turns every sign, for card exports that list purchases as positive
 *   (Nubank's card CSV, `date,title,amount`, which sniffCsv recognises).
 *
 * Any other row without a readable date or amount throws StatementError naming its line.
 */
export type CsvSeparator = ';' | ',' | '\t' | '|';
export const csvSeparators: readonly CsvSeparator[] = [';', ',', '\t', '|'];

/** 0-based column indexes. Either `amount`, or `debit` and/or `credit`. */
export interface CsvMapping {
  date: number;
  description: number;
  amount?: number;
  debit?: number;
  credit?: number;
  counterparty?: number;
  /** A detail column (BB's "Detalhes"): kept as the row's memo and added to its description. */
  memo?: number;
}

export interface CsvOptions {
  separator: CsvSeparator;
  /** Whether the table's first row (see firstLine) names the columns. */
  hasHeader: boolean;
  dateFormat: CsvDateFormat;
  decimalMark: DecimalMark;
  mapping: CsvMapping;
  /** 1-based line where the table (its header, or its first row) starts; lines before it are a preamble. Default: the first non-empty line. */
  firstLine?: number;
  /** Turn every amount's sign (card exports that list purchases as positive). */
  invertAmounts?: boolean;
}

/** A table's first rows as a reading splits them: what the preview shows above the mapping. */
export interface CsvSample {
  /** The header row's cells, or null. */
  header: string[] | null;
  /** The first rows after the header, as cells. */
  preview: string[][];
  /** The 1-based line of each preview row. */
  previewLines: number[];
  /** Columns of the table (the most common number of cells in a row, or the header's if wider). */
  columnCount: number;
}

export interface CsvSniff extends CsvOptions, CsvSample {
  firstLine: number;
  invertAmounts: boolean;
  /** What the file gave no evidence for, so the pt-BR default was taken. */
  defaulted: ('separator' | 'dateFormat' | 'decimalMark' | 'mapping')[];
}

interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

const previewSize = 20;
/** Lines looked at to guess the options. */
const sniffLines = 400;

/** The records of the text with their lines; `toLine` stops early (for sniffing). */
function readRecords(text: string, separator: CsvSeparator, toLine?: number): CsvRecord[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // `info: true` gives each record with the line it ends on; the typings do not follow the option.
    rows = parse(normalized, {
      delimiter: separator,
      record_delimiter: '\n',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      ltrim: true,
      rtrim: true,
      info: true,
      ...(toLine === undefined ? {} : { to_line: toLine }),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { lines, message } = error as { lines?: unknown; message?: unknown };
    throw new StatementError(
      'STATEMENT_UNREADABLE',
      `The CSV cannot be read: ${typeof message === 'string' ? message : String(error)}`,
      typeof lines === 'number' ? { line: lines } : {},
    );
  }
  const records: CsvRecord[] = [];
  let previousEnd = 0;
  for (const { record, info } of rows) {
    records.push({ cells: record.map((cell) => cell.trim()), line: previousEnd + 1 });
    previousEnd = info.lines;
  }
  return records;
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell === '');

/** Upper case without accents and punctuation, single spaces: how labels are compared. */
function plain(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const balanceLine =
  /^(S A L D O|SALDO|SALDO (ANTERIOR|DO DIA|DIA|INICIAL|FINAL|ATUAL|TOTAL|DISPONIVEL|BLOQUEADO|PARCIAL|LIQUIDO|EM CONTA|EM C C|DO PERIODO|CONTA CORRENTE)\b.*)$/;
const totalLine = /^(TOTAL|SUBTOTAL|SOMA)\b/;

const anyDateFormat: readonly CsvDateFormat[] = ['dd/mm/yyyy', 'dd/mm/yy', 'yyyy-mm-dd', 'dd-mm-yyyy'];
const looksLikeAnyDate = (cell: string) => anyDateFormat.some((format) => looksLikeDate(cell, format));
/** Shaped like a date (digits and separators) even if it is not one: `32/13/2026`, `2026-1-2`. */
const dateShaped = (cell: string) => /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.test(cell);
/** A written amount: digits with at most separators, sign, currency, D/C. */
const amountShaped = (cell: string) =>
  /^[-+\u2212(]?\s*(R\$|US\$)?\s*[-+\u2212]?\s*\d[\d.,' \u00a0]*\)?\s*[-+\u2212DC]?$/i.test(cell) && !dateShaped(cell);
/** An amount with cents: what tells an amount column from a document-number column. */
const hasCents = (cell: string) => amountShaped(cell) && /\d[.,]\d{1,2}\)?\s*[-+\u2212DC]?$/i.test(cell);

/**
 * The sample of a table (its non-blank records from its first line on): the header if it
 * has one, the first rows after it, and how many columns it has, counting `columns` (the
 * most common width) and the header's or first row's width.
 */
function tableSample(table: readonly CsvRecord[], hasHeader: boolean, columns: number): CsvSample {
  const first = table[0]?.cells ?? [];
  const rows = (hasHeader ? table.slice(1) : table).slice(0, previewSize);
  return {
    header: hasHeader && table.length > 0 ? first : null,
    preview: rows.map((record) => record.cells),
    previewLines: rows.map((record) => record.line),
    columnCount: Math.max(columns, first.length),
  };
}

/**
 * The file's first rows split as `reading` says (its separator, first line and header),
 * not as sniffCsv would: what the preview shows while the user changes the reading. Reads
 * only the lines it shows (and `sniffLines` more to count the columns).
 */
export function sampleCsv(text: string, reading: Pick<CsvOptions, 'separator' | 'hasHeader' | 'firstLine'>): CsvSample {
  const firstLine = reading.firstLine ?? 1;
  const table = readRecords(text, reading.separator, firstLine + sniffLines).filter(
    (record) => record.line >= firstLine && !isBlank(record),
  );
  return tableSample(table, reading.hasHeader, modeOf(table.map((record) => record.cells.length)));
}

// ---------------------------------------------------------------------------------------
// Sniffing

interface Candidate {
  separator: CsvSeparator;
  records: CsvRecord[];
  columns: number;
  score: number;
}

function modeOf(counts: number[]): number {
  const seen = new Map<number, number>();
  for (const count of counts) if (count > 1) seen.set(count, (seen.get(count) ?? 0) + 1);
  let best = 0;
  let bestSeen = 0;
  for (const [count, times] of seen) {
    if (times > bestSeen || (times === bestSeen && count > best)) [best, bestSeen] = [count, times];
  }
  return best;
}

function candidate(text: string, separator: CsvSeparator): Candidate {
  let records: CsvRecord[];
  try {
    records = readRecords(text, separator, sniffLines).filter((record) => !isBlank(record));
  } catch {
    return { separator, records: [], columns: 0, score: -1 };
  }
  const columns = modeOf(records.map((record) => record.cells.length));
  if (columns < 2) return { separator, records, columns, score: 0 };
  const regular = records.filter((record) => record.cells.length === columns);
  const share = regular.length / records.length;
  // A separator that leaves a column of dates is the right one: `02/01/2026;PIX, FULANO` split at the comma has none.
  const dated = Array.from({ length: columns }, (_, column) => column).some(
    (column) => regular.filter((record) => looksLikeAnyDate(record.cells[column] ?? '')).length >= regular.length / 2,
  );
  return { separator, records, columns, score: share + (dated ? 1 : 0) };
}

function dateFormatOf(values: string[]): { format: CsvDateFormat; evidence: boolean } {
  const votes = new Map<CsvDateFormat, number>();
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const format = anyDateFormat.find((each) => looksLikeDate(value, each));
    if (!format) continue;
    votes.set(format, (votes.get(format) ?? 0) + 1);
    if (format === 'dd/mm/yyyy') {
      const [a, b] = dateParts(value, format) ?? [0, 0];
      if (a > 12) dayFirst = true;
      if (b > 12) monthFirst = true;
    }
  }
  let format: CsvDateFormat = 'dd/mm/yyyy';
  let most = 0;
  for (const [each, times] of votes) {
    if (times > most) [format, most] = [each, times];
  }
  if (format === 'dd/mm/yyyy' && monthFirst && !dayFirst) format = 'mm/dd/yyyy';
  return { format, evidence: most > 0 };
}

function decimalMarkOf(values: string[]): { mark: DecimalMark; evidence: boolean } {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const value = raw.replace(/[\s\u00a0)DC-]+$/i, '');
    if (/\d,\d{1,2}$/.test(value) || /^\D*\d{1,3}(\.\d{3})+$/.test(value)) comma += 1;
    else if (/\d\.\d{1,2}$/.test(value) || /^\D*\d{1,3}(,\d{3})+$/.test(value)) dot += 1;
  }
  return { mark: dot > comma ? '.' : ',', evidence: comma + dot > 0 };
}

type Field = keyof CsvMapping;

/** Header names (as `plain` writes them) per field, best first. */
const headerNames: Record<Field, string[]> = {
  date: [
    'DATA',
    'DATE',
    'DATA LANCAMENTO',
    'DATA DE LANCAMENTO',
    'DATA DO LANCAMENTO',
    'DATA MOVIMENTO',
    'DATA MOV',
    'DATA DA TRANSACAO',
    'DATA TRANSACAO',
    'DATA DA OPERACAO',
    'DT',
    'DT LANCAMENTO',
    'TRANSACTION DATE',
    'POSTED DATE',
    'POSTING DATE',
  ],
  description: [
    'DESCRICAO',
    'HISTORICO',
    'LANCAMENTO',
    'LANCAMENTOS',
    'DESCRICAO DO LANCAMENTO',
    'HISTORICO DO LANCAMENTO',
    'TITLE',
    'DESCRIPTION',
    'TRANSACAO',
    'TRANSACTION',
    'ESTABELECIMENTO',
    'PAYEE',
    'NOME',
    'NAME',
  ],
  amount: [
    'VALOR',
    'AMOUNT',
    'VALUE',
    'QUANTIA',
    'MONTANTE',
    'VALOR EM R',
    'VALOR RS',
    'VALOR BRL',
    'VALOR DO LANCAMENTO',
    'VALOR LANCAMENTO',
    'VALOR DA TRANSACAO',
  ],
  debit: [
    'DEBITO',
    'DEBITOS',
    'DEBIT',
    'DEBITS',
    'SAIDA',
    'SAIDAS',
    'VALOR DEBITO',
    'WITHDRAWAL',
    'WITHDRAWALS',
    'MONEY OUT',
  ],
  credit: [
    'CREDITO',
    'CREDITOS',
    'CREDIT',
    'CREDITS',
    'ENTRADA',
    'ENTRADAS',
    'VALOR CREDITO',
    'DEPOSIT',
    'DEPOSITS',
    'MONEY IN',
  ],
  counterparty: [
    'FAVORECIDO',
    'BENEFICIARIO',
    'PAGADOR',
    'REMETENTE',
    'DESTINATARIO',
    'CONTRAPARTE',
    'COUNTERPARTY',
    'PAYEE',
    'NOME',
    'NAME',
  ],
  memo: ['DETALHES', 'DETALHE', 'COMPLEMENTO', 'OBSERVACAO', 'OBSERVACOES', 'MEMO', 'NOTES', 'NOTE', 'DETAILS'],
};

/** A header label as compared with headerNames: without "(R$)" and the like. */
const headerKey = (label: string) =>
  plain(label.replace(/\((R\$|US\$|\$|BRL)\)|R\$/gi, ' '))
    .replace(/\bR S\b|\bRS\b/g, '')
    .trim();
/** Balance columns are never the amount, whatever else their name says. */
const isBalanceHeader = (key: string) => /\b(SALDO|SALDOS|BALANCE)\b/.test(key);

function mapFromHeader(header: string[]): Partial<CsvMapping> {
  const keys = header.map(headerKey);
  const mapping: Partial<CsvMapping> = {};
  const taken = new Set<number>();
  const order: Field[] = ['date', 'amount', 'debit', 'credit', 'description', 'memo', 'counterparty'];
  for (const field of order) {
    for (const name of headerNames[field]) {
      const column = keys.findIndex((key, index) => key === name && !taken.has(index) && !isBalanceHeader(key));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  // Looser names: "Data do Lançamento Efetivo", "Valor Líquido" (never "Data do Balancete" nor a balance).
  const loose: [Field, RegExp][] = [
    ['date', /^(DATA|DATE)\b(?!.*\b(BALANCETE|VENCIMENTO)\b)/],
    ['amount', /^(VALOR|AMOUNT)\b/],
  ];
  for (const [field, pattern] of loose) {
    if (mapping[field] !== undefined) continue;
    if (field === 'amount' && (mapping.debit !== undefined || mapping.credit !== undefined)) continue;
    const column = keys.findIndex((key, index) => pattern.test(key) && !taken.has(index) && !isBalanceHeader(key));
    if (column >= 0) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/**
 * Proposes how to read a CSV statement. Never throws for an odd file: what it cannot tell
 * it leaves at the pt-BR default and lists in `defaulted`, and the preview shows the user
 * what that gives.
 */
export function sniffCsv(text: string): CsvSniff {
  const defaulted: CsvSniff['defaulted'] = [];
  const candidates = csvSeparators.map((separator) => candidate(text, separator));
  let best = candidates[0] ?? { separator: ';', records: [], columns: 0, score: 0 };
  for (const each of candidates) if (each.score > best.score) best = each;
  if (best.score <= 0) defaulted.push('separator');
  const { separator, records, columns } = best;

  // The table starts at the first row about as wide as the table (not the preamble).
  const start = records.findIndex((record) => record.cells.length >= Math.max(2, columns - 1));
  const table = start < 0 ? records : records.slice(start);
  const firstLine = table[0]?.line ?? 1;
  const first = table[0]?.cells ?? [];
  const hasHeader =
    table.length > 1 &&
    first.some((cell) => /\p{L}/u.test(cell)) &&
    !first.some((cell) => looksLikeAnyDate(cell) || hasCents(cell));
  const sample = tableSample(table, hasHeader, columns);
  const { header } = sample;
  const rows = hasHeader ? table.slice(1) : table;
  const width = sample.columnCount;
  const column = (index: number) => rows.map((record) => record.cells[index] ?? '');

  const mapping: Partial<CsvMapping> = header ? mapFromHeader(header) : {};
  const balanceColumns = new Set(
    header ? header.map((label, index) => (isBalanceHeader(headerKey(label)) ? index : -1)).filter((i) => i >= 0) : [],
  );
  const used = () => new Set(Object.values(mapping));

  if (mapping.date === undefined) {
    let bestShare = 0;
    for (let index = 0; index < width; index += 1) {
      const share = column(index).filter(looksLikeAnyDate).length / Math.max(1, rows.length);
      if (share > bestShare) [mapping.date, bestShare] = [index, share];
    }
  }
  if (mapping.amount === undefined && mapping.debit === undefined && mapping.credit === undefined) {
    // The leftmost column of amounts with cents: the balance, when there is one, comes after the amount.
    for (let index = 0; index < width; index += 1) {
      if (used().has(index) || balanceColumns.has(index)) continue;
      const filled = column(index).filter((cell) => cell !== '');
      if (filled.length > 0 && filled.filter(hasCents).length >= filled.length * 0.6) {
        mapping.amount = index;
        break;
      }
    }
  }
  if (mapping.description === undefined) {
    let bestLength = 0;
    for (let index = 0; index < width; index += 1) {
      if (used().has(index) || balanceColumns.has(index)) continue;
      const cells = column(index);
      const letters = cells.filter((cell) => /\p{L}/u.test(cell) && !looksLikeAnyDate(cell));
      const length = letters.reduce((sum, cell) => sum + cell.length, 0);
      if (letters.length >= cells.length * 0.5 && length > bestLength)
        [mapping.description, bestLength] = [index, length];
    }
  }
  const complete =
    mapping.date !== undefined &&
    mapping.description !== undefined &&
    (mapping.amount !== undefined || mapping.debit !== undefined || mapping.credit !== undefined);
  if (!complete) defaulted.push('mapping');
  const finalMapping: CsvMapping = {
    ...mapping,
    date: mapping.date ?? 0,
    description: mapping.description ?? (mapping.date === 1 ? 0 : 1),
  };
  if (!complete && finalMapping.amount === undefined && finalMapping.debit === undefined) {
    // A guess for the user to correct in the preview; never a balance column.
    const guess = Array.from({ length: width }, (_, index) => index).find(
      (index) => index !== finalMapping.date && index !== finalMapping.description && !balanceColumns.has(index),
    );
    if (guess !== undefined) finalMapping.amount = guess;
  }

  const dated = dateFormatOf(column(finalMapping.date).slice(0, 1000));
  if (!dated.evidence) defaulted.push('dateFormat');
  const moneyColumns = [finalMapping.amount, finalMapping.debit, finalMapping.credit].filter(
    (index): index is number => index !== undefined,
  );
  const decimal = decimalMarkOf(moneyColumns.flatMap((index) => column(index).slice(0, 1000)));
  if (!decimal.evidence) defaulted.push('decimalMark');

  // Nubank's card export: `date,title,amount`, purchases positive.
  const invertAmounts = header !== null && header.map(plain).join(',') === 'DATE,TITLE,AMOUNT';
  return {
    separator,
    hasHeader,
    dateFormat: dated.format,
    decimalMark: decimal.mark,
    mapping: finalMapping,
    firstLine,
    invertAmounts,
    ...sample,
    defaulted,
  };
}

// ---------------------------------------------------------------------------------------
// Parsing

function checkMapping(mapping: CsvMapping): void {
  const bad = (what: string) => new StatementError('STATEMENT_MISSING_COLUMN', what);
  const indexes = Object.entries(mapping).filter(([, value]) => value !== undefined) as [string, number][];
  for (const [field, index] of indexes) {
    if (!Number.isInteger(index) || index < 0) throw bad(`The ${field} column (${String(index)}) is not a column`);
  }
  if (mapping.amount === undefined && mapping.debit === undefined && mapping.credit === undefined) {
    throw bad('No column is mapped to the amount (or to debit and credit)');
  }
}

/** The rows of a CSV statement read with the given options (from sniffCsv, as the user left them). */
export function parseCsv(text: string, options: CsvOptions): StatementRow[] {
  const { mapping, dateFormat, decimalMark } = options;
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new StatementError('STATEMENT_EMPTY', 'The file is empty');
  checkMapping(mapping);
  const all = readRecords(text, options.separator);
  let start = all.findIndex((record) => record.line >= (options.firstLine ?? 1) && !isBlank(record));
  if (start < 0) throw new StatementError('STATEMENT_EMPTY', 'The file has no rows');
  const header = options.hasHeader ? all[start]?.cells.map(plain).join('\u0000') : undefined;
  if (options.hasHeader) start += 1;
  const records = all.slice(start);

  const width = records.reduce((most, record) => Math.max(most, record.cells.length), 0);
  for (const [field, index] of Object.entries(mapping) as [string, number | undefined][]) {
    if (index !== undefined && index >= width && records.length > 0) {
      throw new StatementError(
        'STATEMENT_MISSING_COLUMN',
        `The ${field} column (${String(index + 1)}) is not in the file, whose rows have ${String(width)} columns: is the separator right?`,
      );
    }
  }

  const cell = (record: CsvRecord, index: number | undefined) =>
    index === undefined ? '' : cleanText(record.cells[index] ?? '');
  const money = (record: CsvRecord, index: number | undefined): number | null => {
    const value = cell(record, index);
    if (value === '') return null;
    const cents = amountCents(value, decimalMark);
    if (cents === null) {
      throw new StatementError('STATEMENT_BAD_AMOUNT', `'${value}' is not an amount`, { line: record.line, value });
    }
    return cents;
  };

  const rows: StatementRow[] = [];
  let previous: StatementRow | null = null;
  for (const record of records) {
    if (isBlank(record)) continue;
    const dateText = cell(record, mapping.date);
    const description = cell(record, mapping.description);
    // Labels compared without accents and case: only for rows that could be a header, balance or total.
    const texts = () => record.cells.map(plain).filter((value) => value !== '');
    const dated = csvDay(dateText, dateFormat);
    if (header !== undefined && dated === null && record.cells.map(plain).join('\u0000') === header) continue;
    if (
      /^\s*S/i.test(description)
        ? balanceLine.test(plain(description))
        : description === '' && balanceLine.test(texts()[0] ?? '')
    ) {
      previous = null;
      continue;
    }
    const moneyCells = [mapping.amount, mapping.debit, mapping.credit].map((index) => cell(record, index));
    const noMoney = moneyCells.every((value) => value === '');
    const date = dated;
    if (date === null) {
      if (dateText === '' && noMoney && description !== '' && previous) {
        // Bradesco's detail line: only the description cell (and perhaps the memo) filled.
        const others = record.cells.filter(
          (value, index) => value !== '' && index !== mapping.description && index !== mapping.memo,
        );
        if (others.length === 0) {
          previous.memo = previous.memo ? `${previous.memo} ${description}` : description;
          previous.description = `${previous.description} - ${description}`;
          continue;
        }
      }
      if (totalLine.test(texts().find((value) => !/^\d/.test(value)) ?? '')) continue;
      if (noMoney && !dateShaped(dateText)) continue;
      throw new StatementError(
        'STATEMENT_BAD_DATE',
        dateText === '' ? 'The row has no date' : `'${dateText}' is not a date in the format ${dateFormat}`,
        { line: record.line, value: dateText },
      );
    }
    let amount: number;
    if (mapping.amount !== undefined) {
      const value = money(record, mapping.amount);
      if (value === null) {
        throw new StatementError('STATEMENT_BAD_AMOUNT', 'The row has no amount', { line: record.line, value: '' });
      }
      amount = value;
    } else {
      const debit = money(record, mapping.debit);
      const credit = money(record, mapping.credit);
      if (debit === null && credit === null) {
        throw new StatementError('STATEMENT_BAD_AMOUNT', 'The row has neither a debit nor a credit', {
          line: record.line,
          value: '',
        });
      }
      amount = Math.abs(credit ?? 0) - Math.abs(debit ?? 0);
    }
    if (options.invertAmounts) amount = -amount;
    const row: StatementRow = { line: record.line, date, amountCents: amount === 0 ? 0 : amount, description };
    const memo = cell(record, mapping.memo);
    const counterparty = cell(record, mapping.counterparty);
    if (memo !== '') {
      row.memo = memo;
      row.description = description === '' ? memo : `${description} - ${memo}`;
    }
    if (counterparty !== '') {
      row.counterparty = counterparty;
      if (row.description === '') row.description = counterparty;
    }
    rows.push(row);
    previous = row;
  }
  if (rows.length === 0) throw new StatementError('STATEMENT_EMPTY', 'The file has no transactions');
  return rows;
}
