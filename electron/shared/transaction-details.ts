import { z } from 'zod';
import { TransactionUserFields } from './categories.ts';

/**
 * One transaction as its detail panel shows it: the user's fields and split, and what the
 * bank said about it (kept apart, as sync owns those and the user's choices never overwrite them).
 */
export const TransactionDetails = TransactionUserFields.extend({
  bank: z.object({
    descriptionRaw: z.string().nullable(),
    counterpartyName: z.string().nullable(),
    counterpartyDocument: z.string().nullable(),
    merchantName: z.string().nullable(),
    /** Pluggy's own category, shown next to the user's choice. */
    categoryId: z.string().nullable(),
    paymentMethod: z.string().nullable(),
    installmentNumber: z.number().int().nullable(),
    totalInstallments: z.number().int().nullable(),
  }),
});
export type TransactionDetails = z.infer<typeof TransactionDetails>;

export const TransactionDetailsInput = z.object({ id: z.string().min(1).max(200) }).strict();
