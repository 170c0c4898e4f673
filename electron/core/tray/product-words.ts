import type { Language, PartialUpdate } from '../../shared/models.ts';

/** Pluggy's product names (statusDetail's keys), as the tray and notifications say them. */
const productNames: Record<Language, Record<string, string>> = {
  'pt-BR': {
    accounts: 'contas',
    creditCards: 'cartões de crédito',
    transactions: 'transações',
    investments: 'investimentos',
    investmentsTransactions: 'movimentações de investimentos',
    identity: 'dados do titular',
    paymentData: 'dados de pagamento',
    loans: 'empréstimos',
    accountStatements: 'extratos',
  },
  en: {
    accounts: 'accounts',
    creditCards: 'credit cards',
    transactions: 'transactions',
    investments: 'investments',
    investmentsTransactions: 'investment movements',
    identity: 'account holder details',
    paymentData: 'payment data',
    loans: 'loans',
    accountStatements: 'statements',
  },
};

/**
 * What a partial update left out, in a few words ("transações e investimentos"); empty when
 * Pluggy named no product. A product Pluggy adds later goes by its own name.
 */
export function missingProducts(partial: PartialUpdate, language: Language): string {
  const names = partial.products.map(({ product }) => productNames[language][product] ?? product);
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}
