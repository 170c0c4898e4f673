import { useTranslation } from 'react-i18next';
import { TransactionWorkspace } from './TransactionWorkspace.tsx';

/** Every transaction, filtered, sorted and searched, with the filtered set's totals. */
export function TransactionsPage() {
  const { t } = useTranslation();
  return (
    <TransactionWorkspace name="transactions" title={t('transactions.title')} subtitle={t('transactions.subtitle')} />
  );
}
