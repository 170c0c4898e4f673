import { expect, it } from 'vitest';
import { transactions } from '../../db/schema.ts';
import { presetCategoryId } from '../../electron/core/books/categories.ts';
import type { TransactionDetails } from '../../electron/shared/transaction-details.ts';
import type { TransactionPage } from '../../electron/shared/transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

const session = handlerSession({
  seed: (database) => {
    const { checking } = seedTwoAccounts(database.db);
    database.db
      .insert(transactions)
      .values({
        id: 'pix-1',
        accountId: checking,
        date: '2026-11-17',
        occurredAt: '2026-11-17T15:00:00.000Z',
        description: 'PIX ENVIADO - JOAO',
        descriptionRaw: 'PIX ENVIADO 17/11 JOAO DA SILVA',
        amountCents: -15_000,
        currencyCode: 'BRL',
        status: 'POSTED',
        pluggyCategoryId: '05000000',
        paymentMethod: 'PIX',
        counterpartyName: 'JOAO DA SILVA',
        counterpartyDocument: '123.456.789-09',
      })
      .run();
  },
  // Every writer of user fields leaves the transactions' copies in step (migration 0005).
  check: (database) => expect(userFieldCopyMismatches(database.sqlite)).toBe(0),
});

const { call } = session;

it("reads the bank's details apart from the user's fields, and the split as saved", async () => {
  const untouched = await call<TransactionDetails>('transactions:get', { id: 'pix-1' });
  expect(untouched).toMatchObject({
    categoryId: null,
    tags: [],
    usage: null,
    counterpartyName: null,
    splits: [],
    bank: {
      descriptionRaw: 'PIX ENVIADO 17/11 JOAO DA SILVA',
      counterpartyName: 'JOAO DA SILVA',
      counterpartyDocument: '123.456.789-09',
      merchantName: null,
      categoryId: '05000000',
      paymentMethod: 'PIX',
      installmentNumber: null,
      totalInstallments: null,
    },
  });

  const software = presetCategoryId('software');
  const food = presetCategoryId('food');
  await call('transactions:update', {
    id: 'pix-1',
    patch: { tags: ['cliente-x', 'viagem'], usage: 'business', deductible: true, counterpartyName: 'João' },
  });
  await call('transactions:split', {
    id: 'pix-1',
    parts: [
      { categoryId: software, amountCents: -10_000 },
      { categoryId: food, amountCents: -5_000 },
    ],
  });
  const edited = await call<TransactionDetails>('transactions:get', { id: 'pix-1' });
  expect(edited).toMatchObject({
    tags: ['cliente-x', 'viagem'],
    usage: 'business',
    deductible: true,
    counterpartyName: 'João',
    splits: [
      { categoryId: software, amountCents: -10_000, note: null },
      { categoryId: food, amountCents: -5_000, note: null },
    ],
  });
  // The bank's name stays as the bank sent it.
  expect(edited.bank.counterpartyName).toBe('JOAO DA SILVA');
  // The list says the row is split, and in how many parts, without asking for each row's split.
  const page = await call<TransactionPage>('transactions:list', {});
  expect(page.rows[0]).toMatchObject({ id: 'pix-1', split: true, splitParts: 2, tags: ['cliente-x', 'viagem'] });
});

it('refuses a transaction that does not exist', async () => {
  await expect(call('transactions:get', { id: 'nope' })).rejects.toThrow('TRANSACTION_NOT_FOUND');
});
