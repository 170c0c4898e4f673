import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitPart, TransactionUserFields } from '../../../../electron/shared/categories.ts';
import { Money, useMoneyFormatter } from '../../components/Money.tsx';
import { formatMoneyInput, parseAmountInput } from '../../components/money-text.ts';
import type { TransactionAmounts } from '../../components/TransactionAmount.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { CategoryOption } from './category-options.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { checkSplit, type DraftPart } from './split-draft.ts';

/** The contract's most parts. */
const maxParts = 50;

/**
 * Divides one transaction across categories: a row per part (category, amount), the amount
 * still to cover shown as the user types, and Save only once the parts add up to the
 * transaction exactly. An existing split opens for editing and can be removed, which puts
 * the transaction back under its single category. Parts are in the transaction's own
 * currency (they add up to it to the cent); for a purchase in another currency the editor
 * says so, and that reports count each part as its share of what the account was charged.
 */
export function SplitEditor({
  amount,
  saved,
  categoryId,
  options,
  onSave,
}: {
  amount: TransactionAmounts;
  saved: TransactionUserFields['splits'];
  /** The transaction's single category, which the first part of a new split starts with. */
  categoryId: string | null;
  options: readonly CategoryOption[];
  /** Saves the parts (none removes the split); resolves to whether it worked. */
  onSave: (parts: SplitPart[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoneyFormatter();
  const id = useId();
  const { amountCents, currencyCode: currency } = amount;
  const decimalComma = language === 'pt-BR';
  const fromSaved = (): DraftPart[] =>
    saved.map((part) => ({
      categoryId: part.categoryId ?? '',
      amountText: formatMoneyInput(Math.abs(part.amountCents), language),
    }));
  const [draft, setDraft] = useState<DraftPart[] | null>(saved.length > 0 ? fromSaved : null);
  const [saving, setSaving] = useState(false);
  const editor = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  /**
   * Where focus goes after a save: the button it was on is disabled (nothing left to save) or
   * gone (the split removed), which would drop focus on the page, out of reach of the panel's Esc.
   */
  const refocus = useRef<'editor' | 'start' | 'add' | { amountOf: number } | null>(null);
  const amountFields = useRef<(HTMLInputElement | null)[]>([]);
  const addPart = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = refocus.current;
    if (target === null) return;
    refocus.current = null;
    if (typeof target === 'object') amountFields.current[target.amountOf]?.focus();
    else ({ editor, start, add: addPart })[target].current?.focus();
  });

  if (draft === null) {
    return (
      <button
        ref={start}
        type="button"
        onClick={() => {
          // The button gives way to the editor: focus goes there, not to the page.
          refocus.current = 'editor';
          setDraft([
            { categoryId: categoryId ?? '', amountText: formatMoneyInput(Math.abs(amountCents), language) },
            { categoryId: '', amountText: '' },
          ]);
        }}
      >
        {t('transactions.details.split.start')}
      </button>
    );
  }

  const check = checkSplit(amountCents, draft);
  const change = (index: number, patch: Partial<DraftPart>) =>
    setDraft(draft.map((part, at) => (at === index ? { ...part, ...patch } : part)));
  const remove = (index: number) => {
    // The × pressed goes (the last part's) or turns disabled (two parts left): focus would drop
    // on the page, so it goes to the part before, or to adding one. Else the next part's × takes its place.
    if (index === draft.length - 1 || draft.length <= 3) refocus.current = index > 0 ? { amountOf: index - 1 } : 'add';
    setDraft(draft.filter((_, at) => at !== index));
  };
  const save = async (parts: SplitPart[]) => {
    setSaving(true);
    const done = await onSave(parts);
    if (done) {
      refocus.current = parts.length === 0 ? 'start' : 'editor';
      if (parts.length === 0) setDraft(null);
    }
    setSaving(false);
  };
  // What was saved last is not offered for saving again.
  const unchanged =
    check.parts !== null &&
    check.parts.length === saved.length &&
    check.parts.every((part, index) => {
      const before = saved[index];
      return before !== undefined && part.categoryId === before.categoryId && part.amountCents === before.amountCents;
    });
  const remaining = Math.abs(check.remainingCents);
  const status =
    check.remainingCents === 0
      ? t(unchanged ? 'transactions.details.split.saved' : 'transactions.details.split.balanced')
      : check.remainingCents > 0
        ? t('transactions.details.split.remaining')
        : t('transactions.details.split.over');

  return (
    <div
      ref={editor}
      className="split-editor"
      // Focus lands here after a save; the status inside says what happened.
      tabIndex={-1}
    >
      {currency !== amount.accountCurrencyCode && (
        <p className="field-hint muted">
          {t('amount.splitInOriginal', {
            original: money(Math.abs(amountCents), currency),
            charged: money(Math.abs(amount.accountAmountCents), amount.accountCurrencyCode),
          })}
        </p>
      )}
      <ol className="split-parts">
        {draft.map((part, index) => {
          const position = index + 1;
          return (
            <li key={index} className="split-part">
              <CategorySelect
                options={options}
                value={part.categoryId || null}
                label={t('transactions.details.split.category', { position })}
                placeholder={t('transactions.details.split.chooseCategory')}
                onChange={(categoryId) => change(index, { categoryId })}
              />
              <input
                ref={(node) => {
                  amountFields.current[index] = node;
                }}
                className="money-input"
                inputMode="decimal"
                aria-label={t('transactions.details.split.amount', { position })}
                aria-invalid={check.invalidAmounts.includes(index)}
                placeholder={decimalComma ? '0,00' : '0.00'}
                value={part.amountText}
                onChange={(event) => change(index, { amountText: event.target.value })}
                onBlur={() => {
                  // Tidied on leaving, as every money box: "3499,5" → "3.499,50".
                  const cents = parseAmountInput(part.amountText);
                  if (cents !== undefined) change(index, { amountText: formatMoneyInput(cents, language) });
                }}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('transactions.details.split.removePart', { position })}
                title={t('transactions.details.split.removePart', { position })}
                disabled={draft.length <= 2}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <div className="split-footer">
        <button
          ref={addPart}
          type="button"
          className="link-button"
          disabled={draft.length >= maxParts}
          onClick={() => setDraft([...draft, { categoryId: '', amountText: '' }])}
        >
          {t('transactions.details.split.addPart')}
        </button>
        <p
          id={`${id}-status`}
          className={check.remainingCents === 0 ? 'split-status split-balanced' : 'split-status split-unbalanced'}
          role="status"
        >
          {status} {check.remainingCents !== 0 && <Money cents={remaining} currency={currency} />}
        </p>
      </div>
      {check.invalidAmounts.length > 0 && (
        <p className="field-hint field-error">{t('transactions.details.split.invalidAmount')}</p>
      )}
      <div className="split-actions">
        <button
          type="button"
          className="primary"
          aria-describedby={`${id}-status`}
          disabled={check.parts === null || unchanged || saving}
          onClick={() => check.parts && void save(check.parts)}
        >
          {t('transactions.details.split.save')}
        </button>
        {saved.length > 0 ? (
          <button type="button" disabled={saving} onClick={() => void save([])}>
            {t('transactions.details.split.remove')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              refocus.current = 'start';
              setDraft(null);
            }}
          >
            {t('transactions.details.split.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
