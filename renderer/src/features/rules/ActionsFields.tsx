import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryOption } from '../transactions/category-options.ts';
import { CategoryField } from './CategoryField.tsx';
import { FieldProblem, problemProps } from './FieldProblem.tsx';
import type { ActionsForm, Problem } from './rule-form.ts';

/** What the rule sets on the transactions it matches; a field left empty is left alone. */
export function ActionsFields({
  actions,
  categories,
  problemAt,
  onChange,
}: {
  actions: ActionsForm;
  categories: readonly CategoryOption[];
  problemAt: (path: string) => Problem | undefined;
  onChange: (actions: ActionsForm) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof ActionsForm>(key: K, value: ActionsForm[K]) => onChange({ ...actions, [key]: value });
  const tagsProblem = problemAt('actions.tags');
  const noAction = problemAt('actions');
  return (
    <fieldset className="rule-actions" {...problemProps(`${id}-none`, noAction)}>
      <legend>{t('rules.editor.actions')}</legend>
      <p className="field-help">{t('rules.editor.actionsHelp')}</p>
      <div className="rule-action">
        <span className="rule-action-label">{t('rules.editor.category')}</span>
        <CategoryField
          label={t('rules.editor.category')}
          options={categories}
          value={actions.categoryId ? [actions.categoryId] : []}
          multiple={false}
          onChange={(ids) => set('categoryId', ids[0] ?? null)}
        />
      </div>
      <label className="rule-action">
        <span className="rule-action-label">{t('rules.editor.counterpartyName')}</span>
        <input
          value={actions.counterpartyDisplayName}
          maxLength={200}
          onChange={(event) => set('counterpartyDisplayName', event.target.value)}
        />
      </label>
      <label className="rule-action">
        <span className="rule-action-label">{t('rules.editor.tags')}</span>
        <span className="rule-value">
          <input
            value={actions.tags}
            placeholder={t('rules.editor.tagsHint')}
            onChange={(event) => set('tags', event.target.value)}
            {...problemProps(`${id}-tags`, tagsProblem)}
          />
          <FieldProblem id={`${id}-tags`} problem={tagsProblem} />
        </span>
      </label>
      <label className="rule-action">
        <span className="rule-action-label">{t('rules.editor.usage')}</span>
        <select value={actions.usage} onChange={(event) => set('usage', event.target.value as ActionsForm['usage'])}>
          <option value="">{t('rules.editor.leave')}</option>
          <option value="business">{t('rules.editor.business')}</option>
          <option value="personal">{t('rules.editor.personal')}</option>
        </select>
      </label>
      <label className="rule-action">
        <span className="rule-action-label">{t('rules.editor.deductible')}</span>
        <select
          value={actions.deductible}
          onChange={(event) => set('deductible', event.target.value as ActionsForm['deductible'])}
        >
          <option value="">{t('rules.editor.leave')}</option>
          <option value="yes">{t('rules.editor.deductibleYes')}</option>
          <option value="no">{t('rules.editor.deductibleNo')}</option>
        </select>
      </label>
      <label className="rule-action">
        <span className="rule-action-label">{t('rules.editor.note')}</span>
        <input value={actions.notes} maxLength={1000} onChange={(event) => set('notes', event.target.value)} />
      </label>
      <FieldProblem id={`${id}-none`} problem={noAction} />
    </fieldset>
  );
}
