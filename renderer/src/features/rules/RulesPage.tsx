import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Rule } from '../../../../electron/shared/rules.ts';
import { useApi, useRules } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFocusOnAppear, useFocusWhenLost } from '../../components/focus.ts';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useAppliedRules } from './ApplyRulesProvider.tsx';
import { ApplyStatus } from './ApplyStatus.tsx';
import { DeleteRuleDialog } from './DeleteRuleDialog.tsx';
import { emptyForm, formFromRule, type RuleForm } from './rule-form.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { RuleList } from './RuleList.tsx';
import { RuleSuggestions } from './RuleSuggestions.tsx';
import { useRuleLookups } from './useRuleLookups.ts';

/** The rule "create rule from this transaction" (`?fromTransaction=<id>`) opens with, unsaved. */
function usePrefill(transactionId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['rule-prefill', transactionId],
    queryFn: () => api.invoke('rules:from-transaction', { id: transactionId ?? '' }),
    enabled: transactionId !== null,
    // Each visit starts from the transaction as it is now.
    gcTime: 0,
  });
}

/**
 * Categorization rules (design.md §8): the ordered list, the editor with its live preview,
 * applying them to the transactions already in the books (with progress and undo), and the
 * rules the user's own choices suggest.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const fromTransaction = params.get('fromTransaction');
  const rules = useRules();
  const lookups = useRuleLookups();
  const prefill = usePrefill(fromTransaction);
  const apply = useAppliedRules();
  const [editing, setEditing] = useState<RuleForm | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [saved, setSaved] = useState<Rule | null>(null);

  const prefilled = useMemo(
    () => (prefill.data ? formFromRule(prefill.data, language) : null),
    [prefill.data, language],
  );
  const editorForm = editing ?? (fromTransaction ? prefilled : null);
  // With no editor, focus left nowhere (the editor cancelled after "create a rule from this
  // transaction", whose row is on another screen) lands on "Nova regra".
  const newRule = useRef<HTMLButtonElement>(null);
  useFocusWhenLost(newRule, editorForm === null);
  const closeEditor = () => {
    setEditing(null);
    // The link has done its job: going back to it must not reopen the editor.
    if (fromTransaction) setParams({}, { replace: true });
  };

  const list = rules.data ?? [];
  return (
    <Page
      name="rules"
      title={t('rules.title')}
      subtitle={t('rules.subtitle')}
      actions={
        <div className="rules-header-actions">
          <button
            type="button"
            onClick={() => {
              setSaved(null);
              apply.run();
            }}
            disabled={apply.running || !list.some((rule) => rule.enabled)}
          >
            {t('rules.apply.all')}
          </button>
          <button ref={newRule} type="button" className="primary" onClick={() => setEditing(emptyForm())}>
            {t('rules.new')}
          </button>
        </div>
      }
    >
      {rules.isError && <ErrorNotice error={rules.error} onRetry={() => void rules.refetch()} />}
      {prefill.isError && <ErrorNotice error={prefill.error} />}
      {/* Once the editor is gone (the address changes after the save): the notice takes focus from it. */}
      {saved && !editorForm && !apply.running && !apply.result && (
        <SavedRuleNotice
          rule={saved}
          onApply={() => {
            apply.run([saved.id]);
            setSaved(null);
          }}
          onClose={() => setSaved(null)}
        />
      )}
      <ApplyStatus apply={apply} />
      <RuleSuggestions summary={lookups.summary} />
      {rules.isSuccess && list.length === 0 ? (
        <div className="empty-state rules-empty">
          <h2>{t('rules.empty.title')}</h2>
          <p>{t('rules.empty.body')}</p>
          <p className="muted">{t('rules.empty.how')}</p>
          <button type="button" className="primary" onClick={() => setEditing(emptyForm())}>
            {t('rules.new')}
          </button>
        </div>
      ) : (
        <RuleList
          rules={list}
          summary={lookups.summary}
          onEdit={(rule) => setEditing(formFromRule(rule, language))}
          onDelete={setDeleting}
          onApply={(rule) => {
            setSaved(null);
            apply.run([rule.id]);
          }}
        />
      )}
      {list.length > 1 && <p className="muted rule-help">{t('rules.list.keys')}</p>}
      {editorForm && (
        <RuleEditor
          key={editorForm.id ?? fromTransaction ?? 'new'}
          initial={editorForm}
          lookups={lookups}
          onClose={closeEditor}
          onSaved={(rule) => {
            setSaved(rule);
            apply.dismiss();
            closeEditor();
          }}
        />
      )}
      {deleting && <DeleteRuleDialog rule={deleting} onClose={() => setDeleting(null)} />}
    </Page>
  );
}

/**
 * A rule just saved, with "apply it now": focus goes there as the editor closes, on "apply"
 * (else on "close"), rather than back to what opened the editor.
 */
function SavedRuleNotice({ rule, onApply, onClose }: { rule: Rule; onApply: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useFocusOnAppear(first);
  return (
    <div className="rule-apply" role="status">
      <span>{t('rules.saved', { name: rule.name })}</span>
      {rule.enabled && (
        <button ref={first} type="button" className="primary" onClick={onApply}>
          {t('rules.apply.one')}
        </button>
      )}
      <button ref={rule.enabled ? undefined : first} type="button" className="link-button" onClick={onClose}>
        {t('rules.apply.close')}
      </button>
    </div>
  );
}
