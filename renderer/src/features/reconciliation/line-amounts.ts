import type { ReconciliationLine } from '../../../../electron/shared/reconciliation.ts';
import type { TransactionAmounts } from '../../components/TransactionAmount.tsx';

/** A line's (or a conflict side's) amounts in TransactionAmount's names: its `amountCents` is what the account was charged. */
export const lineAmounts = (
  line: Pick<ReconciliationLine, 'amountCents' | 'accountCurrencyCode' | 'originalAmountCents' | 'currencyCode'>,
): TransactionAmounts => ({
  accountAmountCents: line.amountCents,
  accountCurrencyCode: line.accountCurrencyCode,
  amountCents: line.originalAmountCents,
  currencyCode: line.currencyCode,
});
