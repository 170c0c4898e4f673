import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../electron/shared/errors.ts';
import { type Rule, type RuleConditions, RuleIssue } from '../../../../electron/shared/rules.ts';
import { useSaveRule } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useModalDialog } from '../../components/focus.ts';
import { ActionsFields } from './ActionsFields.tsx';
import { ConditionRow } from './ConditionRow.tsx';
import { FieldProblem, problemProps } from './FieldProblem.tsx';
import { newCondition, type Problem, type Problems, problemsFromIssues, readForm, type RuleForm } from './rule-form.ts';
import { RulePreviewPanel } from './RulePreviewPanel.tsx';
import type { RuleLookups } from './useRuleLookups.ts';

/** Typing pauses this long before the preview asks again: each ask scans every transaction. */
const previewDelayMs = 300;

/** Problems that only say "fill this in": shown once Save was tried, not while a new rule is still empty. */
const untilSaveTried: ReadonlySet<Problem> = new Set(['required', 'choose', 'noAction']);

/** The conditions as they were `delayMs` ago, unchanged while the user keeps typing. */
function useSettled(conditions: RuleConditions | null, delayMs: number): RuleConditions | null {
  // Compared by content: the form builds new objects on every keystroke.
  const key = JSON.stringify(conditions);
  const [settled, setSettled] = useState(conditions);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as RuleConditions | null), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return settled;
}

/**
 * Creates or edits a rule, with a live preview of what its conditions match. A modal
 * dialog: Esc cancels, Ctrl+Enter saves. What keeps the rule from being saved shows next to
 * the field concerned; the backend's own refusals (RULE_INVALID) land there too.
 */
export function RuleEditor({
  initial,
  lookups,
  onClose,
  onSaved,
}: {
  initial: RuleForm;
  lookups: RuleLookups;
  onClose: () => void;
  onSaved: (rule: Rule) => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const nameId = useId();
  const [form, setForm] = useState(initial);
  const [saveTried, setSaveTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const save = useSaveRule();
  const read = readForm(form);
  const previewed = useSettled(read.conditions, previewDelayMs);

  useModalDialog(dialog);

  const change = (next: RuleForm) => {
    setForm(next);
    setServerProblems({});
  };
  const problemAt = (path: string): Problem | undefined => {
    const problem = read.problems[path] ?? serverProblems[path];
    return problem && (saveTried || !untilSaveTried.has(problem)) ? problem : undefined;
  };

  const submit = () => {
    setSaveTried(true);
    if (!read.draft || save.isPending) return;
    save.mutate(read.draft, {
      onSuccess: onSaved,
      onError: (error) => {
        if (!(error instanceof AppError) || error.code !== 'RULE_INVALID') return;
        const issues = RuleIssue.array().safeParse((error.details as { issues?: unknown } | undefined)?.issues);
        if (issues.success) setServerProblems(problemsFromIssues(issues.data));
      },
    });
  };

  const nameProblem = problemAt('name');
  const blocked = saveTried && (!read.draft || Object.keys(serverProblems).length > 0);
  return (
    <dialog
      ref={dialog}
      className="dialog rule-editor"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <form
        className="rule-editor-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="rule-editor-fields">
          <h2 id={titleId}>{form.id !== undefined ? t('rules.editor.editTitle') : t('rules.editor.newTitle')}</h2>
          <div className="rule-name">
            <label htmlFor={nameId}>{t('rules.editor.name')}</label>
            <input
              id={nameId}
              data-autofocus
              value={form.name}
              maxLength={100}
              onChange={(event) => change({ ...form, name: event.target.value })}
              {...problemProps(`${nameId}-problem`, nameProblem)}
            />
            <FieldProblem id={`${nameId}-problem`} problem={nameProblem} />
          </div>
          <fieldset className="rule-conditions">
            <legend>{t('rules.editor.conditions')}</legend>
            <label className="rule-match">
              {t('rules.editor.matchLabel')}
              <select
                value={form.match}
                onChange={(event) => change({ ...form, match: event.target.value === 'any' ? 'any' : 'all' })}
              >
                <option value="all">{t('rules.editor.matchAll')}</option>
                <option value="any">{t('rules.editor.matchAny')}</option>
              </select>
            </label>
            <ol>
              {form.conditions.map((row, index) => (
                <ConditionRow
                  key={row.key}
                  row={row}
                  number={index + 1}
                  problemAt={(part) => problemAt(`conditions.${index}.${part}`)}
                  accounts={lookups.accounts}
                  pluggyCategories={lookups.pluggyCategoryOptions}
                  onChange={(next) =>
                    change({ ...form, conditions: form.conditions.map((each) => (each === row ? next : each)) })
                  }
                  onRemove={
                    form.conditions.length > 1
                      ? () => change({ ...form, conditions: form.conditions.filter((each) => each !== row) })
                      : undefined
                  }
                />
              ))}
            </ol>
            <button
              type="button"
              onClick={() => change({ ...form, conditions: [...form.conditions, newCondition()] })}
              disabled={form.conditions.length >= 20}
            >
              {t('rules.editor.addCondition')}
            </button>
          </fieldset>
          <ActionsFields
            actions={form.actions}
            categories={lookups.categoryOptions}
            problemAt={problemAt}
            onChange={(actions) => change({ ...form, actions })}
          />
          <label className="field-check">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(event) => change({ ...form, enabled: event.target.checked })}
            />
            {t('rules.editor.enabled')}
          </label>
        </div>
        <RulePreviewPanel conditions={previewed} />
        <div className="rule-editor-footer">
          {blocked && (
            <p className="field-problem" role="alert">
              {t('rules.editor.fixProblems')}
            </p>
          )}
          {save.isError && !(save.error instanceof AppError && save.error.code === 'RULE_INVALID') && (
            <ErrorNotice error={save.error} />
          )}
          <p className="muted rule-editor-keys">{t('rules.editor.keys')}</p>
          <div className="actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('rules.editor.cancel')}
            </button>
            <button type="submit" className="primary" disabled={save.isPending}>
              {save.isPending ? t('rules.editor.saving') : t('rules.editor.save')}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
