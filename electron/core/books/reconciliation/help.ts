import type { Db } from '../../../../db/open.ts';
import type { ReconciliationHelp, ReconciliationLine } from '../../../shared/reconciliation.ts';
import { likelyDuplicates, subsetsSummingTo } from './difference-finder.ts';
import { lineColumns, reconciliationDraft, requireReconciliation, type StoredLine } from './drafts.ts';

/** How far after the statement date a transaction may be the bank's dating of one on the statement. */
const daysAfterStatement = 7;
/** Sets offered at most: a user reads a handful, not a hundred. */
const explainingSets = 8;

/**
 * Where a draft's difference may come from (issue 7): its pending lines, lines that look
 * like one movement counted twice, transactions dated just after the statement, and small
 * sets of uncleared lines whose amounts add up to the difference exactly.
 */
export function reconciliationHelp(db: Db, id: number): ReconciliationHelp {
  const draft = reconciliationDraft(db, id);
  const uncleared = draft.lines.filter((line) => !line.cleared);
  const byId = new Map(draft.lines.map((line) => [line.id, line]));
  const line = (candidate: { id: string }) => byId.get(candidate.id) as ReconciliationLine;
  return {
    differenceCents: draft.differenceCents,
    pending: draft.lines.filter((candidate) => candidate.pending),
    duplicates: likelyDuplicates(draft.lines).map(([a, b]) => [line(a), line(b)]),
    afterStatement: linesAfterStatement(db, id),
    explaining:
      draft.differenceCents === 0
        ? []
        : subsetsSummingTo(uncleared, draft.differenceCents, { limit: explainingSets }).map((set) => set.map(line)),
  };
}

function linesAfterStatement(db: Db, id: number): ReconciliationLine[] {
  const draft = requireReconciliation(db, id, 'draft');
  const rows = db.$client
    .prepare(
      `SELECT ${lineColumns}
         FROM transactions t
         LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
        WHERE t.account_id = @accountId AND t.date > @statementDate
          AND t.date <= date(@statementDate, '+${daysAfterStatement} days')
          AND t.removed_at IS NULL AND u.reconciled_at IS NULL
        ORDER BY t.date, t.rowid`,
    )
    .all({ accountId: draft.accountId, statementDate: draft.statementDate }) as StoredLine[];
  return rows.map((row) => ({ ...row, pending: row.pending === 1, cleared: false }));
}
