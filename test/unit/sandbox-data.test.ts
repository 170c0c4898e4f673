import { isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils';
import { describe, expect, it } from 'vitest';
import { ItemData } from '../../electron/core/sandbox/data/item-data.ts';
import { categoryById } from '../../electron/core/sandbox/taxonomy.ts';

const createdAt = Date.parse('2026-11-21T12:00:00.000Z');
const make = (seed: number, itemId = 'item-1', transactionsPerItem = 1200) =>
  new ItemData({ seed, itemId, createdAt, transactionsPerItem });

function firstRows(data: ItemData, count: number) {
  const account = data.accounts[0];
  if (!account) throw new Error('no account');
  return data.page(account, {}, undefined, count).results;
}

describe('sandbox data', () => {
  it('is the same for the same seed and item, on every run', () => {
    expect(firstRows(make(7), 50)).toEqual(firstRows(make(7), 50));
    expect(firstRows(make(7), 50)).not.toEqual(firstRows(make(8), 50));
    expect(firstRows(make(7, 'item-2'), 50)).not.toEqual(firstRows(make(7), 50));
  });

  it('uses only categories of the taxonomy', () => {
    const data = make(3);
    for (const account of data.accounts) {
      for (const row of data.page(account, {}, undefined, 2000).results) {
        expect(categoryById(row.categoryId ?? ''), row.description).toBeDefined();
      }
    }
  });

  it('gives every payer, receiver and merchant a valid CPF or CNPJ', () => {
    const documents = new Map<string, string>();
    for (const itemId of ['item-1', 'item-2', 'item-3', 'item-4']) {
      const data = make(3, itemId);
      for (const account of data.accounts) {
        for (const row of data.page(account, {}, undefined, data.count(account, {})).results) {
          const parties = [row.paymentData?.payer, row.paymentData?.receiver] as (
            { documentNumber: { type: string; value: string } } | undefined
          )[];
          for (const party of parties) if (party) documents.set(party.documentNumber.value, party.documentNumber.type);
          if (row.merchant) documents.set(String(row.merchant.cnpj), 'CNPJ');
        }
      }
    }
    expect(documents.size).toBeGreaterThan(20);
    for (const [value, type] of documents) {
      expect(type === 'CPF' ? isValidCpf(value) : isValidCnpj(value), `${type} ${value}`).toBe(true);
    }
  });

  it('lays the same few dozen dated rows a month over any number of history rows', () => {
    const dated = (data: ItemData) =>
      data.accounts.map((account) => data.count(account, {}) - account.count).reduce((sum, rows) => sum + rows);
    const small = make(5, 'item-1', 1200);
    expect(dated(make(5, 'item-1', 100_000))).toBe(dated(small));
    expect(dated(small) / 12).toBeGreaterThan(15);
    expect(dated(small) / 12).toBeLessThan(60);
  });

  it('finds any row by its id alone', () => {
    const data = make(3);
    for (const row of firstRows(data, 100)) expect(data.transaction(row.id)).toEqual(row);
    expect(data.transaction('00000000-0000-4000-a000-000000000000')).toBeUndefined();
  });

  it('serves a million-row account page by page in bounded memory', () => {
    const collect = globalThis.gc;
    if (!collect) throw new Error('run with --expose-gc (vitest.config.ts sets it)');
    const data = make(1, 'big', 1_000_000);
    const account = data.accounts[0];
    if (!account) throw new Error('no account');
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    let retained = 0;
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = data.page(account, {}, cursor, 500);
      rows += page.results.length;
      cursor = page.next ?? undefined;
      if (rows % 100_000 === 0) {
        collect();
        retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
      }
    } while (cursor);
    expect(account.count).toBe(550_000); // history rows, generated on demand
    expect(rows).toBe(data.count(account, {})); // plus each month's dated rows: fees, bills, transfers
    // What stays reachable does not grow with the rows served (a leak of even 20 bytes a row would show).
    expect(retained).toBeLessThan(8 * 1024 * 1024);
    // A guard, not a speed target: ~2 s alone, several times that on a busy 2-core machine.
  }, 60_000);
});
