import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { rules } from '../../../db/schema.ts';
import { requireAssignableCategory } from '../books/categories.ts';
import { AppError } from '../../shared/errors.ts';
import { Condition, type ParsedRuleDraft, type Rule, RuleActions, RuleDraft, ruleIssues } from '../../shared/rules.ts';
import { type CompiledRule, compile, usable } from './engine.ts';

type RuleRow = typeof rules.$inferSelect;

/**
 * A stored row as a rule, or null when its JSON no longer fits the schema (written by a
 * newer version, or edited by hand): such a rule is left out rather than breaking the list.
 * A rule whose patterns cannot run is listed with its issues, and does not run.
 */
function toRule(row: RuleRow): Rule | null {
  const conditions = Condition.array().safeParse(row.conditions);
  const actions = RuleActions.safeParse(row.actions);
  if (!conditions.success || !actions.success) return null;
  const issues = ruleIssues({ conditions: conditions.data });
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    enabled: row.enabled,
    match: row.match,
    conditions: conditions.data,
    actions: actions.data,
    source: row.source,
    ...(issues.length > 0 ? { issues } : {}),
  };
}

/** The draft with its defaults, or RULE_INVALID for patterns that cannot run, with each problem's path for the editor. */
function usableDraft(input: RuleDraft): ParsedRuleDraft {
  return usable(RuleDraft.parse(input));
}

/** Every rule, in the order they apply. */
export function listRules(db: Db): Rule[] {
  return db
    .select()
    .from(rules)
    .orderBy(asc(rules.position), asc(rules.id))
    .all()
    .flatMap((row) => toRule(row) ?? []);
}

/** The enabled rules (all, or those of `ids`) in order, ready to run; those that cannot run are left out. */
export function loadCompiledRules(db: Db, ids?: readonly number[]): CompiledRule[] {
  return listRules(db)
    .filter((rule) => rule.enabled && !rule.issues && (ids === undefined || ids.includes(rule.id)))
    .map(compile);
}

/** Creates a rule (last in order) or updates the one with the draft's id. */
export function saveRule(db: Db, input: RuleDraft, source: Rule['source'] = 'user', now: Date = new Date()): Rule {
  const draft = usableDraft(input);
  const values = {
    name: draft.name,
    enabled: draft.enabled,
    match: draft.match,
    conditions: draft.conditions,
    actions: draft.actions,
  };
  const row = db.transaction((tx) => {
    if (draft.actions.categoryId !== undefined) requireAssignableCategory(tx, draft.actions.categoryId);
    if (draft.id !== undefined) {
      const [updated] = tx
        .update(rules)
        .set({ ...values, updatedAt: now.toISOString() })
        .where(eq(rules.id, draft.id))
        .returning()
        .all();
      if (!updated) throw new AppError('NOT_FOUND', `No rule ${draft.id}`);
      return updated;
    }
    const last = tx
      .select({ position: sql<number | null>`max(${rules.position})` })
      .from(rules)
      .get();
    return tx
      .insert(rules)
      .values({ ...values, source, position: (last?.position ?? -1) + 1 })
      .returning()
      .get();
  });
  const rule = toRule(row);
  if (!rule) throw new AppError('INTERNAL', `Rule ${row.id} was stored unreadable`);
  return rule;
}

export function deleteRule(db: Db, id: number): void {
  if (db.delete(rules).where(eq(rules.id, id)).run().changes === 0) throw new AppError('NOT_FOUND', `No rule ${id}`);
}

/** Puts the rules in the given order: the list must name every rule once. */
export function reorderRules(db: Db, ids: readonly number[]): Rule[] {
  db.transaction((tx) => {
    const existing = tx.select({ id: rules.id }).from(rules).all();
    const known = new Set(existing.map((row) => row.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw new AppError('INVALID_INPUT', 'The new order must list every rule exactly once');
    }
    ids.forEach((id, position) => tx.update(rules).set({ position }).where(eq(rules.id, id)).run());
  });
  return listRules(db);
}

/** Whether any rule with these ids exists (to tell "unknown rule" from "nothing to do"). */
export function missingRuleIds(db: Db, ids: readonly number[]): number[] {
  const found = new Set(
    db
      .select({ id: rules.id })
      .from(rules)
      .where(inArray(rules.id, [...ids]))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}
