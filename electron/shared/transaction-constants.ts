/**
 * The plain values of the transactions' IPC shapes, apart from their zod schemas
 * (transactions.ts re-exports them): code that must start fast, such as the export worker,
 * uses them without loading zod.
 */

export const transactionSortKeys = ['date', 'description', 'account', 'category', 'amount'] as const;

/** The category filter's stand-in for "no category at all" (neither the user's, a rule's nor Pluggy's). */
export const uncategorized = '__uncategorized__';
