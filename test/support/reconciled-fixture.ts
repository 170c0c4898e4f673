import type Database from 'better-sqlite3';

/**
 * Reconciles transactions the way finishing a reconciliation leaves them, written straight
 * into the tables (db/schema.ts): a finished reconciliation of `accountId` holding them as
 * items, and `reconciled_at` (and `cleared_at`) on their user-data rows, created when
 * missing and otherwise left as they were. Returns the reconciliation's id.
 */
export function reconcile(
  sqlite: Database.Database,
  accountId: string,
  transactionIds: readonly string[],
  at = '2026-11-30T12:00:00.000Z',
): number {
  return sqlite.transaction(() => {
    const id = sqlite
      .prepare<[string, string, string, string], number>(
        `INSERT INTO reconciliations
           (account_id, status, statement_date, statement_balance_cents, opening_balance_cents,
            cleared_total_cents, difference_cents, updated_at, finished_at, finished_by)
         VALUES (?, 'finished', ?, 0, 0, 0, 0, ?, ?, 'tester') RETURNING id`,
      )
      .pluck()
      .get(accountId, at.slice(0, 10), at, at) as number;
    const item = sqlite.prepare(
      `INSERT INTO reconciliation_items (reconciliation_id, transaction_id, amount_cents)
       SELECT ?, id, coalesce(amount_in_account_currency_cents, amount_cents) FROM transactions WHERE id = ?`,
    );
    const mark = sqlite.prepare(
      `INSERT INTO transaction_user_data (transaction_id, cleared_at, reconciled_at) VALUES (?, ?, ?)
       ON CONFLICT (transaction_id) DO UPDATE SET cleared_at = excluded.cleared_at, reconciled_at = excluded.reconciled_at`,
    );
    for (const transactionId of transactionIds) {
      if (item.run(id, transactionId).changes !== 1) throw new Error(`reconcile: no transaction ${transactionId}`);
      mark.run(transactionId, at, at);
    }
    return id;
  })();
}

/** Every event recorded on reconciliations, oldest first, with its detail parsed. */
export function reconciliationEventRows(sqlite: Database.Database) {
  return sqlite
    .prepare<[], { reconciliationId: number; transactionId: string; kind: string; detail: string | null; at: string }>(
      `SELECT reconciliation_id AS reconciliationId, transaction_id AS transactionId, kind, detail, at
       FROM reconciliation_events ORDER BY id`,
    )
    .all()
    .map((row) => ({ ...row, detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown) }));
}
