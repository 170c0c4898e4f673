import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts, transactions, transactionUserData } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  ManualTransactionCreate,
  ManualTransactionEdit,
  TransactionsDelete,
  type TransactionsDeleted,
  TransferCreate,
  type TransferResult,
} from '../../shared/own-entries.ts';
import { MonthlyTotalsCatchUp } from '../reports/totals-catch-up.ts';
import { RulesOnIngest } from '../rules/ingest.ts';
import { requireAssignableCategory } from './categories.ts';
import { refreshManualBalance } from './manual-balances.ts';
import { type DbOrTx, recordDeletion } from './undo.ts';

/** The user's own rows: entered by hand or imported from a statement; the bank's and adjustments are not. */
export const ownOrigins = ['manual', 'import'] as const;

/** A row the user enters or imports: the columns such a row fills. */
export interface NewRow {
  id: string;
  accountId: string;
  description: string;
  descriptionRaw?: string | null;
  amountCents: number;
  currencyCode: string;
  date: string;
  occurredAt: string;
  status: 'POSTED' | 'PENDING';
  pluggyCategoryId?: string | null;
  counterpartyName?: string | null;
  origin: (typeof ownOrigins)[number];
  importId?: string | null;
  externalId?: string | null;
  transferId?: string | null;
}

/** Noon in São Paulo on the day, so the instant and the bookkeeping date agree (as adjustments do). */
export const noonOf = (day: string) => `${day}T15:00:00.000Z`;

export function accountCurrency(db: DbOrTx, accountId: string): string {
  const row = db.select({ currencyCode: accounts.currencyCode }).from(accounts).where(eq(accounts.id, accountId)).get();
  if (!row) throw new AppError('NOT_FOUND', `Account ${accountId} not found`);
  return row.currencyCode;
}

/**
 * Writes the user's new rows as a sync writes the bank's: the enabled rules run on them,
 * the running totals count them, a manual account's balance follows. Call it inside the
 * transaction that owns them. Returns how many the rules gave a category.
 */
export function insertOwnRows(sqlite: Db['$client'], rows: readonly NewRow[], now: Date): number {
  // One prepared statement, not drizzle's insert: an import writes 100k rows, and building
  // each through the query builder cost ~80 µs a row.
  const insert = sqlite.prepare<[NewRow]>(
    `INSERT INTO transactions (id, account_id, description, description_raw, amount_cents, currency_code, date,
       occurred_at, status, pluggy_category_id, counterparty_name, origin, import_id, external_id, transfer_id)
     VALUES (@id, @accountId, @description, @descriptionRaw, @amountCents, @currencyCode, @date, @occurredAt, @status,
       @pluggyCategoryId, @counterpartyName, @origin, @importId, @externalId, @transferId)`,
  );
  for (const row of rows) {
    insert.run({
      descriptionRaw: null,
      pluggyCategoryId: null,
      counterpartyName: null,
      importId: null,
      externalId: null,
      transferId: null,
      ...row,
    });
  }
  const categorized = new RulesOnIngest(sqlite).applyToCreated(rows, now);
  new MonthlyTotalsCatchUp(sqlite).countAll();
  for (const accountId of new Set(rows.map((row) => row.accountId))) refreshManualBalance(sqlite, accountId);
  return categorized;
}

/** A transaction the user enters by hand, in any account (sync never writes nor removes it). */
export function createManualTransaction(db: Db, input: ManualTransactionCreate, now: Date): { id: string } {
  const entry = ManualTransactionCreate.parse(input);
  const id = `manual:${randomUUID()}`;
  db.transaction((tx) => {
    const row: NewRow = {
      id,
      accountId: entry.accountId,
      description: entry.description,
      amountCents: entry.amountCents,
      currencyCode: accountCurrency(tx, entry.accountId),
      date: entry.date,
      occurredAt: noonOf(entry.date),
      status: entry.pending ? 'PENDING' : 'POSTED',
      counterpartyName: entry.counterparty || null,
      origin: 'manual',
    };
    const { categoryId, notes, usage } = entry;
    if (categoryId) requireAssignableCategory(tx, categoryId);
    // The user's choices first: the rules then leave a chosen category alone, as on any row.
    const chosen = {
      ...(categoryId ? { categoryId, categorySource: 'manual' as const } : {}),
      ...(notes ? { notes } : {}),
      ...(usage ? { usage } : {}),
    };
    const manualFields = Object.keys(chosen).filter((key) => key === 'notes' || key === 'usage');
    insertOwnRows(db.$client, [row], now);
    if (Object.keys(chosen).length > 0) {
      tx.insert(transactionUserData)
        .values({ transactionId: id, ...chosen, manualFields, updatedAt: now.toISOString() })
        .onConflictDoUpdate({
          target: transactionUserData.transactionId,
          set: { ...chosen, ...(categoryId ? { ruleId: null } : {}), manualFields, updatedAt: now.toISOString() },
        })
        .run();
    }
  });
  return { id };
}

/** The user's own row (TRANSACTION_NOT_FOUND, or TRANSACTION_NOT_OWN for the bank's and adjustments). */
function requireOwn(db: DbOrTx, id: string) {
  const row = db
    .select({ accountId: transactions.accountId, origin: transactions.origin, transferId: transactions.transferId })
    .from(transactions)
    .where(eq(transactions.id, id))
    .get();
  if (!row) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${id}`);
  if (!(ownOrigins as readonly string[]).includes(row.origin)) {
    throw new AppError('TRANSACTION_NOT_OWN', `Transaction ${id} is the bank's`);
  }
  return row;
}

/** Refuses a change to the statement fields of reconciled rows: they stay as reconciled until it is undone. */
function refuseReconciledOwn(db: DbOrTx, ids: readonly string[]): void {
  const { count } = db.get<{ count: number }>(sql`
    select count(*) as count from transaction_user_data
     where transaction_id in (select value from json_each(${JSON.stringify(ids)})) and reconciled_at is not null`);
  if (count > 0) {
    throw new AppError(
      'OWN_TRANSACTION_RECONCILED',
      `${count} reconciled transaction(s): undo the reconciliation first`,
      { count },
    );
  }
}

/**
 * Changes what the user entered or imported: date, description, amount, counterparty,
 * pending. A transfer's other side follows its date and amount (negated). The running
 * totals and the search index follow through their triggers.
 */
export function editManualTransaction(db: Db, input: ManualTransactionEdit, now: Date): { id: string } {
  const { id, confirmReconciled: _confirm, pending, counterparty, ...fields } = ManualTransactionEdit.parse(input);
  db.transaction((tx) => {
    const own = requireOwn(tx, id);
    const set = {
      ...fields,
      ...(fields.date ? { occurredAt: noonOf(fields.date) } : {}),
      ...(pending === undefined ? {} : { status: pending ? 'PENDING' : 'POSTED' }),
      ...(counterparty === undefined ? {} : { counterpartyName: counterparty || null }),
    };
    if (Object.keys(set).length === 0) return;
    const peer = own.transferId ? transferPeer(tx, own.transferId, id) : null;
    refuseReconciledOwn(tx, peer ? [id, peer.id] : [id]);
    tx.update(transactions)
      .set({ ...set, updatedAt: now.toISOString() })
      .where(eq(transactions.id, id))
      .run();
    if (peer && (fields.date !== undefined || fields.amountCents !== undefined)) {
      tx.update(transactions)
        .set({
          ...(fields.date ? { date: fields.date, occurredAt: noonOf(fields.date) } : {}),
          // Same currency: the other side moves the same money the other way.
          ...(fields.amountCents !== undefined && peer.sameCurrency ? { amountCents: -fields.amountCents } : {}),
          updatedAt: now.toISOString(),
        })
        .where(eq(transactions.id, peer.id))
        .run();
      refreshManualBalance(db.$client, peer.accountId);
    }
    refreshManualBalance(db.$client, own.accountId);
  });
  return { id };
}

function transferPeer(db: DbOrTx, transferId: string, id: string) {
  const sides = db
    .select({ id: transactions.id, accountId: transactions.accountId, currencyCode: transactions.currencyCode })
    .from(transactions)
    .where(eq(transactions.transferId, transferId))
    .all();
  const self = sides.find((side) => side.id === id);
  const peer = sides.find((side) => side.id !== id);
  return peer ? { ...peer, sameCurrency: peer.currencyCode === self?.currencyCode } : null;
}

/**
 * Money moved between two of the user's accounts, entered once: the amount out of one and
 * into the other on the same day, two rows sharing a transfer id, each in its account's
 * currency (`receivedCents` when they differ). Both go under Pluggy's "same person
 * transfer" category, which every report keeps out of income and expenses.
 */
export function createTransfer(db: Db, input: TransferCreate, now: Date): TransferResult {
  const transfer = TransferCreate.parse(input);
  const transferId = randomUUID();
  const ids: [string, string] = [`manual:${randomUUID()}`, `manual:${randomUUID()}`];
  db.transaction((tx) => {
    const fromCurrency = accountCurrency(tx, transfer.fromAccountId);
    const toCurrency = accountCurrency(tx, transfer.toAccountId);
    if (transfer.fromAccountId === transfer.toAccountId) {
      throw new AppError('INVALID_INPUT', 'A transfer goes between two different accounts', {
        issues: [{ path: ['toAccountId'], message: 'two different accounts' }],
      });
    }
    const received = fromCurrency === toCurrency ? transfer.amountCents : transfer.receivedCents;
    if (received === undefined) {
      throw new AppError('INVALID_INPUT', 'A transfer between two currencies needs the amount received', {
        issues: [{ path: ['receivedCents'], message: 'required when the currencies differ' }],
      });
    }
    const side = (id: string, accountId: string, amountCents: number, currencyCode: string): NewRow => ({
      id,
      accountId,
      description: transfer.description,
      amountCents,
      currencyCode,
      date: transfer.date,
      occurredAt: noonOf(transfer.date),
      status: 'POSTED',
      pluggyCategoryId: sameOwnerTransfer,
      origin: 'manual',
      transferId,
    });
    insertOwnRows(
      db.$client,
      [
        side(ids[0], transfer.fromAccountId, -transfer.amountCents, fromCurrency),
        side(ids[1], transfer.toAccountId, received, toCurrency),
      ],
      now,
    );
  });
  return { transferId, ids };
}

/** Pluggy's "Same person transfer": the reports' transfer group, out of income and expenses. */
const sameOwnerTransfer = '04000000';

/**
 * Deletes rows the user entered or imported, each transfer's other side with it, in one
 * transaction recorded for undo (the rows, their user fields and splits, as they were).
 * Reconciled ones are refused (OWN_TRANSACTION_RECONCILED): they stay until the
 * reconciliation is undone. A draft reconciliation's ticks on them go with them.
 */
export function deleteOwnTransactions(db: Db, input: TransactionsDelete, label: string): TransactionsDeleted {
  const { ids } = TransactionsDelete.parse(input);
  return db.transaction((tx) => {
    const all = new Set<string>();
    for (const id of ids) {
      const own = requireOwn(tx, id);
      all.add(id);
      const peer = own.transferId ? transferPeer(tx, own.transferId, id) : null;
      if (peer) all.add(peer.id);
    }
    const deleting = [...all];
    refuseReconciledOwn(tx, deleting);
    const undoId = recordDeletion(tx, deleting, label);
    const touched = deleteRows(tx, deleting);
    for (const accountId of touched) refreshManualBalance(db.$client, accountId);
    return { deleted: deleting.length, undoId };
  });
}

/** Deletes transactions with what hangs from them (draft ticks, splits, user fields); returns their accounts. */
export function deleteRows(db: DbOrTx, ids: readonly string[]): Set<string> {
  const list = sql`(select value from json_each(${JSON.stringify(ids)}))`;
  const accountIds = db
    .all<{ accountId: string }>(sql`select distinct account_id as accountId from transactions where id in ${list}`)
    .map((row) => row.accountId);
  db.run(sql`delete from reconciliation_items where transaction_id in ${list}`);
  db.run(sql`delete from transaction_splits where transaction_id in ${list}`);
  db.run(sql`delete from transaction_user_data where transaction_id in ${list}`);
  db.run(sql`delete from transactions where id in ${list}`);
  return new Set(accountIds);
}
