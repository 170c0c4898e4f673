import type Database from 'better-sqlite3';
import { accountNames } from '../../shared/account-names.ts';
import type { ReportAccount } from '../../shared/reports.ts';
import { prepared } from '../reports/report-rows.ts';

/**
 * How every screen and file names an account (design.md §12), as core hands it out: its
 * unique display name and short name (shared/account-names.ts), its institution (a file's
 * "Banco" column), and whether its connection was removed with its data kept (marked
 * wherever it appears). The one place core names accounts: `accounts:list`, the
 * transactions' rows, the reports and every export read their names here.
 *
 * Plain SQL over the raw connection, without drizzle or zod, so an export's worker can
 * load it without delaying its first row.
 */
export interface AccountLabel {
  id: string;
  institution: string;
  displayName: string;
  shortName: string;
  disconnected: boolean;
  currencyCode: string;
}

interface LabelRow {
  id: string;
  connectionId: string;
  institution: string;
  type: string;
  name: string;
  number: string | null;
  nickname: string | null;
  currencyCode: string;
  disconnected: 0 | 1;
}

/**
 * Names are made over the accounts in the order they came into the books (oldest
 * connection first): a later bank linked again gets the numbered names, and adding one
 * never renames the accounts already there.
 */
const labelRows = `SELECT a.id, a.connection_id AS connectionId, c.connector_name AS institution, a.type, a.name,
    a.number, a.nickname, a.currency_code AS currencyCode, c.removed_at IS NOT NULL AS disconnected
  FROM accounts a JOIN connections c ON c.id = a.connection_id
  ORDER BY c.created_at, c.id, a.created_at, a.id`;

const collator = new Intl.Collator('pt-BR');

/**
 * Every account's label, in the order accounts are listed everywhere: by institution,
 * each connection's accounts together (the oldest connection first), bank accounts before
 * cards, then by name.
 */
export function accountLabels(sqlite: Database.Database): AccountLabel[] {
  const rows = prepared(sqlite, labelRows).all() as LabelRow[];
  const names = accountNames(rows);
  // The connections in the order they came in (the rows are in that order).
  const connectionRank = new Map<string, number>();
  for (const row of rows) {
    if (!connectionRank.has(row.connectionId)) connectionRank.set(row.connectionId, connectionRank.size);
  }
  const listed = rows.map((row) => {
    const name = names.get(row.id) ?? { full: row.name, short: row.name };
    return {
      row,
      label: {
        id: row.id,
        institution: row.institution,
        displayName: name.full,
        shortName: name.short,
        disconnected: row.disconnected === 1,
        currencyCode: row.currencyCode,
      },
    };
  });
  return listed
    .sort(
      (a, b) =>
        collator.compare(a.row.institution, b.row.institution) ||
        (connectionRank.get(a.row.connectionId) ?? 0) - (connectionRank.get(b.row.connectionId) ?? 0) ||
        collator.compare(a.row.type, b.row.type) ||
        collator.compare(a.label.displayName, b.label.displayName),
    )
    .map((each) => each.label);
}

/** The labels by account id (a Map keeps the listing order too). */
export function accountLabelsById(sqlite: Database.Database): Map<string, AccountLabel> {
  return new Map(accountLabels(sqlite).map((label) => [label.id, label]));
}

/** An account as a report names it (reports.ts `ReportAccount`). */
function reportAccount(label: AccountLabel): ReportAccount {
  return {
    accountId: label.id,
    displayName: label.displayName,
    shortName: label.shortName,
    institution: label.institution,
    disconnected: label.disconnected,
  };
}

/**
 * Rows about accounts (by `accountId`) in the order accounts are listed, each with the
 * account's report names; rows of an account the books no longer hold are left out.
 */
export function inAccountOrder<Row extends { accountId: string }>(
  sqlite: Database.Database,
  rows: readonly Row[],
): (Row & ReportAccount)[] {
  const byAccount = new Map(rows.map((row) => [row.accountId, row]));
  return accountLabels(sqlite).flatMap((label) => {
    const row = byAccount.get(label.id);
    return row ? [{ ...row, ...reportAccount(label) }] : [];
  });
}
