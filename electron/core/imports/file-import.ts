import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, connections, csvMappings, statementImports } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  CsvReading,
  type CsvReadingView,
  ImportApply,
  ImportFile,
  type ImportPreview,
  type ImportResult,
  type ImportSummary,
  type StatementProblemDetails,
} from '../../shared/imports.ts';
import type { TransactionOrigin } from '../../shared/transactions.ts';
import { accountCurrency, deleteRows, insertOwnRows, type NewRow, noonOf } from '../books/manual-transactions.ts';
import { refreshManualBalance } from '../books/manual-balances.ts';
import { ofxOrganization } from '../exports/ofx.ts';
import type { DbOrTx } from '../books/undo.ts';
import {
  duplicateWindowDays,
  type HeldRow,
  matchDuplicates,
  normalizedText,
  type RowVerdict,
} from './import-duplicates.ts';
import { parseCsv, sampleCsv, sniffCsv } from './statement-csv.ts';
import { StatementError } from './statement-errors.ts';
import { type OfxStatement, parseOfx } from './statement-ofx.ts';
import type { StatementRow } from './statement-rows.ts';
import { decodeStatement } from './statement-text.ts';

/** A file read: its rows with the id each is known by, and what the preview says of the file. */
interface ReadFile {
  format: 'ofx' | 'csv';
  encoding: string;
  rows: (StatementRow & { externalId: string })[];
  csv: ImportPreview['csv'];
  ofx: (ImportPreview['ofx'] & object) | null;
}

/** How many of the file's rows the preview lists as they will be read. */
const firstRowsShown = 20;

/** OFX by its extension or its first bytes (a bank's "extrato.txt" is OFX too); anything else is read as CSV. */
function isOfx(fileName: string, bytes: Buffer): boolean {
  if (/\.(ofx|qfx)$/i.test(fileName)) return true;
  const head = bytes.subarray(0, 4096).toString('latin1').toUpperCase();
  return head.includes('OFXHEADER') || head.includes('<OFX>');
}

/**
 * The statement errors, as the user hears them: STATEMENT_INVALID with the parser's reason,
 * line and text, and for a CSV the reading to adjust (see StatementProblemDetails).
 */
function asAppError(error: unknown, reading?: { encoding: string; csv: CsvReadingView }): unknown {
  if (!(error instanceof StatementError)) return error;
  const details: StatementProblemDetails = {
    reason: error.code,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.value === undefined ? {} : { value: error.value }),
    ...reading,
  };
  return new AppError('STATEMENT_INVALID', error.message, details);
}

/**
 * Whether a CSV's failure may go away with another reading: a row whose date or amount
 * it cannot read, a column it names that is not there, or no transaction found in a file
 * that has rows. Not an empty file nor a quote never closed: those are the file's own.
 */
function adjustable(error: StatementError, csv: CsvReadingView): boolean {
  if (error.code === 'STATEMENT_EMPTY') return csv.sample.length > 0;
  return (
    error.code === 'STATEMENT_BAD_DATE' ||
    error.code === 'STATEMENT_BAD_AMOUNT' ||
    error.code === 'STATEMENT_MISSING_COLUMN'
  );
}

/**
 * A statement the file holds for this account: the only one, else the one whose account
 * number ends as the account's, else the first of the account's kind (bank or card).
 */
function statementFor(statements: readonly OfxStatement[], account: { type: string; number: string | null }) {
  const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');
  const own = digits(account.number).slice(-4);
  return (
    (statements.length === 1 ? statements[0] : undefined) ??
    (own === '' ? undefined : statements.find((each) => digits(each.account.accountId).endsWith(own))) ??
    statements.find((each) => (each.kind === 'creditCard') === (account.type === 'CREDIT')) ??
    statements[0]
  );
}

/**
 * Each row's id in the account: an OFX's FITID as the bank gave it; for a CSV, a digest of
 * its day, amount and description. A second row with the same id in the file (two equal
 * coffees on one day, or a bank that repeats FITIDs) gets its occurrence number, so
 * re-reading the same file gives every row the same id again, and each row only once.
 */
function withIds(rows: readonly StatementRow[], idOf: (row: StatementRow) => string) {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const id = idOf(row);
    const occurrence = seen.get(id) ?? 0;
    seen.set(id, occurrence + 1);
    return { ...row, externalId: occurrence === 0 ? id : `${id}#${occurrence + 1}` };
  });
}

/** What a file's reading depends on from the request: the account, the file and how to read a CSV. */
const readKey = (file: ImportFile) =>
  createHash('sha256')
    .update(`${file.accountId}\n${JSON.stringify(file.csv ?? null)}\n`)
    .update(file.contentBase64)
    .digest('base64');

const csvRowId = (row: StatementRow) =>
  `csv:${createHash('sha256')
    .update(`${row.date}|${row.amountCents}|${normalizedText(row.description)}`)
    .digest('base64url')
    .slice(0, 22)}`;

/**
 * Statement files into an account (issue 19): read (OFX or CSV), matched against what the
 * account holds, shown, then added in one SQLite transaction as origin 'import' rows that
 * carry the import's id, so an import is undone as a whole. A file that cannot be read is
 * refused whole (STATEMENT_INVALID naming the line), before anything is written.
 */
export class StatementImports {
  private readonly db: Db;
  /**
   * The file the last preview read, kept for the apply that follows it (the user's next
   * click, the same file): reading a 100k-row CSV again cost ~1 s. Any apply or undo
   * forgets it, as it may change what reading a file gives (a CSV's remembered reading).
   */
  private lastRead: { key: string; read: ReadFile } | null = null;

  constructor(db: Db) {
    this.db = db;
  }

  preview(input: ImportFile): ImportPreview {
    const file = ImportFile.parse(input);
    const read = this.read(file);
    this.lastRead = { key: readKey(file), read };
    const verdicts = this.verdicts(file.accountId, read.rows);
    const review: ImportPreview['review'] = [];
    let newCount = 0;
    let seenCount = 0;
    const held = this.heldById(verdicts);
    read.rows.forEach((row, index) => {
      const verdict = verdicts[index];
      if (verdict?.kind === 'new') newCount += 1;
      else if (verdict?.kind === 'seen') seenCount += 1;
      else if (verdict?.kind === 'likely') {
        const existing = held.get(verdict.existingId);
        if (existing) review.push({ ...shown(row), existing });
      }
    });
    return {
      format: read.format,
      encoding: read.encoding,
      csv: read.csv,
      ofx: read.ofx,
      rowCount: read.rows.length,
      newCount,
      seenCount,
      review,
      firstRows: read.rows.slice(0, firstRowsShown).map(shown),
    };
  }

  apply(input: ImportApply, now: Date): ImportResult {
    const file = ImportApply.parse(input);
    const read = this.lastRead?.key === readKey(file) ? this.lastRead.read : this.read(file);
    this.lastRead = null;
    const keep = new Set(file.keepLines);
    const at = now.toISOString();
    const id = randomUUID();
    return this.db.transaction((tx) => {
      // Read again inside the transaction: what the account holds now decides.
      const verdicts = this.verdicts(file.accountId, read.rows);
      const kept = read.rows.filter((row, index) => verdicts[index]?.kind === 'likely' && keep.has(row.line));
      const adding = read.rows.filter((row, index) => verdicts[index]?.kind === 'new' || kept.includes(row));
      const keptCount = kept.length;
      const seenCount = verdicts.filter((verdict) => verdict.kind === 'seen').length;
      const reviewSkippedCount = verdicts.filter((verdict) => verdict.kind === 'likely').length - keptCount;
      const currencyCode = accountCurrency(tx, file.accountId);
      tx.insert(statementImports)
        .values({
          id,
          accountId: file.accountId,
          fileName: file.fileName,
          format: read.format,
          addedCount: adding.length,
          skippedCount: read.rows.length - adding.length,
          createdAt: at,
        })
        .run();
      const categorizedCount = insertOwnRows(
        this.db.$client,
        adding.map((row, index): NewRow => ({
          // In file order under the import's id: the primary key's index then takes the rows
          // side by side, not each at a random place (as a UUID apiece would).
          id: `import:${id}:${String(index).padStart(7, '0')}`,
          accountId: file.accountId,
          description: row.description,
          descriptionRaw: row.memo ?? null,
          amountCents: row.amountCents,
          currencyCode,
          date: row.date,
          occurredAt: noonOf(row.date),
          status: 'POSTED',
          counterpartyName: row.counterparty ?? null,
          origin: 'import',
          importId: id,
          externalId: row.externalId,
        })),
        now,
      );
      if (read.csv) this.remember(tx, file.accountId, read.csv.reading, at);
      if (file.adoptBalance && read.ofx?.ledgerBalance) {
        this.adoptBalance(tx, id, file.accountId, read.ofx.ledgerBalance, read.rows);
      }
      return { ...this.summary(tx, id), categorizedCount, keptCount, seenCount, reviewSkippedCount };
    });
  }

  /** Takes an import's rows away, as a whole (OWN_TRANSACTION_RECONCILED if one is reconciled), and its balance change. */
  undo(id: string, now: Date): ImportSummary {
    this.lastRead = null;
    return this.db.transaction((tx) => {
      const found = tx.select().from(statementImports).where(eq(statementImports.id, id)).get();
      if (!found) throw new AppError('NOT_FOUND', `No import ${id}`);
      if (found.undoneAt !== null) throw new AppError('UNDO_ALREADY_APPLIED', `Import ${id} was already undone`);
      // By the account's index: an import's rows are not indexed by the import (see migration 0015).
      const ids = tx
        .all<{ id: string }>(
          sql`select id from transactions where account_id = ${found.accountId} and import_id = ${id}`,
        )
        .map((row) => row.id);
      const { count } = tx.get<{ count: number }>(sql`
        select count(*) as count from transaction_user_data u join transactions t on t.id = u.transaction_id
         where t.id in (select value from json_each(${JSON.stringify(ids)})) and u.reconciled_at is not null`);
      if (count > 0) {
        throw new AppError('OWN_TRANSACTION_RECONCILED', `${count} reconciled transaction(s) in import ${id}`, {
          count,
        });
      }
      deleteRows(tx, ids);
      if (found.replacedOpening) {
        tx.update(accounts)
          .set({ openingBalanceCents: found.replacedOpening.cents, openingBalanceDate: found.replacedOpening.date })
          .where(eq(accounts.id, found.accountId))
          .run();
      }
      refreshManualBalance(this.db.$client, found.accountId);
      tx.update(statementImports).set({ undoneAt: now.toISOString() }).where(eq(statementImports.id, id)).run();
      return this.summary(tx, id);
    });
  }

  /** Imports, newest first: of one account, or all. */
  list(accountId?: string): ImportSummary[] {
    return this.db
      .select(summaryColumns)
      .from(statementImports)
      .where(accountId ? eq(statementImports.accountId, accountId) : undefined)
      .orderBy(desc(statementImports.createdAt))
      .all();
  }

  private summary(db: DbOrTx, id: string): ImportSummary {
    const row = db.select(summaryColumns).from(statementImports).where(eq(statementImports.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', `No import ${id}`);
    return row;
  }

  private read(file: ImportFile): ReadFile {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const account = this.db
      .select({ type: accounts.type, number: accounts.number, currencyCode: accounts.currencyCode })
      .from(accounts)
      .innerJoin(connections, eq(connections.id, accounts.connectionId))
      .where(eq(accounts.id, file.accountId))
      .get();
    if (!account) throw new AppError('NOT_FOUND', `Account ${file.accountId} not found`);
    try {
      if (isOfx(file.fileName, bytes)) return readOfx(bytes, account);
      return this.readCsv(bytes, file);
    } catch (error) {
      throw asAppError(error);
    }
  }

  /**
   * A CSV read with the reading the user sent, else the account's remembered one, else what
   * the file suggests; its sample split by that same reading. When its rows cannot be read
   * that way, the error carries the reading and the sample, for the user to change it.
   */
  private readCsv(bytes: Buffer, file: ImportFile): ReadFile {
    const { text, encoding } = decodeStatement(bytes, file.csv?.encoding);
    let reading: CsvReading;
    let remembered = false;
    let guessed: string[] = [];
    if (file.csv) reading = file.csv;
    else {
      const sniff = sniffCsv(text);
      const kept = this.remembered(file.accountId, sniff.columnCount);
      remembered = kept !== null;
      reading = kept ?? readingOf(sniff);
      if (!kept) guessed = sniff.defaulted;
    }
    const sample = sampleCsv(text, reading);
    const csv: CsvReadingView = {
      reading,
      remembered,
      header: sample.header,
      sample: sample.preview,
      sampleLines: sample.previewLines,
      columnCount: sample.columnCount,
      guessed,
    };
    let rows: StatementRow[];
    try {
      rows = parseCsv(text, reading);
    } catch (error) {
      if (error instanceof StatementError && adjustable(error, csv)) throw asAppError(error, { encoding, csv });
      throw error;
    }
    return { format: 'csv', encoding, rows: withIds(rows, csvRowId), ofx: null, csv };
  }

  /** The account's last CSV reading, if the file has the columns it names. */
  private remembered(accountId: string, columnCount: number): CsvReading | null {
    const row = this.db
      .select({ options: csvMappings.options })
      .from(csvMappings)
      .where(eq(csvMappings.accountId, accountId))
      .get();
    if (!row) return null;
    const parsed = CsvReading.safeParse(row.options);
    if (!parsed.success) return null;
    const highest = Math.max(...Object.values(parsed.data.mapping));
    return highest < columnCount ? parsed.data : null;
  }

  /** Keeps the reading for the account's next CSV, without its encoding: that is told again from each file. */
  private remember(tx: DbOrTx, accountId: string, reading: CsvReading, at: string): void {
    const { encoding: _encoding, ...options } = reading;
    tx.insert(csvMappings)
      .values({ accountId, options, updatedAt: at })
      .onConflictDoUpdate({ target: csvMappings.accountId, set: { options, updatedAt: at } })
      .run();
  }

  /**
   * Sets a manual account's opening balance so its balance on the statement's day is the
   * bank's closing balance, its opening date moved back to the file's first row if that is
   * earlier; what it was is kept on the import, for undo. A bank's account is left alone.
   */
  private adoptBalance(
    tx: DbOrTx,
    importId: string,
    accountId: string,
    ledger: { amountCents: number; date: string },
    rows: readonly StatementRow[],
  ): void {
    const account = tx
      .select({ cents: accounts.openingBalanceCents, date: accounts.openingBalanceDate })
      .from(accounts)
      .where(and(eq(accounts.id, accountId)))
      .get();
    if (!account || account.date === null) return;
    const firstDay = rows.reduce((first, row) => (row.date < first ? row.date : first), account.date);
    const { moved } = tx.get<{ moved: number | null }>(sql`
      select sum(coalesce(amount_in_account_currency_cents, amount_cents)) as moved from transactions
       where account_id = ${accountId} and removed_at is null and date >= ${firstDay} and date <= ${ledger.date}`);
    tx.update(accounts)
      .set({ openingBalanceCents: ledger.amountCents - (moved ?? 0), openingBalanceDate: firstDay })
      .where(eq(accounts.id, accountId))
      .run();
    tx.update(statementImports).set({ replacedOpening: account }).where(eq(statementImports.id, importId)).run();
    refreshManualBalance(this.db.$client, accountId);
  }

  /** Each row's verdict against the account's live rows around the file's days. */
  private verdicts(accountId: string, rows: ReadFile['rows']): RowVerdict[] {
    if (rows.length === 0) return [];
    let first = rows[0]?.date ?? '';
    let last = first;
    for (const row of rows) {
      if (row.date < first) first = row.date;
      if (row.date > last) last = row.date;
    }
    const held = this.db.$client
      .prepare<[string, string, string], HeldRow>(
        `SELECT id, date, coalesce(amount_in_account_currency_cents, amount_cents) AS amountCents, description,
                external_id AS externalId
           FROM transactions
          WHERE account_id = ? AND removed_at IS NULL AND date BETWEEN ? AND ?`,
      )
      .all(accountId, shiftDay(first, -duplicateWindowDays), shiftDay(last, duplicateWindowDays));
    return matchDuplicates(rows, held);
  }

  private heldById(verdicts: readonly RowVerdict[]) {
    const ids = verdicts.flatMap((verdict) => (verdict.kind === 'likely' ? [verdict.existingId] : []));
    const rows = this.db.$client
      .prepare<
        [string],
        { id: string; date: string; description: string; amountCents: number; origin: TransactionOrigin }
      >(
        `SELECT id, date, description, coalesce(amount_in_account_currency_cents, amount_cents) AS amountCents, origin
           FROM transactions WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, row]));
  }
}

const summaryColumns = {
  id: statementImports.id,
  accountId: statementImports.accountId,
  fileName: statementImports.fileName,
  format: statementImports.format,
  addedCount: statementImports.addedCount,
  skippedCount: statementImports.skippedCount,
  createdAt: statementImports.createdAt,
  undoneAt: statementImports.undoneAt,
};

const shown = (row: StatementRow) => ({
  line: row.line,
  date: row.date,
  description: row.description,
  amountCents: row.amountCents,
});

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function readingOf(sniff: ReturnType<typeof sniffCsv>): CsvReading {
  const { separator, hasHeader, dateFormat, decimalMark, mapping, firstLine, invertAmounts } = sniff;
  return { separator, hasHeader, dateFormat, decimalMark, mapping, firstLine, invertAmounts };
}

/**
 * A row of Balancete's own OFX export as it was in the books: its export writes the
 * counterparty (or the description, cut to 32 characters) as NAME and the description as
 * MEMO.
 */
function asWritten(row: StatementRow): StatementRow {
  if (row.memo === undefined) return row;
  const { counterparty: _payee, ...rest } = row;
  // NAME is the description itself, cut to NAME's 32 characters, when the row had no counterparty.
  const counterparty = row.name !== undefined && row.name !== row.memo.slice(0, 32).trimEnd() ? row.name : undefined;
  return { ...rest, description: row.memo, ...(counterparty ? { counterparty } : {}) };
}

function readOfx(bytes: Buffer, account: { type: string; number: string | null; currencyCode: string }): ReadFile {
  const statement = statementFor(parseOfx(bytes), account);
  if (!statement) throw new StatementError('STATEMENT_UNSUPPORTED', 'The OFX file holds no bank or card statement');
  if (statement.currency !== account.currencyCode) {
    throw new AppError(
      'IMPORT_CURRENCY_MISMATCH',
      `The statement is in ${statement.currency}, the account in ${account.currencyCode}`,
      { file: statement.currency, account: account.currencyCode },
    );
  }
  const ownExport = statement.organization === ofxOrganization;
  // A FITID matches the row it names in this account: imported before, or the very row
  // Balancete exported it from (its OFX export writes each transaction's id as the FITID).
  return {
    format: 'ofx',
    encoding: decodeStatement(bytes).encoding,
    rows: withIds(
      ownExport ? statement.transactions.map(asWritten) : statement.transactions,
      (row) => row.fitId ?? csvRowId(row),
    ),
    csv: null,
    ofx: {
      kind: statement.kind,
      currency: statement.currency,
      accountNumber: statement.account.accountId ?? null,
      from: statement.from ?? null,
      to: statement.to ?? null,
      ledgerBalance: statement.ledgerBalance ?? null,
    },
  };
}
