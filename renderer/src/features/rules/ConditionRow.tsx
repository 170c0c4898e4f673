import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { maskTaxIdTyping } from '../../../../electron/shared/tax-id.ts';
import { AccountName, byInstitution } from '../../components/AccountName.tsx';
import type { CategoryOption } from '../transactions/category-options.ts';
import { CategoryField } from './CategoryField.tsx';
import { FieldProblem, problemProps } from './FieldProblem.tsx';
import {
  type ConditionField,
  type ConditionForm,
  conditionFields,
  type ConditionOperator,
  operatorsFor,
  paymentMethods,
  type Problem,
  withField,
} from './rule-form.ts';

type ConditionPart =
  'field' | 'operator' | 'text' | 'document' | 'amount' | 'min' | 'max' | 'sign' | 'values' | 'remove';

/** One condition of the rule being edited: what to look at, how, and the value. */
export function ConditionRow({
  row,
  number,
  problemAt,
  accounts,
  pluggyCategories,
  onChange,
  onRemove,
}: {
  row: ConditionForm;
  /** 1-based, for the fields' names ("Text of condition 2"). */
  number: number;
  problemAt: (part: 'text' | 'min' | 'max' | 'values') => Problem | undefined;
  accounts: readonly AccountSummary[];
  pluggyCategories: readonly CategoryOption[];
  onChange: (row: ConditionForm) => void;
  /** Absent for the only condition: a rule needs one. */
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const label = (key: ConditionPart) => t(`rules.editor.conditionParts.${key}`, { number });
  const operators = operatorsFor(row.field);

  const textInput = (
    part: 'text' | 'min' | 'max',
    labelKey: ConditionPart,
    extra: { placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {},
    mask: (typed: string) => string = (typed) => typed,
  ) => {
    const problem = problemAt(part);
    return (
      <span className="rule-value">
        <input
          aria-label={label(labelKey)}
          value={row[part]}
          onChange={(event) => onChange({ ...row, [part]: mask(event.target.value) })}
          {...extra}
          {...problemProps(`${id}-${part}`, problem)}
        />
        <FieldProblem id={`${id}-${part}`} problem={problem} />
      </span>
    );
  };

  const check = (choice: { id: string; name: ReactNode }) => (
    <label key={choice.id}>
      <input
        type="checkbox"
        checked={row.values.includes(choice.id)}
        onChange={(event) =>
          onChange({
            ...row,
            values: event.target.checked
              ? [...row.values, choice.id]
              : row.values.filter((value) => value !== choice.id),
          })
        }
      />
      {choice.name}
    </label>
  );

  /** Check boxes, in groups under a heading each when given (accounts by institution). */
  const checkList = (
    choices: readonly { id: string; name: ReactNode }[],
    groups?: readonly { heading: string; choices: readonly { id: string; name: ReactNode }[] }[],
  ) => {
    const problem = problemAt('values');
    return (
      <fieldset
        className={groups ? 'rule-value rule-checks rule-check-groups' : 'rule-value rule-checks'}
        {...problemProps(`${id}-values`, problem)}
      >
        <legend className="visually-hidden">{label('values')}</legend>
        {groups
          ? groups.map((group) => (
              <fieldset key={group.heading} className="rule-check-group">
                <legend className="account-group-heading">{group.heading}</legend>
                {group.choices.map(check)}
              </fieldset>
            ))
          : choices.map(check)}
        <FieldProblem id={`${id}-values`} problem={problem} />
      </fieldset>
    );
  };

  const value = () => {
    switch (row.field) {
      case 'document':
        return textInput('text', 'document', { placeholder: '000.000.000-00', inputMode: 'numeric' }, maskTaxIdTyping);
      case 'amount':
        if (row.operator === 'between')
          return (
            <span className="rule-range">
              {textInput('min', 'min', { placeholder: t('rules.editor.amountHint'), inputMode: 'decimal' })}
              <span>{t('rules.editor.and')}</span>
              {textInput('max', 'max', { placeholder: t('rules.editor.amountHint'), inputMode: 'decimal' })}
            </span>
          );
        if (row.operator === 'sign')
          return (
            <select
              aria-label={label('sign')}
              value={row.sign}
              onChange={(event) => onChange({ ...row, sign: event.target.value === 'in' ? 'in' : 'out' })}
            >
              <option value="out">{t('rules.editor.signs.out')}</option>
              <option value="in">{t('rules.editor.signs.in')}</option>
            </select>
          );
        return textInput('text', 'amount', { placeholder: t('rules.editor.amountHint'), inputMode: 'decimal' });
      case 'paymentMethod':
        // A method saved by another version and not in the list still shows, so it can be unticked.
        return checkList(
          [...new Set([...paymentMethods, ...row.values])].map((method) => ({ id: method, name: method })),
        );
      case 'account': {
        const choice = (account: AccountSummary) => ({ id: account.id, name: <AccountName account={account} /> });
        return checkList(
          accounts.map(choice),
          byInstitution(accounts).map((group) => ({
            heading: group.institution,
            choices: group.accounts.map(choice),
          })),
        );
      }
      case 'pluggyCategory': {
        const problem = problemAt('values');
        return (
          <span className="rule-value">
            <CategoryField
              label={label('values')}
              options={pluggyCategories}
              value={row.values}
              multiple
              onChange={(values) => onChange({ ...row, values })}
              describedBy={problem ? `${id}-values` : undefined}
            />
            <FieldProblem id={`${id}-values`} problem={problem} />
          </span>
        );
      }
      default:
        return textInput('text', 'text', row.operator === 'regex' ? { placeholder: 'UBER|99 ?POP' } : {});
    }
  };

  return (
    <li className="rule-condition">
      <select
        aria-label={label('field')}
        value={row.field}
        onChange={(event) => onChange(withField(row, event.target.value as ConditionField))}
      >
        {conditionFields.map((field) => (
          <option key={field} value={field}>
            {t(`rules.editor.fields.${field}`)}
          </option>
        ))}
      </select>
      {operators.length > 1 ? (
        <select
          aria-label={label('operator')}
          value={row.operator}
          onChange={(event) => onChange({ ...row, operator: event.target.value as ConditionOperator })}
        >
          {operators.map((operator) => (
            <option key={operator} value={operator}>
              {t(`rules.editor.operators.${operator}`)}
            </option>
          ))}
        </select>
      ) : (
        <span className="rule-operator">{t(`rules.editor.operators.${row.operator}`)}</span>
      )}
      {value()}
      {onRemove && (
        <button type="button" className="quiet-danger" aria-label={label('remove')} onClick={onRemove}>
          ×
        </button>
      )}
    </li>
  );
}
