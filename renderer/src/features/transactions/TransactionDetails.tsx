import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SplitPart, TransactionPatch } from '../../../../electron/shared/categories.ts';
import { formatDate } from '../../../../electron/shared/format.ts';
import { formatTaxId } from '../../../../electron/shared/tax-id.ts';
import type { TransactionDetails as Details } from '../../../../electron/shared/transaction-details.ts';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import { useCategories, useTransactionDetails } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { AccountName, rowAccount } from '../../components/AccountName.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import type { CategoryOption } from './category-options.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { SplitEditor } from './SplitEditor.tsx';
import { TagInput } from './TagInput.tsx';

type Save = (patch: TransactionPatch) => void;

/** Pluggy's payment methods with a name in both languages; others show as Pluggy sends them. */
const knownMethods = ['PIX', 'BOLETO', 'TED', 'TEV', 'DOC', 'CREDIT_CARD', 'DEBIT_CARD'] as const;
const isKnownMethod = (method: string): method is (typeof knownMethods)[number] =>
  (knownMethods as readonly string[]).includes(method);

/**
 * Everything about one transaction beside the table: what the bank said, and the user's
 * category, name for the counterparty, notes, tags, business/personal and deductible flags
 * and split. Each change is saved as it is made (text when the box is left or the panel
 * closed), so closing never loses anything. Esc closes it.
 */
export function TransactionDetails({
  row,
  options,
  tagSuggestions,
  error,
  revision,
  onSave,
  onSplit,
  onEditOwn,
  onDeleteOwn,
  onClose,
}: {
  row: TransactionRow;
  options: readonly CategoryOption[];
  tagSuggestions: readonly string[];
  error: Error | null;
  /** A new value sends the fields back to what is saved (a change the user declined). */
  revision: number;
  onSave: Save;
  onSplit: (parts: SplitPart[]) => Promise<boolean>;
  /** A transaction the user entered or imported: change its own fields (given the counterparty as entered). */
  onEditOwn?: (counterparty: string | null) => void;
  /** …or delete it (undoable). */
  onDeleteOwn?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const details = useTransactionDetails(row.id);
  const panel = useRef<HTMLElement>(null);
  // Opening moves focus into the panel, so the keyboard user can start editing at once.
  useEffect(() => panel.current?.focus(), [row.id]);

  return (
    <aside
      ref={panel}
      className="tx-details"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="tx-details-header">
        <h2 id={titleId}>{t('transactions.details.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('transactions.details.close')}
          title={t('transactions.details.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <BankFacts row={row} details={details.data} options={options} />
      {(row.origin === 'manual' || row.origin === 'import') && (onEditOwn || onDeleteOwn) && (
        <div className="own-entry-actions">
          <p className="field-hint muted">{t(`transactions.entry.own.${row.origin}`)}</p>
          {onEditOwn && (
            <button type="button" onClick={() => onEditOwn(details.data?.bank.counterpartyName ?? null)}>
              {t('transactions.entry.editOwn')}
            </button>
          )}
          {onDeleteOwn && (
            <button type="button" className="quiet-danger" onClick={onDeleteOwn}>
              {t('transactions.entry.deleteOwn')}
            </button>
          )}
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {details.error && <ErrorNotice error={details.error} onRetry={() => void details.refetch()} />}
      {details.data ? (
        // Keyed by transaction: another row's panel starts from that row's saved fields.
        <UserFields
          key={`${row.id}:${revision}`}
          row={row}
          details={details.data}
          options={options}
          tagSuggestions={tagSuggestions}
          onSave={onSave}
          onSplit={onSplit}
        />
      ) : (
        !details.error && <p className="muted">{t('transactions.loadingRow')}</p>
      )}
      <Link className="tx-details-rule" to={`/rules?fromTransaction=${encodeURIComponent(row.id)}`}>
        {t('transactions.details.createRule')}
      </Link>
    </aside>
  );
}

/** What the bank said: read-only, apart from the user's own fields. */
function BankFacts({
  row,
  details,
  options,
}: {
  row: TransactionRow;
  details: Details | undefined;
  options: readonly CategoryOption[];
}) {
  const { t } = useTranslation();
  const bank = details?.bank;
  const pluggyCategory = bank?.categoryId ? options.find((option) => option.id === bank.categoryId) : undefined;
  const facts: [string, ReactNode][] = [
    [t('transactions.columns.date'), formatDate(row.date)],
    [t('transactions.columns.description'), row.description],
    [t('transactions.details.counterparty'), bank?.counterpartyName ?? bank?.merchantName ?? row.counterparty ?? '—'],
    [t('transactions.columns.account'), <AccountName key="account" account={rowAccount(row)} />],
    [
      row.accountAmountCents < 0 ? t('transactions.details.moneyOut') : t('transactions.details.moneyIn'),
      <TransactionAmount key="amount" amount={row} />,
    ],
    [t('transactions.details.status'), row.pending ? t('transactions.pending') : t('transactions.details.posted')],
    [t('transactions.details.pluggyCategory'), pluggyCategory?.path ?? bank?.categoryId ?? '—'],
  ];
  if (bank?.counterpartyDocument)
    facts.push([t('transactions.details.document'), formatTaxId(bank.counterpartyDocument)]);
  if (bank?.paymentMethod) {
    facts.push([
      t('transactions.details.paymentMethod'),
      isKnownMethod(bank.paymentMethod)
        ? t(`transactions.details.paymentMethods.${bank.paymentMethod}`)
        : bank.paymentMethod,
    ]);
  }
  if (bank?.installmentNumber && bank.totalInstallments) {
    facts.push([t('transactions.details.installment'), `${bank.installmentNumber}/${bank.totalInstallments}`]);
  }
  if (bank?.descriptionRaw && bank.descriptionRaw !== row.description) {
    facts.push([t('transactions.details.rawDescription'), bank.descriptionRaw]);
  }
  return (
    <dl className="tx-details-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The user's fields, each saved as soon as it changes. */
function UserFields({
  row,
  details,
  options,
  tagSuggestions,
  onSave,
  onSplit,
}: {
  row: TransactionRow;
  details: Details;
  options: readonly CategoryOption[];
  tagSuggestions: readonly string[];
  onSave: Save;
  onSplit: (parts: SplitPart[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  // Held here rather than read back from the refetched details: a second tag added before the
  // first one's save comes back must not be built on the list without it.
  const [tags, setTags] = useState(details.tags);
  const [usage, setUsage] = useState(details.usage);
  /** The user's own choice on this transaction; null follows its category's group. */
  const [deductible, setDeductible] = useState(details.deductible);
  const categories = useCategories();
  const categoryId = details.categoryId ?? details.bank.categoryId;
  // A split's parts follow their own categories: only the transaction's own flag shows there.
  const group = details.splits.length > 0 ? null : categories.data?.find((each) => each.id === categoryId)?.reportGroup;
  const saveDeductible = (choice: boolean | null) => {
    setDeductible(choice);
    onSave({ deductible: choice });
  };

  return (
    <div className="tx-details-fields">
      <div className="field">
        <span className="field-label">{t('transactions.columns.category')}</span>
        <CategorySelect
          options={options}
          value={categoryId}
          label={t('transactions.columns.category')}
          placeholder={t('transactions.uncategorized')}
          onChange={(picked) => {
            if (picked !== details.categoryId) onSave({ categoryId: picked });
          }}
        />
        {details.splits.length > 0 && <p className="field-hint muted">{t('transactions.details.splitOverrides')}</p>}
      </div>
      <section className="field" aria-label={t('transactions.details.split.title')}>
        <h3 className="field-label">{t('transactions.details.split.title')}</h3>
        <SplitEditor amount={row} saved={details.splits} categoryId={categoryId} options={options} onSave={onSplit} />
      </section>
      <SavedText
        label={t('transactions.details.counterpartyName')}
        hint={t('transactions.details.counterpartyNameHint')}
        initial={details.counterpartyName}
        maxLength={200}
        onSave={(counterpartyName) => onSave({ counterpartyName })}
      />
      <SavedText
        label={t('transactions.notes.label')}
        initial={details.notes}
        maxLength={2000}
        multiline
        onSave={(notes) => onSave({ notes })}
      />
      <div className="field">
        <span className="field-label">{t('transactions.details.tags')}</span>
        <TagInput
          tags={tags}
          suggestions={tagSuggestions}
          onChange={(next) => {
            setTags(next);
            onSave({ tags: next });
          }}
        />
      </div>
      <fieldset className="field usage-field">
        <legend className="field-label">{t('transactions.details.usage')}</legend>
        {(['business', 'personal', null] as const).map((choice) => (
          <label key={choice ?? 'unset'} className="filter-check">
            <input
              type="radio"
              name={`usage-${row.id}`}
              checked={usage === choice}
              onChange={() => {
                setUsage(choice);
                onSave({ usage: choice });
              }}
            />
            {t(choice === null ? 'transactions.filters.unsetUsage' : `transactions.filters.${choice}`)}
          </label>
        ))}
      </fieldset>
      {/* Income is never a deduction (nor money in without a category, which counts as income): not offered there. */}
      {group !== 'income' && !(categoryId === null && row.accountAmountCents > 0) && (
        <div className="field">
          <label className="filter-check">
            <input
              type="checkbox"
              checked={deductible ?? group === 'deductible_expense'}
              onChange={(event) => saveDeductible(event.target.checked)}
            />
            {t('transactions.details.deductible')}
          </label>
          {group && (
            <p className="field-hint muted">
              {deductible === null ? (
                t('transactions.details.deductibleByCategory')
              ) : (
                <>
                  {t('transactions.details.deductibleOwn')}{' '}
                  <button type="button" className="link-button" onClick={() => saveDeductible(null)}>
                    {t('transactions.details.deductibleFollowCategory')}
                  </button>
                </>
              )}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * A text field saved when the user leaves it, or when the panel closes with it changed; an
 * emptied field is cleared (null), not kept as an empty string.
 */
function SavedText({
  label,
  hint,
  initial,
  maxLength,
  multiline = false,
  onSave,
}: {
  label: string;
  hint?: string;
  initial: string | null;
  maxLength: number;
  multiline?: boolean;
  onSave: (value: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial ?? '');
  const saved = useRef(initial ?? '');
  const commit = useRef(() => {});
  useLayoutEffect(() => {
    commit.current = () => {
      const value = text.trim();
      if (value === saved.current) return;
      saved.current = value;
      onSave(value || null);
    };
  });
  // Closing the panel (Esc, ×, another row) unmounts the field without a blur: save then.
  useEffect(() => () => commit.current(), []);
  const common = {
    id,
    value: text,
    maxLength,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onBlur: () => commit.current(),
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => setText(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => setText(event.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint muted">
          {hint}
        </p>
      )}
    </div>
  );
}
