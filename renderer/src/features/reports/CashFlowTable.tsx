import { useTranslation } from 'react-i18next';
import type { CashFlow } from '../../../../electron/shared/reports.ts';
import { AccountName } from '../../components/AccountName.tsx';
import { Money } from '../../components/Money.tsx';

const columns = [
  'openingBalanceCents',
  'inCents',
  'outCents',
  'transferInCents',
  'transferOutCents',
  'netCents',
  'closingBalanceCents',
] as const;

type Figures = CashFlow['totals'];

/** A figure, or a dash where there is none (balances in a business-only report). */
function Cell({
  figures,
  column,
  currency,
}: {
  figures: Figures;
  column: (typeof columns)[number];
  currency?: string;
}) {
  const cents = figures[column];
  return (
    <td className="report-amount" data-column={column}>
      {cents === null ? '—' : <Money cents={cents} currency={currency} />}
    </td>
  );
}

/** Each account from opening to closing balance: what came in, what went out, of which between own accounts. */
export function CashFlowTable({ report }: { report: CashFlow }) {
  const { t } = useTranslation();
  const balancesShown = report.totals.openingBalanceCents !== null;
  return (
    <>
      {!balancesShown && <p className="muted report-note">{t('reports.cashFlow.noBalances')}</p>}
      {/* A narrow window scrolls the table sideways rather than squeeze the accounts' names. */}
      <div className="report-table-scroll">
        <table className="report-table report-cash-flow">
          <caption className="visually-hidden">{t('reports.tabs.cash-flow')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.account')}</th>
              {columns.map((column) => (
                <th scope="col" className="report-amount" key={column}>
                  {t(`reports.cashFlow.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.accounts.map((account) => (
              <tr key={account.accountId}>
                <th scope="row" className="report-account">
                  <AccountName account={account} />
                </th>
                {columns.map((column) => (
                  <Cell key={column} figures={account} column={column} currency={account.currencyCode} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-grand-total">
              <th scope="row">{t('reports.columns.total')}</th>
              {columns.map((column) => (
                <Cell key={column} figures={report.totals} column={column} />
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
