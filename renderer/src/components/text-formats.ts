import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage.ts';
import { formatMoneyInput, parseAmountInput } from './money-text.ts';

/** How a formatted box reads its text and writes a value back (on leaving it, tidied). */
export interface TextFormat<T> {
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  placeholder: string;
  inputMode: 'decimal';
  /** What to say when the text cannot be read, in plain words. */
  unreadable: string;
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
