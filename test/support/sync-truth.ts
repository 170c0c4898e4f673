/**
 * The sandbox's own data for an item, as the rows Balancete must end up holding, and a
 * comparison with what a database holds. Expected values are worked out here from the
 * sandbox's rows with nothing from the sync's own mapping (pluggy-mapping.ts), so a
 * mistake there cannot hide behind the same mistake in the expectation.
 */
import type Database from 'better-sqlite3';
import type { ItemData, PluggyTransaction } from '../../electron/core/sandbox/data/item-data.ts';

/** The provider fields of one transaction, as columns of the `transactions` table. */
export interface ProviderRow {
  id: string;
  account_id: string;
  description: string;
  description_raw: string | null;
  amount_cents: number;
  currency_code: string;
  amount_in_account_currency_cents: number | null;
  date: string;
  occurred_at: string;
  status: string;
  type: string | null;
  pluggy_category_id: string | null;
  provider_created_at: string | null;
  provider_updated_at: string | null;
}

export interface StoredRow extends ProviderRow {
  removed_at: string | null;
}

const providerColumns: readonly (keyof ProviderRow)[] = [
  'account_id',
  'description',
  'description_raw',
  'amount_cents',
  'currency_code',
  'amount_in_account_currency_cents',
  'date',
  'occurred_at',
  'status',
  'type',
  'pluggy_category_id',
  'provider_created_at',
  'provider_updated_at',
];

// Bookkeeping dates are São Paulo calendar days (design.md §3); en-CA writes YYYY-MM-DD.
const saoPauloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Sao_Paulo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Cents in the user's sign (design.md §3): Pluggy gives card purchases as positive, which
 * are money out. The sandbox's amounts are whole cents divided by 100, so rounding the
 * product recovers them exactly.
 */
function userCents(amount: number, credit: boolean): number {
  const cents = Math.round(amount * 100) * (credit ? -1 : 1);
  return cents === 0 ? 0 : cents;
}

function expectedRow(row: PluggyTransaction, credit: boolean): ProviderRow {
  return {
    id: row.id,
    account_id: row.accountId,
    description: row.description,
    description_raw: row.descriptionRaw,
    amount_cents: userCents(row.amount, credit),
    currency_code: row.currencyCode,
    amount_in_account_currency_cents:
      row.amountInAccountCurrency === undefined ? null : userCents(row.amountInAccountCurrency, credit),
    date: saoPauloDay.format(new Date(row.date)),
    occurred_at: row.date,
    status: row.status,
    type: row.type,
    pluggy_category_id: row.categoryId ?? null,
    provider_created_at: row.createdAt,
    provider_updated_at: row.updatedAt,
  };
}

/** Every row the sandbox lists now for the item (the bank's truth), by id. */
export function sandboxTruth(data: ItemData): Map<string, ProviderRow> {
  const rows = new Map<string, ProviderRow>();
  for (const account of data.accounts) {
    let cursor: string | undefined;
    do {
      const page = data.page(account, {}, cursor, 10_000);
      for (const row of page.results) rows.set(row.id, expectedRow(row, account.type === 'CREDIT'));
      cursor = page.next ?? undefined;
    } while (cursor);
  }
  return rows;
}

/** Every id the sandbox's updates have dropped (pending rows gone, or posted under a new id). */
export function removedBySandbox(data: ItemData): Set<string> {
  return new Set(data.updateLog.flatMap((changes) => changes.removed));
}

export function storedRows(sqlite: Database.Database): StoredRow[] {
  return sqlite
    .prepare<[], StoredRow>(`SELECT id, ${providerColumns.join(', ')}, removed_at FROM transactions ORDER BY id`)
    .all();
}

/**
 * How the database differs from the sandbox's truth, one line per problem (at most
 * `limit` of them): a row missing or extra, a provider field that differs, a dropped row
 * not soft-deleted, a row the sandbox never had. Empty when the database is exactly right.
 * `accountId` narrows the comparison to one account.
 */
export function differencesFromTruth(
  sqlite: Database.Database,
  data: ItemData,
  options: { accountId?: string; limit?: number } = {},
): string[] {
  const limit = options.limit ?? 20;
  const inScope = (row: { account_id: string }) => !options.accountId || row.account_id === options.accountId;
  const truth = [...sandboxTruth(data).values()].filter(inScope);
  const removed = removedBySandbox(data);
  const stored = storedRows(sqlite).filter(inScope);
  const byId = new Map(stored.map((row) => [row.id, row]));
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < limit) problems.push(problem);
    else if (problems.length === limit) problems.push('… and more');
  };
  if (byId.size !== stored.length) report(`duplicate ids: ${stored.length} rows, ${byId.size} ids`);
  for (const expected of truth) {
    const row = byId.get(expected.id);
    if (!row) {
      report(`missing ${expected.id} (${expected.date} ${expected.description})`);
      continue;
    }
    if (row.removed_at !== null) report(`${expected.id} is live at the bank but removed_at = ${row.removed_at}`);
    for (const column of providerColumns) {
      if (row[column] !== expected[column]) {
        report(`${expected.id}.${column}: stored ${String(row[column])}, bank has ${String(expected[column])}`);
      }
    }
  }
  const live = new Set(truth.map((row) => row.id));
  for (const row of stored) {
    if (live.has(row.id)) continue;
    if (!removed.has(row.id)) report(`${row.id} was never a row of the bank's`);
    else if (row.removed_at === null) report(`${row.id} was dropped by the bank but is not soft-deleted`);
  }
  return problems;
}

/**
 * Bank rows held (soft-deleted ones too) whose amount has the opposite sign to the one the
 * sandbox's account type gives Pluggy's amount in the row's stored copy (`raw`): the rows
 * a flipped sign spoiled, by id. Pluggy's sign of every row ever written is in its copy,
 * so this covers rows the sandbox no longer lists, which the comparison above cannot.
 */
export function wrongSigns(sqlite: Database.Database, data: ItemData): string[] {
  const credit = new Set(data.accounts.filter((account) => account.type === 'CREDIT').map((account) => account.id));
  return sqlite
    .prepare<[], { id: string; account_id: string; amount_cents: number; amount: number }>(
      `SELECT id, account_id, amount_cents, raw ->> '$.amount' AS amount FROM transactions
        WHERE origin = 'bank' ORDER BY id`,
    )
    .all()
    .filter((row) => row.amount_cents * userCents(row.amount, credit.has(row.account_id)) < 0)
    .map((row) => row.id);
}

/**
 * What a sync from this database's state must do to reach the sandbox's: rows to create
 * (the bank has them, the database does not), rows to update (a provider field differs,
 * or a soft-deleted row is back) and rows to soft-delete (live here, gone at the bank).
 */
export function changesToTruth(
  sqlite: Database.Database,
  data: ItemData,
): { created: number; updated: number; removed: number } {
  const truth = sandboxTruth(data);
  const stored = new Map(storedRows(sqlite).map((row) => [row.id, row]));
  let created = 0;
  let updated = 0;
  for (const expected of truth.values()) {
    const row = stored.get(expected.id);
    if (!row) created += 1;
    else if (row.removed_at !== null || providerColumns.some((column) => row[column] !== expected[column]))
      updated += 1;
  }
  const removed = [...stored.values()].filter((row) => row.removed_at === null && !truth.has(row.id)).length;
  return { created, updated, removed };
}
