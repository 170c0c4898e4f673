import type { OpenedDatabase } from '../../../db/open.ts';
import type { RuleApplyProgress, RuleApplyResult } from '../../shared/rules.ts';
import { recordUndo } from '../books/undo.ts';
import { applyRules, FoldedSubject } from './engine.ts';
import { type ChangedRow, readRowsToApply, ruleChangeWriter, type RuleRow } from './rows.ts';
import { loadCompiledRules } from './store.ts';

export interface ApplyOptions {
  /** Only these rules (still in their order); every enabled rule when absent. */
  ruleIds?: readonly number[];
  onProgress?: (progress: RuleApplyProgress) => void;
  now?: Date;
}

/** Rows evaluated between progress reports. */
const progressEvery = 5000;

/**
 * Re-applies the rules to every live transaction but the reconciled (see readRowsToApply).
 * Deciding reads every row without taking the write lock; then one short write transaction
 * reads the rows to change again (a manual choice, or a reconciliation finished, meanwhile
 * must win over a decision taken on older data), records
 * their before-images in the undo journal and writes them: main's own writes (a sync) wait
 * only for that, and not at all when nothing changes. Rows the rules would leave as they
 * are are not written, so applying twice changes nothing the second time. Blocks its
 * thread: callers run it in a worker (see worker-client.ts).
 */
export function applyRulesToExisting(database: OpenedDatabase, options: ApplyOptions = {}): RuleApplyResult {
  const { db, sqlite } = database;
  const now = (options.now ?? new Date()).toISOString();
  const compiled = loadCompiledRules(db, options.ruleIds);
  const decide = (rows: readonly RuleRow[], report: boolean): ChangedRow[] => {
    const changed: ChangedRow[] = [];
    rows.forEach((row, index) => {
      const changes = applyRules(compiled, new FoldedSubject(row.subject), row.current);
      if (changes) changed.push({ id: row.id, changes, isNew: row.current === null });
      if (report && (index + 1) % progressEvery === 0) options.onProgress?.({ done: index + 1, total: rows.length });
    });
    return changed;
  };
  const rows = compiled.length > 0 ? readRowsToApply(sqlite) : [];
  const candidates = decide(rows, true);
  options.onProgress?.({ done: rows.length, total: rows.length });
  if (candidates.length === 0) return { examined: rows.length, changed: 0, undoId: null };

  const write = ruleChangeWriter(sqlite);
  const commit = sqlite.transaction((): RuleApplyResult => {
    const changed = decide(
      readRowsToApply(
        sqlite,
        candidates.map((row) => row.id),
      ),
      false,
    );
    if (changed.length === 0) return { examined: rows.length, changed: 0, undoId: null };
    const undoId = recordUndo(db, {
      kind: 'rules-apply',
      label: `Aplicar regras: ${changed.length} transações`,
      transactionIds: changed.map((row) => row.id),
    });
    write(changed, now);
    return { examined: rows.length, changed: changed.length, undoId };
  });
  return commit.immediate();
}
