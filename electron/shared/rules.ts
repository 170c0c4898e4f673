import { z } from 'zod';
import { patternProblem, type PatternProblem, patternProblems, stripAccents } from './rule-pattern.ts';

/**
 * Categorization rules (design.md §8): the shapes the editor, IPC and the engine share.
 * Text conditions ignore case and accents ("Padaria São João" contains "sao joao"); amounts
 * compare magnitudes in cents (the sign has its own condition), so "49,90" matches the
 * purchase of R$ 49,90 that the books hold as -4990, and what the account was charged (the
 * reais of a purchase in US$), as every screen shows it first.
 */

/** Longest pattern or text a condition takes: long enough for any real description, short enough to stay cheap. */
export const maxConditionText = 200;
export const maxConditions = 20;

const text = z.string().trim().min(1).max(maxConditionText);
const ids = z.array(z.string().min(1).max(100)).min(1).max(200);

export const textFields = ['description', 'merchant', 'counterparty'] as const;
export const textOperators = ['contains', 'equals', 'regex'] as const;

export const TextCondition = z
  .object({ field: z.enum(textFields), operator: z.enum(textOperators), value: text })
  .strict();

/** A CPF (11 digits) or CNPJ (14 digits), punctuation allowed: matches the counterparty's or the merchant's. */
export const DocumentCondition = z
  .object({
    field: z.literal('document'),
    operator: z.literal('equals'),
    value: z
      .string()
      .max(30)
      .transform((value) => value.replace(/\D/g, ''))
      .refine((digits) => digits.length === 11 || digits.length === 14, 'CPF has 11 digits, CNPJ 14'),
  })
  .strict();

/** Pluggy's payment method (PIX, BOLETO, TED, CREDIT_CARD…): any of those listed. */
export const PaymentMethodCondition = z
  .object({ field: z.literal('paymentMethod'), operator: z.literal('in'), values: ids })
  .strict();

export const AmountCondition = z.discriminatedUnion('operator', [
  z.object({ field: z.literal('amount'), operator: z.literal('equals'), cents: z.number().int().min(0) }).strict(),
  z
    .object({
      field: z.literal('amount'),
      operator: z.literal('between'),
      minCents: z.number().int().min(0),
      maxCents: z.number().int().min(0),
    })
    .strict()
    .refine((range) => range.minCents <= range.maxCents, { message: 'min above max', path: ['maxCents'] }),
  /** 'in': money arriving (amount > 0); 'out': money leaving (amount < 0). */
  z.object({ field: z.literal('amount'), operator: z.literal('sign'), sign: z.enum(['in', 'out']) }).strict(),
]);

export const AccountCondition = z
  .object({ field: z.literal('account'), operator: z.literal('in'), values: ids })
  .strict();

/** Pluggy's own category for the transaction (its suggestion), any of those listed. */
export const PluggyCategoryCondition = z
  .object({ field: z.literal('pluggyCategory'), operator: z.literal('in'), values: ids })
  .strict();

export const Condition = z.union([
  TextCondition,
  DocumentCondition,
  PaymentMethodCondition,
  AmountCondition,
  AccountCondition,
  PluggyCategoryCondition,
]);
export type Condition = z.infer<typeof Condition>;
export type TextCondition = z.infer<typeof TextCondition>;

/**
 * What a rule sets, named as the user fields they land in. Each is optional; a rule sets at
 * least one. `tags` replaces the transaction's tags.
 */
const RuleActionsShape = z
  .object({
    categoryId: z.string().min(1).max(100).optional(),
    counterpartyDisplayName: z.string().trim().min(1).max(200).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).min(1).max(20).optional(),
    usage: z.enum(['business', 'personal']).optional(),
    deductible: z.boolean().optional(),
    notes: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();
export const RuleActions = RuleActionsShape.refine(
  // A key given as undefined is no action: count only the values.
  (actions) => Object.values(actions as Record<string, unknown>).some((value) => value !== undefined),
  'A rule sets at least one field',
);
export type RuleActions = z.infer<typeof RuleActions>;
export type RuleActionField = keyof RuleActions;
export const ruleActionFields = [
  'categoryId',
  'counterpartyDisplayName',
  'tags',
  'usage',
  'deductible',
  'notes',
] as const satisfies readonly RuleActionField[];

const ruleMatching = {
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(Condition).min(1).max(maxConditions),
};

/** A rule as the editor sends it; `id` when it updates one. Regexes are checked by `ruleIssues`. */
export const RuleDraft = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean().default(true),
    ...ruleMatching,
    actions: RuleActions,
  })
  .strict();
export type RuleDraft = z.input<typeof RuleDraft>;
export type ParsedRuleDraft = z.output<typeof RuleDraft>;

/**
 * What the editor's live preview needs: the conditions, before the rule has a name or
 * actions. Other keys are dropped, so the editor may send its whole draft as it stands.
 */
export const RuleConditions = z.object(ruleMatching);
export type RuleConditions = z.input<typeof RuleConditions>;

/**
 * A rule the editor opens prefilled ("create rule from this transaction"): like a draft,
 * but it may set nothing yet (the transaction had no category to copy).
 */
export const RulePrefill = z.object({
  name: z.string(),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(Condition),
  actions: RuleActionsShape,
});
export type RulePrefill = z.infer<typeof RulePrefill>;

/**
 * A problem the editor shows next to the part of the rule it is about: `problem` says which
 * (a pattern's, see rule-pattern.ts), `message` says it in English for logs.
 */
export const RuleIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  problem: z.enum(patternProblems),
});
export type RuleIssue = z.infer<typeof RuleIssue>;

export const Rule = z.object({
  id: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(Condition),
  actions: RuleActions,
  source: z.enum(['user', 'learned']),
  /**
   * Present when the rule does not run, saying why: a stored pattern this version refuses
   * (one saved before patterns ran on RE2, such as a lookahead). Sync and apply skip it.
   */
  issues: z.array(RuleIssue).min(1).optional(),
});
export type Rule = z.infer<typeof Rule>;

const patternMessages: Record<PatternProblem, string> = {
  invalid: 'Not a valid regular expression',
  lookaround: 'Lookahead and lookbehind, like (?=…), are not supported',
  backreference: 'Backreferences, like \\1, are not supported',
  tooComplex: 'Too complex: repetitions with large counts, like .{0,999}, are not supported',
};

/** What the structure cannot say: patterns that cannot run (see rule-pattern.ts). Empty when the rule is usable. */
export function ruleIssues(draft: Pick<ParsedRuleDraft, 'conditions'>): RuleIssue[] {
  return draft.conditions.flatMap((condition, index) => {
    if (condition.field === 'document' || condition.field === 'amount') return [];
    if (!('operator' in condition) || condition.operator !== 'regex') return [];
    const problem = patternProblem(condition.value);
    return problem ? [{ path: ['conditions', index, 'value'], message: patternMessages[problem], problem }] : [];
  });
}

/** Lower case without accents, as text conditions compare: "São JOÃO" → "sao joao". */
export function foldText(value: string): string {
  // Most bank descriptions are plain ASCII: skip Unicode normalization for them (the hot path of re-applying rules).
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value) ? value.toLowerCase() : stripAccents(value).toLowerCase();
}

/** A preview of what a rule would match, before it is saved. */
export const RulePreview = z.object({
  count: z.number().int(),
  rows: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      description: z.string(),
      /** The transaction's own amount and currency, as in TransactionRow (what an amount condition compares). */
      amountCents: z.number().int(),
      currencyCode: z.string(),
      /** What the account was charged, in the account's currency: what the preview shows first. */
      accountAmountCents: z.number().int(),
      accountCurrencyCode: z.string(),
      categoryId: z.string().nullable(),
    }),
  ),
});
export type RulePreview = z.infer<typeof RulePreview>;

export const RuleApplyInput = z
  .object({ ruleIds: z.array(z.number().int().positive()).min(1).max(1000).optional() })
  .strict()
  .optional();

export const RuleApplyResult = z.object({
  examined: z.number().int(),
  changed: z.number().int(),
  /** Undoes exactly this apply; null when nothing changed. */
  undoId: z.number().int().nullable(),
});
export type RuleApplyResult = z.infer<typeof RuleApplyResult>;

export const RuleApplyProgress = z.object({ done: z.number().int(), total: z.number().int() });
export type RuleApplyProgress = z.infer<typeof RuleApplyProgress>;

/** "Always put UBER under Transport?": the user chose this category by hand for ≥ 3 transactions sharing this key. */
export const RuleSuggestion = z.object({
  key: z.string(),
  field: z.enum(textFields),
  /** The text the suggested rule would look for (as the bank wrote it, not folded). */
  value: z.string(),
  categoryId: z.string(),
  count: z.number().int(),
});
export type RuleSuggestion = z.infer<typeof RuleSuggestion>;

export const RuleSuggestionInput = z.object({ key: z.string().min(1).max(300) }).strict();
