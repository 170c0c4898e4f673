import { intlLocale } from '../../../electron/shared/format.ts';
import type { Language } from '../../../electron/shared/models.ts';

/**
 * An amount as typed in a money box, in either language: "1.234,56", "1,234.56", "-50",
 * "1234.5", "R$ 10,5"; thousands separators or none. Cents; undefined when empty or not a number.
 */
export function parseAmountInput(text: string): number | undefined {
  const compact = text.replace(/[\sR$\u00a0]/g, '');
  if (!compact) return undefined;
  // Both marks: the last one is the decimal point, as the English hint "1,234.56" writes it.
  // With a comma only, dots group thousands; without one, a single dot followed by 1–2 digits is decimal.
  const normalised = /,\d*\./.test(compact)
    ? compact.replace(/,/g, '')
    : compact.includes(',')
      ? compact.replace(/\./g, '').replace(',', '.')
      : /^-?\d+\.\d{1,2}$/.test(compact)
        ? compact
        : compact.replace(/\./g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(normalised)) return undefined;
  const [whole = '0', fraction = ''] = normalised.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return normalised.startsWith('-') ? -cents : cents;
}

const moneyInputFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Cents as every money box shows them, prefilled or tidied: the language's thousands separators
 * and two decimals ("1.234,56", "1,234.56"), which `parseAmountInput` reads back in either language.
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
