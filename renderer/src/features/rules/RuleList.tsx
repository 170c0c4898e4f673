import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../electron/shared/rules.ts';
import { useReorderRules, useSaveRule } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { problemOfPattern } from './rule-form.ts';
import { type SummaryContext, summarizeActions, summarizeConditions } from './rule-summary.ts';

type FocusTarget = { id: number; control: 'item' | 'up' | 'down' };

/**
 * The rules in the order they apply (the first that sets a field wins), each with its
 * conditions and actions in words. Keyboard: Tab to a rule, Alt+↑/↓ moves it.
 */
export function RuleList({
  rules,
  summary,
  onEdit,
  onDelete,
  onApply,
}: {
  rules: readonly Rule[];
  summary: SummaryContext;
  onEdit: (rule: Rule) => void;
  onDelete: (rule: Rule) => void;
  onApply: (rule: Rule) => void;
}) {
  const { t } = useTranslation();
  const reorder = useReorderRules();
  const save = useSaveRule();
  const elements = useRef(new Map<string, HTMLElement>());
  // Moving a rule moves its element, which drops the focus: it is put back once the list shows the new order.
  const focusAfterMove = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const control = elements.current.get(`${target.id}-${target.control}`);
    const usable = control && !(control instanceof HTMLButtonElement && control.disabled);
    (usable ? control : elements.current.get(`${target.id}-item`))?.focus();
  }, [rules]);

  const ref = (id: number, control: FocusTarget['control']) => (element: HTMLElement | null) => {
    if (element) elements.current.set(`${id}-${control}`, element);
    else elements.current.delete(`${id}-${control}`);
  };

  const move = (index: number, step: -1 | 1, control: FocusTarget['control']) => {
    const target = index + step;
    const rule = rules[index];
    const other = rules[target];
    if (!rule || !other) return;
    const ids = rules.map((each) => each.id);
    ids[index] = other.id;
    ids[target] = rule.id;
    focusAfterMove.current = { id: rule.id, control };
    reorder.mutate(ids);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1, 'item');
  };

  return (
    <>
      {(reorder.error ?? save.error) && <ErrorNotice error={reorder.error ?? save.error} />}
      <ol className="rule-list" aria-label={t('rules.list.label')}>
        {rules.map((rule, index) => (
          <li
            key={rule.id}
            ref={ref(rule.id, 'item')}
            tabIndex={0}
            className={rule.enabled ? 'rule-item' : 'rule-item rule-disabled'}
            aria-labelledby={`rule-${rule.id}-name`}
            aria-describedby={
              rule.issues ? `rule-${rule.id}-summary rule-${rule.id}-issues` : `rule-${rule.id}-summary`
            }
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className="rule-position" aria-hidden="true">
              {index + 1}
            </span>
            <div className="rule-body">
              <h3 id={`rule-${rule.id}-name`}>
                <span className="visually-hidden">{t('rules.list.position', { position: index + 1 })} </span>
                {rule.name}
                {rule.source === 'learned' && <span className="badge">{t('rules.list.learned')}</span>}
                {!rule.enabled && <span className="badge">{t('rules.list.off')}</span>}
                {rule.issues && <span className="badge">{t('rules.list.notRunning')}</span>}
              </h3>
              <p id={`rule-${rule.id}-summary`} className="rule-summary">
                <span>{summarizeConditions(rule, summary)}</span> <span>{summarizeActions(rule.actions, summary)}</span>
              </p>
              {rule.issues && (
                <p id={`rule-${rule.id}-issues`} className="field-problem">
                  {rule.issues
                    .map((issue) =>
                      t('rules.list.notRunningWhy', {
                        number: Number(issue.path[1]) + 1,
                        problem: t(`rules.problems.${problemOfPattern[issue.problem]}`),
                      }),
                    )
                    .join(' ')}
                </p>
              )}
            </div>
            <div className="rule-controls">
              <label className="rule-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={rule.enabled}
                  aria-label={t('rules.list.enabled', { name: rule.name })}
                  onChange={(event) =>
                    save.mutate({
                      id: rule.id,
                      name: rule.name,
                      enabled: event.target.checked,
                      match: rule.match,
                      conditions: rule.conditions,
                      actions: rule.actions,
                    })
                  }
                />
                <span aria-hidden="true">{rule.enabled ? t('rules.list.on') : t('rules.list.off')}</span>
              </label>
              <button
                type="button"
                ref={ref(rule.id, 'up')}
                aria-label={t('rules.list.moveUp', { name: rule.name })}
                disabled={index === 0}
                onClick={() => move(index, -1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                ref={ref(rule.id, 'down')}
                aria-label={t('rules.list.moveDown', { name: rule.name })}
                disabled={index === rules.length - 1}
                onClick={() => move(index, 1, 'down')}
              >
                ↓
              </button>
              <button type="button" onClick={() => onEdit(rule)} aria-label={t('rules.list.edit', { name: rule.name })}>
                {t('rules.list.editShort')}
              </button>
              <button
                type="button"
                onClick={() => onApply(rule)}
                disabled={!rule.enabled || rule.issues !== undefined}
                aria-label={t('rules.list.apply', { name: rule.name })}
              >
                {t('rules.list.applyShort')}
              </button>
              <button
                type="button"
                className="quiet-danger"
                onClick={() => onDelete(rule)}
                aria-label={t('rules.list.delete', { name: rule.name })}
              >
                {t('rules.list.deleteShort')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
