/**
 * Worker-thread entry of an export (see worker-client.ts): opens its own connection to the
 * database file and loads its format's modules while the user is in the save dialog, then,
 * told where, reads the filtered transactions in date order through the transactions
 * page's query layer (so the file holds what the screen lists), writes them to the part
 * file page by page, reports progress, and exits. Main renames the file into place.
 */
import { once } from 'node:events';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { TransactionFilters } from '../../shared/transactions.ts';
import { accountLabels } from '../books/account-labels.ts';
import { type ExportRow, exportPages } from '../books/export-rows.ts';
import type { OfxAccount } from './ofx.ts';
import type { ExportJob, ExportOrder, ExportWorkerMessage } from './worker-client.ts';

/** What a format writes: a head, the rows' text page by page, a tail, and how text becomes bytes. */
interface FileFormat {
  head: string;
  body(rows: readonly ExportRow[]): string;
  tail: string;
  bytes(text: string): Buffer;
}

const job = workerData as ExportJob;
const post = (message: ExportWorkerMessage) => parentPort?.postMessage(message);
// Not db/open.ts: loading drizzle and the schema would cost the worker about a second
// before its first row. The file is main's, already migrated and in WAL mode; this
// connection only reads (and catches the search index up), so it needs the wait for a
// busy writer and open.ts's read tuning alone.
const sqlite = new Database(job.file, { fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('mmap_size = 268435456');
sqlite.pragma('cache_size = -65536');
try {
  // Everything the format needs is loaded while the user chooses where to save; the data is
  // read only once told where, so the file is the books as of the click on Save.
  await loadModules();
  const [order] = (await once(parentPort as NonNullable<typeof parentPort>, 'message')) as [ExportOrder];
  if (job.format === 'xlsx') await writeXlsx(job, order.temp);
  else await writeText(order.temp);
} finally {
  sqlite.close();
}

/** The modules of the format (later imports of them are then instant). */
async function loadModules(): Promise<unknown> {
  if (job.format === 'csv') return Promise.all([import('./csv.ts'), import('./category-names.ts')]);
  if (job.format === 'ofx') {
    return Promise.all([import('./ofx.ts'), import('../../shared/format.ts'), import('./ledger-balance.ts')]);
  }
  return Promise.all([
    import('./xlsx.ts'),
    import('./category-names.ts'),
    import('../reports/profit-and-loss.ts'),
    import('../reports/livro-caixa.ts'),
    import('../../shared/format.ts'),
  ]);
}

/** CSV and OFX: text written page by page to the part file. */
async function writeText(temp: string): Promise<void> {
  const output = openSync(temp, 'wx');
  try {
    const { format, filters } = await prepare();
    // Given a descriptor, writeFileSync writes at its position and loops until every byte is out.
    const write = (text: string) => writeFileSync(output, format.bytes(text));
    write(format.head);
    let done = 0;
    // A CSV lists a split as its parts (sums by category tie to the DRE); a statement, whole.
    for await (const page of exportPages(sqlite, filters, { parts: job.format === 'csv' })) {
      write(format.body(page.rows));
      done += page.transactions;
      post({ type: 'progress', done, total: page.total });
    }
    write(format.tail);
    post({ type: 'done', rows: done });
  } finally {
    closeSync(output);
  }
}

/**
 * The workbook: the transactions of the filters, and the P&L and livro-caixa of the same
 * period and accounts from the reports' query layer (so the sheets agree with the Reports
 * screen). Without a period, it runs from the first transaction to the last.
 */
async function writeXlsx(xlsx: Extract<ExportJob, { format: 'xlsx' }>, temp: string): Promise<void> {
  // Loaded for a workbook only: exceljs alone costs a text export ~0.3 s of start-up.
  const [{ writeWorkbook }, { categoryNames }, { profitAndLoss }, { livroCaixa }, { bookkeepingDate }] =
    await Promise.all([
      import('./xlsx.ts'),
      import('./category-names.ts'),
      import('../reports/profit-and-loss.ts'),
      import('../reports/livro-caixa.ts'),
      import('../../shared/format.ts'),
    ]);
  const { filters, language } = xlsx;
  const span = sqlite
    .prepare('SELECT min(date) AS first, max(date) AS last FROM transactions WHERE removed_at IS NULL')
    .get() as { first: string | null; last: string | null };
  const today = bookkeepingDate(new Date());
  const period = {
    from: filters.from ?? span.first ?? today,
    to: filters.to ?? span.last ?? today,
    ...(filters.accountIds?.length ? { accountIds: filters.accountIds } : {}),
    ...(filters.includeHidden === true ? { includeHidden: true } : {}),
    ...(filters.usage === 'business' ? { businessOnly: true } : {}),
  };
  const names = categoryNames(sqlite, language);
  const chosen = new Set(filters.accountIds ?? []);
  const rows = await writeWorkbook(temp, {
    language,
    pages: exportPages(sqlite, filters, { parts: true }),
    categoryName: (id) => names.get(id),
    profitAndLoss: profitAndLoss(sqlite, period),
    livroCaixa: livroCaixa(sqlite, period),
    ...(chosen.size > 0
      ? {
          accounts: accountLabels(sqlite)
            .filter((label) => chosen.has(label.id))
            .map((label) => label.displayName),
        }
      : {}),
    onProgress: (done, total) => post({ type: 'progress', done, total }),
  });
  post({ type: 'done', rows });
}

/** The format's writer, loaded for its format alone: every module a CSV does not need delays its first row. */
async function prepare(): Promise<{ format: FileFormat; filters: TransactionFilters }> {
  if (job.format === 'xlsx') throw new Error('a workbook is not text');
  if (job.format === 'csv') {
    const [{ csvWriter }, { categoryNames }] = await Promise.all([import('./csv.ts'), import('./category-names.ts')]);
    const names = categoryNames(sqlite, job.dialect);
    const writer = csvWriter(job.dialect, (id) => names.get(id));
    return {
      format: { head: writer.head, body: (rows) => writer.lines(rows), tail: '', bytes: (text) => Buffer.from(text) },
      filters: job.filters,
    };
  }
  const [{ ofxBytes, ofxWriter }, { bookkeepingDate }, { ledgerBalanceCents }] = await Promise.all([
    import('./ofx.ts'),
    import('../../shared/format.ts'),
    import('./ledger-balance.ts'),
  ]);
  const account = sqlite
    .prepare(
      `SELECT a.id, a.type, a.subtype, a.number, a.currency_code AS currencyCode, c.connector_id AS connectorId
       FROM accounts a JOIN connections c ON c.id = a.connection_id WHERE a.id = ?`,
    )
    .get(job.accountId) as OfxAccount | undefined;
  if (!account) throw new Error(`No account ${job.accountId}`);
  // A statement runs from the period's start (else the account's first transaction) to its end (else today).
  const to = job.filters.to ?? bookkeepingDate(new Date(job.now));
  const first = sqlite
    .prepare('SELECT min(date) FROM transactions WHERE account_id = ? AND removed_at IS NULL')
    .pluck()
    .get(account.id) as string | null;
  const from = job.filters.from ?? (first !== null && first < to ? first : to);
  // The posted balance at the statement's end: what the listed rows add up to, from the last statement's.
  const ledger = { cents: ledgerBalanceCents(sqlite, account.id, to), day: to };
  const writer = ofxWriter(account, { from, to }, ledger, new Date(job.now));
  return {
    format: { head: writer.head, body: (rows) => writer.transactions(rows), tail: writer.tail, bytes: ofxBytes },
    // A statement is the account's whole period, so that its balance adds up: the screen's
    // other filters (search, categories, usage…) do not narrow it. It lists what the bank
    // posted: a pending row may yet change or vanish, and its id with it.
    filters: { from, to, accountIds: [account.id], pending: false },
  };
}
