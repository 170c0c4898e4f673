import type { TFunction } from 'i18next';
import type { Condition, Rule } from '../../../../electron/shared/rules.ts';
import { formatTaxId } from '../../../../electron/shared/tax-id.ts';

/** Names for the ids a rule holds, and money as the user reads it. */
export interface SummaryContext {
  t: TFunction;
  money: (cents: number) => string;
  categoryName: (id: string) => string;
  accountName: (id: string) => string;
}

function describeCondition(condition: Condition, { t, money, categoryName, accountName }: SummaryContext): string {
  switch (condition.field) {
    case 'document':
      return t('rules.summary.document', { value: formatTaxId(condition.value) });
    case 'amount':
      if (condition.operator === 'equals') return t('rules.summary.amountEquals', { amount: money(condition.cents) });
      if (condition.operator === 'between')
        return t('rules.summary.amountBetween', { min: money(condition.minCents), max: money(condition.maxCents) });
      return t(`rules.summary.sign.${condition.sign}`);
    case 'paymentMethod':
      return t('rules.summary.paymentMethod', { values: condition.values.join(', ') });
    case 'account':
      return t('rules.summary.account', { values: condition.values.map(accountName).join(', ') });
    case 'pluggyCategory':
      return t('rules.summary.pluggyCategory', { values: condition.values.map(categoryName).join(', ') });
    default:
      return t(`rules.summary.text.${condition.operator}`, {
        field: t(`rules.summary.fields.${condition.field}`),
        value: condition.value,
      });
  }
}

/** "When the description contains "UBER" and …": the conditions in plain words. */
export function summarizeConditions(rule: Pick<Rule, 'match' | 'conditions'>, context: SummaryContext): string {
  const parts = rule.conditions.map((condition) => describeCondition(condition, context));
  return context.t('rules.summary.when', { conditions: parts.join(context.t(`rules.summary.joiner.${rule.match}`)) });
}

/** "Set category Transport; mark as business; …": what the rule does, in plain words. */
export function summarizeActions(actions: Rule['actions'], context: SummaryContext): string {
  const { t } = context;
  const parts: string[] = [];
  if (actions.categoryId) parts.push(t('rules.summary.category', { name: context.categoryName(actions.categoryId) }));
  if (actions.counterpartyDisplayName)
    parts.push(t('rules.summary.counterpartyName', { name: actions.counterpartyDisplayName }));
  if (actions.tags) parts.push(t('rules.summary.tags', { tags: actions.tags.join(', ') }));
  if (actions.usage) parts.push(t(`rules.summary.usage.${actions.usage}`));
  if (actions.deductible !== undefined)
    parts.push(t(actions.deductible ? 'rules.summary.deductible' : 'rules.summary.notDeductible'));
  if (actions.notes) parts.push(t('rules.summary.notes', { notes: actions.notes }));
  return t('rules.summary.then', { actions: parts.join('; ') });
}
