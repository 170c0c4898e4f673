import { describe, expect, it } from 'vitest';
import { assertMatchesSpec, responseValidator, schemaValidator } from '../support/openapi.ts';

// Shaped like a real GET /items/{id} answer, trimmed to fields the spec types as non-nullable
// (Pluggy really sends nulls for several of the others; see the Item schema's own example).
const item = {
  id: 'e062ab2b-9006-45e8-b689-defabba53647',
  status: 'UPDATED',
  executionStatus: 'SUCCESS',
  createdAt: '2024-09-19T13:10:31.212Z',
  updatedAt: '2024-09-19T13:11:23.613Z',
  lastUpdatedAt: '2024-09-19T13:11:23.595Z',
  consecutiveFailedLoginAttempts: 0,
  products: ['ACCOUNTS', 'TRANSACTIONS', 'CREDIT_CARDS'],
};

const pixIn = {
  id: '6ec156fe-e8ac-4d9a-a4b3-7770529ab01c',
  description: 'Pix recebido - Maria Souza',
  descriptionRaw: 'PIX RECEB MARIA SOUZA 12345678',
  currencyCode: 'BRL',
  amount: 1500.25,
  date: '2025-03-14T00:00:00.000Z',
  type: 'CREDIT',
  balance: 3820.4,
  providerCode: null,
  status: 'POSTED',
  category: 'Transfer - PIX',
  categoryId: '05070000',
  paymentData: {
    payer: { name: 'Maria Souza', documentNumber: { type: 'CPF', value: '882.937.076-23' } },
    paymentMethod: 'PIX',
  },
  operationType: null,
  providerId: null,
  accountId: '03cc0eff-4ec5-495c-adb3-1ef9611624fc',
  order: 1,
  createdAt: '2025-03-14T09:02:11.101Z',
  updatedAt: '2025-03-14T09:02:11.101Z',
};

describe('schemaValidator', () => {
  const validateItem = schemaValidator('Item');

  it('accepts a valid Item', () => {
    expect(validateItem(item)).toEqual([]);
  });

  it('says which required property is missing', () => {
    const { status: _status, ...withoutStatus } = item;
    const errors = validateItem(withoutStatus);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\(root\) must have required property 'status'/);
  });

  it('says which property has the wrong type', () => {
    expect(validateItem({ ...item, id: 42 })).toEqual([expect.stringMatching(/^\/id must be string/)]);
  });

  it('reports every problem, not just the first', () => {
    const errors = validateItem({ ...item, id: 42, executionStatus: undefined, products: ['NOPE'] });
    expect(errors).toEqual([
      expect.stringContaining("must have required property 'executionStatus'"),
      expect.stringMatching(/^\/id must be string/),
      expect.stringMatching(/^\/products\/0 must be equal to one of the allowed values: \["ACCOUNTS"/),
    ]);
  });

  it('checks formats', () => {
    expect(validateItem({ ...item, createdAt: 'yesterday' })).toEqual([
      expect.stringMatching(/^\/createdAt must match format "date-time"/),
    ]);
  });

  it('accepts a cursor page of transactions, including a null next cursor', () => {
    const validate = schemaValidator('CursorPageResponseTransactions');
    expect(validate({ results: [pixIn], next: '?cursor=abc' })).toEqual([]);
    expect(validate({ results: [], next: null })).toEqual([]);
  });

  it('rejects a cursor page whose transaction is malformed', () => {
    const errors = schemaValidator('CursorPageResponseTransactions')({
      results: [{ ...pixIn, amount: '1500.25', type: 'ENTRADA', accountId: 'not-a-uuid' }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("(root) must have required property 'next'"),
        expect.stringMatching(/^\/results\/0\/amount must be number/),
        expect.stringMatching(/^\/results\/0\/type must be equal to one of the allowed values: \["DEBIT","CREDIT"\]/),
        expect.stringMatching(/^\/results\/0\/accountId must match format "uuid"/),
      ]),
    );
  });

  it('returns the same compiled validator for the same schema', () => {
    expect(schemaValidator('Item')).toBe(validateItem);
  });

  it('throws for a schema the spec does not have', () => {
    expect(() => schemaValidator('NoSuchSchema')).toThrow(/no schema components\.schemas\.NoSuchSchema/);
  });
});

describe('responseValidator', () => {
  it('validates GET /items/{id} 200 against Item', () => {
    const validate = responseValidator('get', '/items/{id}', 200);
    expect(validate(item)).toEqual([]);
    expect(validate({ ...item, status: undefined })).toEqual([
      expect.stringContaining("must have required property 'status'"),
    ]);
  });

  it('accepts the method in any case', () => {
    expect(responseValidator('GET', '/items/{id}', 200)(item)).toEqual([]);
  });

  it('uses the error schema for an error status', () => {
    const validate = responseValidator('get', '/items/{id}', 404);
    expect(validate({ code: 404, codeDescription: 'ITEM_NOT_FOUND', message: 'item not found' })).toEqual([]);
    expect(validate(item)).not.toEqual([]);
  });

  it('throws for an operation the spec does not have', () => {
    expect(() => responseValidator('get', '/no/such/path', 200)).toThrow(/no operation GET \/no\/such\/path/);
    expect(() => responseValidator('put', '/items/{id}', 200)).toThrow(/no operation PUT \/items\/\{id\}/);
  });

  it('throws for a status the operation does not document', () => {
    expect(() => responseValidator('get', '/items/{id}', 418)).toThrow(/documents no 418 or default response/);
  });
});

describe('assertMatchesSpec', () => {
  it('is silent for a valid value', () => {
    expect(() => {
      assertMatchesSpec(schemaValidator('Item'), item);
    }).not.toThrow();
  });

  it('throws with the label and the errors', () => {
    expect(() => {
      assertMatchesSpec(schemaValidator('Item'), { ...item, id: 42 }, 'fake GET /items/{id}');
    }).toThrow(/^fake GET \/items\/\{id\} does not match Pluggy's OpenAPI spec:\n {2}- \/id must be string/);
  });

  it('lists at most 10 errors', () => {
    const results = Array.from({ length: 12 }, () => ({ ...pixIn, amount: 'x' }));
    let message = '';
    try {
      assertMatchesSpec(schemaValidator('CursorPageResponseTransactions'), { results, next: null });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(10);
    expect(message).toMatch(/… and 2 more$/);
  });
});
