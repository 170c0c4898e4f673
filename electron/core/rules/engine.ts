import { compilePattern, type RulePattern } from '../../shared/rule-pattern.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type Condition,
  foldText,
  maxConditionText,
  type ParsedRuleDraft,
  type Rule,
  type RuleActionField,
  ruleActionFields,
  type RuleActions,
  ruleIssues,
} from '../../shared/rules.ts';

/** The provider fields a rule looks at: a plain view of one transaction row. */
export interface RuleSubject {
  description: string;
  merchantName: string | null;
  counterpartyName: string | null;
  counterpartyDocument: string | null;
  merchantCnpj: string | null;
  paymentMethod: string | null;
  /**
   * What the account was charged, in its currency (a US$ purchase on a BRL card: the reais),
   * as every screen shows it first and the Transações amount filter compares.
   */
  amountCents: number;
  accountId: string;
  pluggyCategoryId: string | null;
}

/** The transaction's user fields now (null: it has none), as rules read and write them. */
export interface CurrentUserFields {
  categoryId: string | null;
  categorySource: 'manual' | 'rule' | null;
  /** Fields the user set by hand besides the category: rules leave them alone. */
  manualFields: readonly string[] | null;
  counterpartyDisplayName: string | null;
  notes: string | null;
  tags: readonly string[] | null;
  usage: 'business' | 'personal' | null;
  deductible: boolean | null;
}

/** What applying the rules changes: only fields whose value differs, and the rule that decided the first of them. */
export interface RuleChanges {
  fields: RuleActions;
  ruleId: number;
}

export interface CompiledRule {
  id: number;
  actions: RuleActions;
  matches: (subject: FoldedSubject) => boolean;
  /** The fields the rule sets, each with its value and its bit in `applyRules`' mask. */
  sets: readonly (readonly [RuleActionField, unknown, number])[];
}

/** Every action field's bit set: all decided. */
const allFields = (1 << ruleActionFields.length) - 1;

/** A subject whose texts are folded (lower case, no accents) once, on first use, however many rules look. */
export class FoldedSubject {
  private description?: string;
  private merchant?: string | null;
  private counterparty?: string | null;

  readonly row: RuleSubject;

  constructor(row: RuleSubject) {
    this.row = row;
  }

  text(field: 'description' | 'merchant' | 'counterparty'): string | null {
    switch (field) {
      case 'description':
        return (this.description ??= foldText(this.row.description.slice(0, 4 * maxConditionText)));
      case 'merchant':
        return this.merchant === undefined ? (this.merchant = foldOrNull(this.row.merchantName)) : this.merchant;
      case 'counterparty':
        return this.counterparty === undefined
          ? (this.counterparty = foldOrNull(this.row.counterpartyName))
          : this.counterparty;
    }
  }
}

/** Texts a regex runs against are capped too, so a pattern's worst case stays bounded. */
function foldOrNull(value: string | null): string | null {
  return value === null ? null : foldText(value.slice(0, 4 * maxConditionText));
}

/** The conditions of a rule (or a whole rule), once every pattern in them is known to run; else RULE_INVALID. */
export function usable<T extends Pick<ParsedRuleDraft, 'conditions'>>(draft: T): T {
  const issues = ruleIssues(draft);
  if (issues.length > 0)
    throw new AppError('RULE_INVALID', issues.map((issue) => issue.message).join('; '), { issues });
  return draft;
}

/**
 * Turns a rule into a predicate. A rule with a pattern that cannot run (stored before
 * patterns ran on RE2, see Rule.issues) matches nothing rather than throwing: a bad rule
 * must never stop a sync, nor run on its other conditions alone.
 */
export function compile(rule: Pick<Rule, 'id' | 'match' | 'conditions' | 'actions'>): CompiledRule {
  const tests = rule.conditions.map(compileCondition);
  const runnable = tests.filter((test) => test !== null);
  const matches =
    runnable.length < tests.length
      ? () => false
      : rule.match === 'all'
        ? (subject: FoldedSubject) => runnable.every((test) => test(subject))
        : (subject: FoldedSubject) => runnable.some((test) => test(subject));
  const sets = ruleActionFields.flatMap((field, index) => {
    const value = rule.actions[field];
    return value === undefined ? [] : [[field, value, 1 << index] as const];
  });
  return { id: rule.id, actions: rule.actions, matches, sets };
}

type Test = (subject: FoldedSubject) => boolean;

/** The condition's test, or null when its pattern cannot run. */
function compileCondition(condition: Condition): Test | null {
  switch (condition.field) {
    case 'description':
    case 'merchant':
    case 'counterparty': {
      const { field } = condition;
      if (condition.operator === 'regex') {
        let pattern: RulePattern;
        try {
          pattern = compilePattern(condition.value);
        } catch {
          return null;
        }
        return (subject) => {
          const value = subject.text(field);
          return value !== null && pattern.test(value);
        };
      }
      const wanted = foldText(condition.value);
      return condition.operator === 'equals'
        ? (subject) => subject.text(field) === wanted
        : (subject) => subject.text(field)?.includes(wanted) ?? false;
    }
    case 'document': {
      const wanted = condition.value;
      return ({ row }) => digits(row.counterpartyDocument) === wanted || digits(row.merchantCnpj) === wanted;
    }
    case 'paymentMethod': {
      const wanted = new Set(condition.values.map((value) => value.toUpperCase()));
      return ({ row }) => row.paymentMethod !== null && wanted.has(row.paymentMethod.toUpperCase());
    }
    case 'amount':
      switch (condition.operator) {
        case 'equals': {
          const { cents } = condition;
          return ({ row }) => Math.abs(row.amountCents) === cents;
        }
        case 'between': {
          const { minCents, maxCents } = condition;
          return ({ row }) => {
            const magnitude = Math.abs(row.amountCents);
            return magnitude >= minCents && magnitude <= maxCents;
          };
        }
        case 'sign':
          return condition.sign === 'in' ? ({ row }) => row.amountCents > 0 : ({ row }) => row.amountCents < 0;
      }
      break;
    case 'account': {
      const wanted = new Set(condition.values);
      return ({ row }) => wanted.has(row.accountId);
    }
    case 'pluggyCategory': {
      const wanted = new Set(condition.values);
      return ({ row }) => row.pluggyCategoryId !== null && wanted.has(row.pluggyCategoryId);
    }
  }
}

function digits(value: string | null): string | null {
  return value === null ? null : value.replace(/\D/g, '');
}

/**
 * The user-field changes the rules make to one transaction. Rules are taken in the order
 * given (position order, enabled ones: the caller's job); for each field the first
 * matching rule that sets it decides, even when it decides to leave it as it is. Fields
 * the user set by hand are never touched (the category when its source is 'manual', the
 * others when listed in `manualFields`); Pluggy's category is not a user field, so a rule
 * simply overrides it. Null when nothing would change: re-applying writes nothing.
 */
export function applyRules(
  rules: readonly CompiledRule[],
  subject: RuleSubject | FoldedSubject,
  current: CurrentUserFields | null,
): RuleChanges | null {
  const folded = subject instanceof FoldedSubject ? subject : new FoldedSubject(subject);
  // A bit per field already decided: this runs 100k times per re-apply, so no Set per row.
  let decided = 0;
  const fields: Record<string, unknown> = {};
  let ruleId: number | null = null;
  for (const rule of rules) {
    if (decided === allFields) break;
    if (!rule.matches(folded)) continue;
    for (const [field, value, bit] of rule.sets) {
      if (decided & bit) continue;
      decided |= bit;
      if (isManual(current, field) || isSame(current, field, value)) continue;
      fields[field] = value;
      ruleId ??= rule.id;
    }
  }
  return ruleId === null ? null : { fields, ruleId };
}

function isManual(current: CurrentUserFields | null, field: RuleActionField): boolean {
  if (current === null) return false;
  if (field === 'categoryId') return current.categorySource === 'manual';
  return current.manualFields?.includes(field) ?? false;
}

function isSame(current: CurrentUserFields | null, field: RuleActionField, value: unknown): boolean {
  if (current === null) return false;
  if (field === 'categoryId') return current.categorySource === 'rule' && current.categoryId === value;
  if (field === 'tags') {
    const tags = current.tags;
    const wanted = value as readonly string[];
    return tags !== null && tags.length === wanted.length && tags.every((tag, index) => tag === wanted[index]);
  }
  return current[field] === value;
}
