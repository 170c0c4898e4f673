import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { settings } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { foldText, maxConditionText, type Rule, type RulePrefill, type RuleSuggestion } from '../../shared/rules.ts';
import { FoldedSubject, type RuleSubject } from './engine.ts';
import { loadCompiledRules, saveRule } from './store.ts';

/** Manual choices of one category for one key before a rule is suggested. */
const suggestAfter = 3;
/** Where dismissed suggestions' keys are remembered (a JSON list). */
const dismissedSettingKey = 'rules.dismissedSuggestions';

type KeyField = RuleSuggestion['field'];

/**
 * The text a rule would look for in a transaction, and in which field: the merchant, else
 * the counterparty, else the description. Trailing numbers and punctuation go ("UBER *TRIP
 * 4821" → "UBER *TRIP"), as banks append references that differ every time.
 */
function ruleKey(row: Pick<RuleSubject, 'description' | 'merchantName' | 'counterpartyName'>): {
  field: KeyField;
  value: string;
  key: string;
} | null {
  const [field, raw]: [KeyField, string] = row.merchantName?.trim()
    ? ['merchant', row.merchantName]
    : row.counterpartyName?.trim()
      ? ['counterparty', row.counterpartyName]
      : ['description', row.description];
  const value = raw
    .replace(/\s+/g, ' ')
    .replace(/[\s\d\p{P}\p{S}]+$/u, '')
    .trim()
    .slice(0, maxConditionText);
  return value ? { field, value, key: `${field}:${foldText(value)}` } : null;
}

interface ManualRow extends RuleSubject {
  categoryId: string;
}

/**
 * Rules the user's habits suggest (design.md §8, "learning from repeated manual choices"):
 * a key whose transactions the user put by hand into the same category at least
 * `suggestAfter` times, that no enabled rule already categorizes, and that the user did not
 * dismiss. Most frequent first.
 */
export function ruleSuggestions(db: Db): RuleSuggestion[] {
  const sqlite: Database.Database = db.$client;
  const manual = sqlite
    .prepare<[], ManualRow>(
      `SELECT t.description, t.merchant_name AS merchantName, t.counterparty_name AS counterpartyName,
              t.counterparty_document AS counterpartyDocument, t.merchant_cnpj AS merchantCnpj,
              t.payment_method AS paymentMethod, coalesce(t.amount_in_account_currency_cents, t.amount_cents) AS amountCents, t.account_id AS accountId,
              t.pluggy_category_id AS pluggyCategoryId, u.category_id AS categoryId
       FROM transaction_user_data u JOIN transactions t ON t.id = u.transaction_id
       WHERE u.category_source = 'manual' AND u.category_id IS NOT NULL AND t.removed_at IS NULL`,
    )
    .all();
  const groups = new Map<string, { field: KeyField; value: string; sample: ManualRow; counts: Map<string, number> }>();
  for (const row of manual) {
    const key = ruleKey(row);
    if (!key) continue;
    let group = groups.get(key.key);
    if (!group) groups.set(key.key, (group = { field: key.field, value: key.value, sample: row, counts: new Map() }));
    group.counts.set(row.categoryId, (group.counts.get(row.categoryId) ?? 0) + 1);
  }
  const dismissed = new Set(readDismissed(db));
  const categorizing = loadCompiledRules(db).filter((rule) => rule.actions.categoryId !== undefined);
  const suggestions: RuleSuggestion[] = [];
  for (const [key, group] of groups) {
    if (dismissed.has(key)) continue;
    const [categoryId, count] = [...group.counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (count < suggestAfter) continue;
    const sample = new FoldedSubject(group.sample);
    if (categorizing.some((rule) => rule.matches(sample))) continue;
    suggestions.push({ key, field: group.field, value: group.value, categoryId, count });
  }
  return suggestions.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Turns a suggestion into a rule (source 'learned', last in order). */
export function acceptSuggestion(db: Db, key: string): Rule {
  const suggestion = ruleSuggestions(db).find((candidate) => candidate.key === key);
  if (!suggestion) throw new AppError('NOT_FOUND', `No rule suggestion ${key}`);
  return saveRule(
    db,
    {
      name: suggestion.value,
      enabled: true,
      match: 'all',
      conditions: [{ field: suggestion.field, operator: 'contains', value: suggestion.value }],
      actions: { categoryId: suggestion.categoryId },
    },
    'learned',
  );
}

/** Never suggests this key again. */
export function dismissSuggestion(db: Db, key: string, now: Date = new Date()): void {
  const value = [...new Set([...readDismissed(db), key])];
  const updatedAt = now.toISOString();
  db.insert(settings)
    .values({ key: dismissedSettingKey, value, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
    .run();
}

function readDismissed(db: Db): string[] {
  const value = db.select().from(settings).where(eq(settings.key, dismissedSettingKey)).get()?.value;
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * "Create rule from this transaction": a draft that looks for its merchant (else its
 * counterparty, else its description) and sets the category it has now, the user's or
 * Pluggy's. The editor shows it; nothing is saved yet.
 */
export function prefillFromTransaction(db: Db, transactionId: string): RulePrefill {
  const sqlite: Database.Database = db.$client;
  const row = sqlite
    .prepare<
      [string],
      { description: string; merchantName: string | null; counterpartyName: string | null; categoryId: string | null }
    >(
      `SELECT t.description, t.merchant_name AS merchantName, t.counterparty_name AS counterpartyName,
              coalesce(u.category_id, t.pluggy_category_id) AS categoryId
       FROM transactions t LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
       WHERE t.id = ?`,
    )
    .get(transactionId);
  if (!row) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${transactionId}`);
  const key = ruleKey(row);
  const value = key?.value ?? row.description.trim().slice(0, maxConditionText);
  return {
    name: value.slice(0, 100),
    enabled: true,
    match: 'all',
    conditions: [{ field: key?.field ?? 'description', operator: 'contains', value }],
    actions: row.categoryId ? { categoryId: row.categoryId } : {},
  };
}
