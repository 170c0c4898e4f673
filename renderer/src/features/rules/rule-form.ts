import { type PatternProblem, patternProblem } from '../../../../electron/shared/rule-pattern.ts';
import {
  type Condition,
  maxConditionText,
  type RuleConditions,
  type RuleDraft,
  type RulePrefill,
  type RuleActions,
  type RuleIssue,
} from '../../../../electron/shared/rules.ts';
import type { Language } from '../../../../electron/shared/models.ts';
import { formatTaxId } from '../../../../electron/shared/tax-id.ts';
import { formatMoneyInput, parseAmountInput } from '../../components/money-text.ts';

/**
 * The rule editor's state and its reading into a draft. The form keeps what the user typed
 * (amounts as text, tags as one line) so a half-typed value is never lost, and every field
 * a condition may need, so changing a row's kind keeps what it can.
 */

export type ConditionField = Condition['field'];
export type ConditionOperator = Condition['operator'];

export const conditionFields = [
  'description',
  'merchant',
  'counterparty',
  'document',
  'paymentMethod',
  'amount',
  'account',
  'pluggyCategory',
] as const satisfies readonly ConditionField[];

/** Pluggy's payment methods (paymentData.paymentMethod). */
export const paymentMethods = ['PIX', 'TED', 'DOC', 'TEV', 'BOLETO'] as const;

export function operatorsFor(field: ConditionField): readonly ConditionOperator[] {
  switch (field) {
    case 'description':
    case 'merchant':
    case 'counterparty':
      return ['contains', 'equals', 'regex'];
    case 'document':
      return ['equals'];
    case 'amount':
      return ['equals', 'between', 'sign'];
    default:
      return ['in'];
  }
}

export interface ConditionForm {
  /** React's key for the row: rows are added and removed in the middle. */
  key: number;
  field: ConditionField;
  operator: ConditionOperator;
  /** The text, pattern, CPF/CNPJ or exact amount typed. */
  text: string;
  min: string;
  max: string;
  sign: 'in' | 'out';
  /** Payment methods, account ids or Pluggy category ids. */
  values: string[];
}

export interface ActionsForm {
  categoryId: string | null;
  counterpartyDisplayName: string;
  /** Comma-separated, as typed. */
  tags: string;
  usage: '' | 'business' | 'personal';
  deductible: '' | 'yes' | 'no';
  notes: string;
}

export interface RuleForm {
  id?: number;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: ConditionForm[];
  actions: ActionsForm;
}

/** Why a part of the form cannot be saved: a key under `rules.problems` in the locales. */
export type Problem =
  | 'required'
  | 'tooLong'
  | 'regexInvalid'
  | 'regexLookaround'
  | 'regexBackreference'
  | 'regexTooComplex'
  | 'document'
  | 'amount'
  | 'range'
  | 'choose'
  | 'noAction'
  | 'tags';

/** Problems by where they show: `name`, `conditions.2.text`, `actions`… */
export type Problems = Record<string, Problem>;

let nextKey = 1;

export function newCondition(field: ConditionField = 'description'): ConditionForm {
  return {
    key: nextKey++,
    field,
    operator: operatorsFor(field)[0] ?? 'contains',
    text: '',
    min: '',
    max: '',
    sign: 'out',
    values: [],
  };
}

/** The same row as another kind of condition: the operator resets when the new kind has no such operator. */
export function withField(row: ConditionForm, field: ConditionField): ConditionForm {
  const operators = operatorsFor(field);
  const operator = operators.includes(row.operator) ? row.operator : (operators[0] ?? row.operator);
  const keepsValues = field === row.field;
  return { ...row, field, operator, values: keepsValues ? row.values : [] };
}

export function emptyForm(): RuleForm {
  return {
    name: '',
    enabled: true,
    match: 'all',
    conditions: [newCondition()],
    actions: { categoryId: null, counterpartyDisplayName: '', tags: '', usage: '', deductible: '', notes: '' },
  };
}

/** A saved rule or a prefill, as the editor shows it. */
export function formFromRule(rule: RulePrefill & { id?: number }, language: Language): RuleForm {
  const amount = (cents: number) => formatMoneyInput(cents, language);
  const { actions } = rule;
  return {
    ...(rule.id !== undefined ? { id: rule.id } : {}),
    name: rule.name,
    enabled: rule.enabled,
    match: rule.match,
    conditions: rule.conditions.map((condition) => {
      const row = { ...newCondition(condition.field), operator: condition.operator };
      if ('value' in condition)
        return { ...row, text: condition.field === 'document' ? formatTaxId(condition.value) : condition.value };
      if ('values' in condition) return { ...row, values: condition.values };
      if ('cents' in condition) return { ...row, text: amount(condition.cents) };
      if ('minCents' in condition) return { ...row, min: amount(condition.minCents), max: amount(condition.maxCents) };
      return { ...row, sign: condition.sign };
    }),
    actions: {
      categoryId: actions.categoryId ?? null,
      counterpartyDisplayName: actions.counterpartyDisplayName ?? '',
      tags: actions.tags?.join(', ') ?? '',
      usage: actions.usage ?? '',
      deductible: actions.deductible === undefined ? '' : actions.deductible ? 'yes' : 'no',
      notes: actions.notes ?? '',
    },
  };
}

/** A pattern's problem (see rule-pattern.ts) in the editor's words. */
export const problemOfPattern: Record<PatternProblem, Problem> = {
  invalid: 'regexInvalid',
  lookaround: 'regexLookaround',
  backreference: 'regexBackreference',
  tooComplex: 'regexTooComplex',
};

function regexIssue(pattern: string): Problem | null {
  const problem = patternProblem(pattern);
  return problem === null ? null : problemOfPattern[problem];
}

/** Amounts compare sizes: a minus typed is ignored, as in the transactions filter. */
function readAmount(text: string): number | undefined {
  const cents = parseAmountInput(text);
  return cents === undefined ? undefined : Math.abs(cents);
}

function readCondition(row: ConditionForm, at: string, problems: Problems): Condition | null {
  const fail = (part: string, problem: Problem) => {
    problems[`${at}.${part}`] = problem;
    return null;
  };
  switch (row.field) {
    case 'description':
    case 'merchant':
    case 'counterparty': {
      const value = row.text.trim();
      if (!value) return fail('text', 'required');
      if (value.length > maxConditionText) return fail('text', 'tooLong');
      const operator = row.operator === 'equals' || row.operator === 'regex' ? row.operator : 'contains';
      const regex = operator === 'regex' ? regexIssue(value) : null;
      if (regex) return fail('text', regex);
      return { field: row.field, operator, value };
    }
    case 'document': {
      const digits = row.text.replace(/\D/g, '');
      if (digits.length !== 11 && digits.length !== 14) return fail('text', row.text.trim() ? 'document' : 'required');
      return { field: 'document', operator: 'equals', value: digits };
    }
    case 'amount': {
      if (row.operator === 'sign') return { field: 'amount', operator: 'sign', sign: row.sign };
      if (row.operator === 'between') {
        const minCents = readAmount(row.min);
        const maxCents = readAmount(row.max);
        if (minCents === undefined) return fail('min', row.min.trim() ? 'amount' : 'required');
        if (maxCents === undefined) return fail('max', row.max.trim() ? 'amount' : 'required');
        if (minCents > maxCents) return fail('max', 'range');
        return { field: 'amount', operator: 'between', minCents, maxCents };
      }
      const cents = readAmount(row.text);
      if (cents === undefined) return fail('text', row.text.trim() ? 'amount' : 'required');
      return { field: 'amount', operator: 'equals', cents };
    }
    default:
      if (row.values.length === 0) return fail('values', 'choose');
      return { field: row.field, operator: 'in', values: row.values };
  }
}

function readActions(actions: ActionsForm, problems: Problems): RuleActions | null {
  const tags = actions.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length > 20 || tags.some((tag) => tag.length > 50)) problems['actions.tags'] = 'tags';
  const read: RuleActions = {
    ...(actions.categoryId ? { categoryId: actions.categoryId } : {}),
    ...(actions.counterpartyDisplayName.trim()
      ? { counterpartyDisplayName: actions.counterpartyDisplayName.trim() }
      : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(actions.usage ? { usage: actions.usage } : {}),
    ...(actions.deductible ? { deductible: actions.deductible === 'yes' } : {}),
    ...(actions.notes.trim() ? { notes: actions.notes.trim() } : {}),
  };
  if (Object.keys(read).length === 0) problems.actions = 'noAction';
  return problems['actions.tags'] || problems.actions ? null : read;
}

interface ReadForm {
  /** The conditions, when they are all valid: what the live preview asks about. */
  conditions: RuleConditions | null;
  /** The whole rule, when nothing is wrong: what Save sends. */
  draft: RuleDraft | null;
  problems: Problems;
}

/** The form as the backend takes it, or what keeps it from being saved, by field. */
export function readForm(form: RuleForm): ReadForm {
  const problems: Problems = {};
  const name = form.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > 100) problems.name = 'tooLong';
  const conditions = form.conditions.map((row, index) => readCondition(row, `conditions.${index}`, problems));
  if (form.conditions.length === 0) problems.conditions = 'required';
  const actions = readActions(form.actions, problems);
  const valid = conditions.every((condition) => condition !== null) && conditions.length > 0;
  const matching = valid ? { match: form.match, conditions } : null;
  const draft =
    matching && actions && !problems.name
      ? { ...(form.id !== undefined ? { id: form.id } : {}), name, enabled: form.enabled, ...matching, actions }
      : null;
  return { conditions: matching, draft, problems };
}

/** The backend's issues (RULE_INVALID details: a pattern's, or a stored rule's) placed on the form's fields. */
export function problemsFromIssues(issues: readonly RuleIssue[]): Problems {
  const problems: Problems = {};
  for (const issue of issues) {
    const [root, index] = issue.path;
    problems[root === 'conditions' && typeof index === 'number' ? `conditions.${index}.text` : String(root ?? 'name')] =
      problemOfPattern[issue.problem];
  }
  return problems;
}
