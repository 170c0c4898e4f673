import type { TransactionFilters, TransactionPage, TransactionRow } from '../../electron/shared/transactions.ts';
import type { HandlerSession } from './handler-session.ts';

/** What the Transactions screen lists for the filters, oldest first: the rows every file must hold. */
export async function screenRows(session: HandlerSession, filters: TransactionFilters): Promise<TransactionRow[]> {
  const rows: TransactionRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await session.call<TransactionPage>('transactions:list', {
      filters,
      sort: 'date',
      descending: false,
      offset,
      limit: 1000,
    });
    rows.push(...page.rows);
    if (page.rows.length < 1000) return rows;
  }
}
