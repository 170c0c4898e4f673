import { describe, expect, it } from 'vitest';
import { partialUpdate } from '../../electron/core/sync/status-detail.ts';

const updated = { isUpdated: true, lastUpdatedAt: '2026-11-20T13:05:00.000Z' };

describe("what a partial update left out, from Pluggy's statusDetail", () => {
  it('names each product not updated, with the bank’s words (else Pluggy’s)', () => {
    expect(
      partialUpdate({
        status: 'UPDATED',
        executionStatus: 'PARTIAL_SUCCESS',
        statusDetail: {
          accounts: updated,
          transactions: {
            isUpdated: false,
            warnings: [
              { code: '001', message: 'Could not read the savings account', providerMessage: 'Poupança indisponível' },
              { code: '002', message: 'Card statement missing' },
            ],
          },
          identity: { isUpdated: false, lastUpdatedAt: null },
          paymentData: null,
        },
      }),
    ).toEqual({
      products: [
        { product: 'transactions', warnings: ['Poupança indisponível', 'Card statement missing'] },
        { product: 'identity', warnings: [] },
      ],
    });
  });

  it('PARTIAL_SUCCESS with no product named is still partial; SUCCESS with every product updated is not', () => {
    expect(partialUpdate({ status: 'UPDATED', executionStatus: 'PARTIAL_SUCCESS', statusDetail: null })).toEqual({
      products: [],
    });
    expect(
      partialUpdate({ status: 'UPDATED', executionStatus: 'SUCCESS', statusDetail: { accounts: updated } }),
    ).toBeNull();
  });

  it('a product not updated makes it partial whatever the execution status; a shape it cannot read says nothing', () => {
    expect(
      partialUpdate({
        status: 'UPDATED',
        executionStatus: 'SUCCESS',
        statusDetail: { investments: { isUpdated: false }, loans: 'unreadable', accounts: updated },
      }),
    ).toEqual({ products: [{ product: 'investments', warnings: [] }] });
  });

  it('says nothing while the item is not UPDATED: its status says more', () => {
    for (const status of ['UPDATING', 'LOGIN_ERROR', 'OUTDATED']) {
      expect(
        partialUpdate({
          status,
          executionStatus: 'PARTIAL_SUCCESS',
          statusDetail: { transactions: { isUpdated: false } },
        }),
      ).toBeNull();
    }
  });
});
