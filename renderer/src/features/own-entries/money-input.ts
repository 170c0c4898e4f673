import { intlLocale } from '../../../../electron/shared/format.ts';
import type { Language } from '../../../../electron/shared/models.ts';

const formats = new Map<Language, Intl.NumberFormat>();

/**
 * Cents as typed in a money box, with the language's thousands separators and two decimals
 * ("1.234,56", "1,234.56"): what `parseAmountInput` reads back, in either language.
 */
export function formatMoneyInput(cents: number, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(language, format);
  }
  return format.format(cents / 100);
}
