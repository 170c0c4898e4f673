import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useCategories } from '../../api/queries.ts';
import { accountText } from '../../components/AccountName.tsx';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryOptions } from '../transactions/category-options.ts';
import type { SummaryContext } from './rule-summary.ts';

/** The categories and accounts rules point at, as pickers list them and summaries name them. */
export function useRuleLookups() {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoneyFormatter();
  const categories = useCategories();
  const accounts = useAccounts();
  return useMemo(() => {
    const options = categoryOptions(categories.data ?? [], language);
    const pluggyIds = new Set(
      (categories.data ?? []).filter((each) => each.source === 'pluggy').map((each) => each.id),
    );
    const categoryPaths = new Map(options.map((option) => [option.id, option.path]));
    // The full name, as everywhere (a rule's summary has room; two accounts never share it).
    const accountNames = new Map((accounts.data ?? []).map((account) => [account.id, accountText(t, account)]));
    const summary: SummaryContext = {
      t,
      money: (cents) => money(cents),
      // An id no longer known (a category removed since) still shows, rather than nothing.
      categoryName: (id) => categoryPaths.get(id) ?? id,
      accountName: (id) => accountNames.get(id) ?? id,
    };
    return {
      categoryOptions: options,
      pluggyCategoryOptions: options.filter((option) => pluggyIds.has(option.id)),
      accounts: accounts.data ?? [],
      summary,
    };
  }, [categories.data, accounts.data, language, money, t]);
}

export type RuleLookups = ReturnType<typeof useRuleLookups>;
