import { useCallback } from 'react';
import { formatMoney } from '../../../electron/shared/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

export function useMoneyFormatter(): (cents: number, currency?: string) => string {
  const language = useLanguage();
  return useCallback((cents, currency = 'BRL') => formatMoney(cents, language, currency), [language]);
}

/** An amount in the user's language; money out is shown in red, as accountants read it. */
export function Money({ cents, currency = 'BRL' }: { cents: number; currency?: string }) {
  const format = useMoneyFormatter();
  return (
    <span className={cents < 0 ? 'money money-negative' : 'money'} data-cents={cents}>
      {format(cents, currency)}
    </span>
  );
}
