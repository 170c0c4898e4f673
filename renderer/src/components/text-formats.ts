import { useTranslation } from 'react-i18next';
import { formatDate, intlLocale } from '../../../electron/shared/format.ts';
import type { Language } from '../../../electron/shared/models.ts';
import { parseDayInput } from '../features/reconciliation/day-input.ts';
import { parseAmountInput } from '../features/transactions/view-state.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** How a formatted box reads its text and writes a value back (on leaving it, tidied). */
export interface TextFormat<T> {
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  placeholder: string;
  inputMode: 'numeric' | 'decimal';
  /** What to say when the text cannot be read, in plain words. */
  unreadable: string;
}

/** A day typed dd/mm/aaaa (dots and dashes read too), as every screen writes dates. */
export function useDayText(): TextFormat<string> {
  const { t } = useTranslation();
  return {
    parse: parseDayInput,
    format: formatDate,
    placeholder: t('reconciliation.fields.dayHint'),
    inputMode: 'numeric',
    unreadable: t('transactions.entry.unreadableDate'),
  };
}

/** Money typed as "1.234,56" (or "1,234.56" in English), shown back with thousands separators. */
export function useMoneyText(): TextFormat<number> {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    parse: parseAmountInput,
    format: (cents) => formatMoneyInput(cents, language),
    placeholder: t('reconciliation.fields.moneyHint'),
    inputMode: 'decimal',
    unreadable: t('transactions.entry.unreadableAmount'),
  };
}

const moneyInputFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Cents as typed in a money box, with the language's thousands separators and two decimals
 * ("1.234,56", "1,234.56"): what `parseAmountInput` reads back, in either language.
 */
export function formatMoneyInput(cents: number, language: Language): string {
  let format = moneyInputFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyInputFormats.set(language, format);
  }
  // `+ 0` turns -0 (a card's opening balance of nothing, negated) into 0: never "-0,00".
  return format.format(cents / 100 + 0);
}
