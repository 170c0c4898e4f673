import { useTranslation } from 'react-i18next';
import type { TransactionRow } from '../../../electron/shared/transactions.ts';
import { Money, useMoneyFormatter } from './Money.tsx';
import './TransactionAmount.css';

/** A transaction's two amounts, named as in TransactionRow. */
export type TransactionAmounts = Pick<
  TransactionRow,
  'accountAmountCents' | 'accountCurrencyCode' | 'amountCents' | 'currencyCode'
>;

/**
 * A transaction's amount as every screen shows it, reais first: what the account was
 * charged, in the account's currency, as `Money` shows it (money out in red; `data-cents`
 * is this amount, which totals add up and tests read); and only when the transaction was
 * in another currency, its own amount beside it, muted: "-R$ 24,10 · US$ 4,00". The
 * original is shown as a size: the charged amount already says which way the money went.
 * `stacked` puts the original under the charged amount, for narrow columns.
 */
export function TransactionAmount({ amount, stacked = false }: { amount: TransactionAmounts; stacked?: boolean }) {
  const { t } = useTranslation();
  const format = useMoneyFormatter();
  const charged = <Money cents={amount.accountAmountCents} currency={amount.accountCurrencyCode} />;
  if (amount.currencyCode === amount.accountCurrencyCode) return charged;
  const original = format(Math.abs(amount.amountCents), amount.currencyCode);
  const said = t('amount.original', { amount: original });
  return (
    // The spaces between the parts lay nothing out (flex items) but keep the text readable when copied.
    <span className={stacked ? 'transaction-amount transaction-amount-stacked' : 'transaction-amount'}>
      {charged}{' '}
      <span className="transaction-amount-original" title={said}>
        <span className="transaction-amount-separator" aria-hidden="true">
          ·
        </span>{' '}
        <span aria-hidden="true">{original}</span>
        <span className="visually-hidden">{said}</span>
      </span>
    </span>
  );
}
