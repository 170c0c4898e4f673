import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uncategorized } from '../../../../electron/shared/transactions.ts';
import { useAccounts } from '../../api/queries.ts';
import { AccountName, accountText, byInstitution } from '../../components/AccountName.tsx';
import { DateField } from '../../components/DateField.tsx';
import { formatMoneyInput, parseAmountInput } from '../../components/money-text.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { CategoryOption } from './category-options.ts';
import { useStoredChoice } from './stored-choice.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { noFilters, periodPresets, type ViewState } from './view-state.ts';

const folds = ['closed', 'open'] as const;

/** How long typing pauses before the search runs: one query per word, not per key. */
const searchDelayMs = 150;

/** Changes part of the view; what is not named stays as it is at the time of the change. */
export type ChangeView = (patch: Partial<ViewState>, options?: { replace?: boolean }) => void;

/**
 * A text box that follows the URL's value but lets the user type freely until it is committed.
 * `sent` names a value the box committed itself while the user may type on: when it comes
 * back, what was typed since stays.
 */
function useDraft(value: string): [string, (draft: string) => void, (sent: string) => void] {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [sent, setSent] = useState<string | null>(null);
  // Back/forward changed the value under the box: show the new one.
  if (shown !== value) {
    setShown(value);
    if (value === sent) setSent(null);
    else setDraft(value);
  }
  return [draft, setDraft, setSent];
}

export function SearchBox({ view, onChange }: { view: ViewState; onChange: ChangeView }) {
  const { t } = useTranslation();
  const [text, setText, sent] = useDraft(view.search);
  useEffect(() => {
    if (text === view.search) return;
    // Typing replaces the history entry: back goes to the previous filters, not to every prefix typed.
    const timer = setTimeout(() => {
      sent(text);
      onChange({ search: text }, { replace: true });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, view, onChange, sent]);
  return (
    <input
      type="search"
      className="transactions-search"
      id="transactions-search"
      aria-label={t('transactions.search.label')}
      aria-keyshortcuts="Control+F /"
      placeholder={t('transactions.search.placeholder')}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

function AmountInput({
  label,
  cents,
  onCommit,
}: {
  label: string;
  cents: number | undefined;
  onCommit: (cents: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [text, setText] = useDraft(cents === undefined ? '' : formatMoneyInput(cents, language));
  const commit = () => {
    const parsed = parseAmountInput(text);
    if (parsed !== cents) onCommit(parsed);
  };
  return (
    <label className="filter-field filter-amount">
      <span>{label}</span>
      <input
        inputMode="decimal"
        placeholder={t('transactions.filters.amountHint')}
        value={text}
        aria-invalid={text.trim() !== '' && parseAmountInput(text) === undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

function AccountFilter({ view, onChange }: { view: ViewState; onChange: ChangeView }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const menu = useRef<HTMLDetailsElement>(null);
  // A dropdown closes when the user clicks elsewhere or presses Esc, as a <select> does.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const chosen = new Set(view.accountIds);
  const picked = (accounts.data ?? []).filter((account) => chosen.has(account.id));
  const toggle = (id: string) =>
    onChange({
      accountIds: chosen.has(id) ? view.accountIds.filter((each) => each !== id) : [...view.accountIds, id],
    });
  return (
    <details className="filter-field filter-accounts" ref={menu}>
      <summary>
        <span>{t('transactions.filters.accounts')}</span>
        {/* Short names in the box; the full ones on hover. */}
        <span
          className="filter-value"
          title={picked.length > 0 ? picked.map((account) => accountText(t, account)).join('\n') : undefined}
        >
          {picked.length > 0
            ? picked.map((account) => account.shortName).join(', ')
            : t('transactions.filters.allAccounts')}
        </span>
      </summary>
      <div className="filter-accounts-menu">
        {byInstitution(accounts.data ?? []).map((group) => (
          <fieldset key={group.institution}>
            <legend className="account-group-heading">{group.institution}</legend>
            {group.accounts.map((account) => (
              <label key={account.id}>
                <input type="checkbox" checked={chosen.has(account.id)} onChange={() => toggle(account.id)} />
                <AccountName account={account} />
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}

/**
 * "Mostrar contas ocultas": offered once an account is hidden. Off, the list of all accounts
 * (and its totals and files) leaves hidden accounts out; one chosen above shows anyway.
 */
function HiddenAccountsSwitch({ view, onChange }: { view: ViewState; onChange: ChangeView }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  if (!accounts.data?.some((account) => account.hidden)) return null;
  return (
    <label className="filter-check">
      <input
        type="checkbox"
        checked={view.includeHidden}
        onChange={(event) => onChange({ includeHidden: event.target.checked })}
      />
      {t('transactions.filters.showHidden')}
    </label>
  );
}

/** How many of the filters behind "Mais filtros" are on, so a closed fold still says they are. */
function foldedFiltersOn(view: ViewState, accountFixed: boolean): number {
  return [
    view.minCents !== undefined,
    view.maxCents !== undefined,
    view.direction !== undefined,
    view.usage !== undefined,
    view.pending,
    !accountFixed && view.includeHidden,
  ].filter(Boolean).length;
}

/**
 * The filters over the list: every change is a new history entry, so back undoes it. In an
 * account's register (`accountFixed`) the account is the page's, so there is no account filter.
 * Accounts, period and category are always there; the rarer ones fold away behind "Mais
 * filtros" (open or closed for the rest of the session), so the list keeps the height.
 */
export function FilterBar({
  view,
  onChange,
  categories,
  accountFixed = false,
}: {
  view: ViewState;
  onChange: ChangeView;
  categories: readonly CategoryOption[];
  accountFixed?: boolean;
}) {
  const { t } = useTranslation();
  const [fold, setFold] = useStoredChoice(() => sessionStorage, 'balancete.transactions.filters', folds, 'closed');
  const folded = foldedFiltersOn(view, accountFixed);
  const filtered =
    (!accountFixed && view.accountIds.length > 0) ||
    view.includeHidden ||
    view.period !== 'all' ||
    view.categoryIds.length > 0 ||
    view.minCents !== undefined ||
    view.maxCents !== undefined ||
    view.direction !== undefined ||
    view.pending ||
    view.usage !== undefined ||
    view.search !== '';
  return (
    <div className="filter-bar" role="group" aria-label={t('transactions.filters.label')}>
      {!accountFixed && <AccountFilter view={view} onChange={onChange} />}
      <label className="filter-field">
        <span>{t('transactions.filters.period')}</span>
        <select
          value={view.period}
          onChange={(event) =>
            onChange({ period: periodPresets.find((preset) => preset === event.target.value) ?? 'all' })
          }
        >
          {periodPresets.map((preset) => (
            <option key={preset} value={preset}>
              {t(`transactions.periods.${preset}`)}
            </option>
          ))}
        </select>
      </label>
      {view.period === 'custom' && (
        <>
          <DateField
            className="filter-field"
            label={t('transactions.filters.from')}
            value={view.from ?? null}
            onChange={(day) => day !== undefined && onChange({ from: day ?? undefined })}
          />
          <DateField
            className="filter-field"
            label={t('transactions.filters.to')}
            value={view.to ?? null}
            onChange={(day) => day !== undefined && onChange({ to: day ?? undefined })}
          />
        </>
      )}
      <label className="filter-field">
        <span>{t('transactions.filters.category')}</span>
        <CategorySelect
          options={categories}
          value={view.categoryIds[0] ?? ''}
          label={t('transactions.filters.category')}
          placeholder={t('transactions.filters.allCategories')}
          extras={[
            { id: '', label: t('transactions.filters.allCategories') },
            { id: uncategorized, label: t('transactions.uncategorized') },
          ]}
          onChange={(categoryId) => onChange({ categoryIds: categoryId ? [categoryId] : [] })}
        />
      </label>
      <button
        type="button"
        className="filter-more-toggle"
        aria-expanded={fold === 'open'}
        aria-controls="transactions-more-filters"
        onClick={() => setFold(fold === 'open' ? 'closed' : 'open')}
      >
        {folded > 0 ? t('transactions.filters.moreActive', { count: folded }) : t('transactions.filters.more')}
      </button>
      {filtered && (
        <button type="button" className="link-button" onClick={() => onChange(noFilters)}>
          {t('transactions.filters.clear')}
        </button>
      )}
      <div className="filter-more" id="transactions-more-filters" hidden={fold === 'closed'}>
        <AmountInput
          label={t('transactions.filters.minAmount')}
          cents={view.minCents}
          onCommit={(minCents) => onChange({ minCents })}
        />
        <AmountInput
          label={t('transactions.filters.maxAmount')}
          cents={view.maxCents}
          onCommit={(maxCents) => onChange({ maxCents })}
        />
        <label className="filter-field">
          <span>{t('transactions.filters.direction')}</span>
          <select
            value={view.direction ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange({ direction: value === 'in' || value === 'out' ? value : undefined });
            }}
          >
            <option value="">{t('transactions.filters.bothDirections')}</option>
            <option value="in">{t('transactions.filters.in')}</option>
            <option value="out">{t('transactions.filters.out')}</option>
          </select>
        </label>
        <label className="filter-field">
          <span>{t('transactions.filters.usage')}</span>
          <select
            value={view.usage ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange({
                usage: value === 'business' || value === 'personal' || value === 'unset' ? value : undefined,
              });
            }}
          >
            <option value="">{t('transactions.filters.anyUsage')}</option>
            <option value="business">{t('transactions.filters.business')}</option>
            <option value="personal">{t('transactions.filters.personal')}</option>
            <option value="unset">{t('transactions.filters.unsetUsage')}</option>
          </select>
        </label>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={view.pending}
            onChange={(event) => onChange({ pending: event.target.checked })}
          />
          {t('transactions.filters.pending')}
        </label>
        {!accountFixed && <HiddenAccountsSwitch view={view} onChange={onChange} />}
      </div>
    </div>
  );
}
