import type Database from 'better-sqlite3';
import { type CashFlow, type CashFlowAccount, type ReportAccount, ReportQuery } from '../../shared/reports.ts';
import { inAccountOrder } from '../books/account-labels.ts';
import { balancesAtEnd, reportAccounts } from './balances.ts';
import { classifiedMovements, prepared } from './report-rows.ts';

/**
 * Cash flow by account: what came in and went out of each of the query's accounts (named
 * and listed as everywhere: account-labels.ts) in the period (every counted movement,
 * transfers between own accounts too, which are shown apart as well), from the opening to
 * the closing balance (see balances.ts; null when the report is business only). Opening +
 * in + out = closing, and the totals are the sums of the accounts'.
 */
export function cashFlow(sqlite: Database.Database, input: ReportQuery): CashFlow {
  const query = ReportQuery.parse(input);
  const movements = classifiedMovements(query);
  const end = balancesAtEnd(query);
  const accounts = reportAccounts(query);
  const rows = prepared(
    sqlite,
    `${movements.sql}
     SELECT a.id AS accountId, a.type, a.currency_code AS currencyCode,
       coalesce(f.inCents, 0) AS inCents, coalesce(f.outCents, 0) AS outCents,
       coalesce(f.transferInCents, 0) AS transferInCents, coalesce(f.transferOutCents, 0) AS transferOutCents,
       b.cents AS closingBalanceCents
     FROM accounts a
     JOIN ${end.sql} b ON b.account_id = a.id
     LEFT JOIN (
       SELECT account_id,
         sum(CASE WHEN incoming THEN cents ELSE 0 END) AS inCents,
         sum(CASE WHEN NOT incoming THEN cents ELSE 0 END) AS outCents,
         sum(CASE WHEN incoming AND report_group = 'transfer' THEN cents ELSE 0 END) AS transferInCents,
         sum(CASE WHEN NOT incoming AND report_group = 'transfer' THEN cents ELSE 0 END) AS transferOutCents
       FROM classified GROUP BY account_id) f ON f.account_id = a.id
     WHERE ${accounts.sql}`,
  ).all(...movements.values, ...end.values, ...accounts.values) as (Omit<
    CashFlowAccount,
    'netCents' | 'openingBalanceCents' | keyof ReportAccount
  > & { accountId: string; closingBalanceCents: number })[];
  const withBalances = !query.businessOnly;
  const list: CashFlowAccount[] = inAccountOrder(sqlite, rows).map((row) => {
    const netCents = row.inCents + row.outCents;
    return {
      ...row,
      netCents,
      openingBalanceCents: withBalances ? row.closingBalanceCents - netCents : null,
      closingBalanceCents: withBalances ? row.closingBalanceCents : null,
    };
  });
  const total = (key: 'inCents' | 'outCents' | 'transferInCents' | 'transferOutCents' | 'netCents') =>
    list.reduce((sum, each) => sum + each[key], 0);
  const balanceTotal = (key: 'openingBalanceCents' | 'closingBalanceCents') =>
    withBalances ? list.reduce((sum, each) => sum + (each[key] ?? 0), 0) : null;
  return {
    query,
    accounts: list,
    totals: {
      openingBalanceCents: balanceTotal('openingBalanceCents'),
      inCents: total('inCents'),
      outCents: total('outCents'),
      transferInCents: total('transferInCents'),
      transferOutCents: total('transferOutCents'),
      netCents: total('netCents'),
      closingBalanceCents: balanceTotal('closingBalanceCents'),
    },
  };
}
