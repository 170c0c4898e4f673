import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { accountLabels } from '../../electron/core/books/account-labels.ts';
import { TransactionQueries } from '../../electron/core/books/transaction-query.ts';
import { randomStream } from '../../electron/core/sandbox/data/random.ts';
import { type TransactionFilters, transactionSortKeys, uncategorized } from '../../electron/shared/transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/**
 * The page of a dense month and its count come out of one pass (counted-page.ts), kept
 * rows placed by a sample of the month's days. These books are laid out to mislead that
 * sample: the month's middle days (where it samples) hold descriptions, amounts and
 * categories that sort apart from the rest, values tie by the hundred, some categories
 * are none or unknown, a hidden account and removed rows are in the month too. Every page
 * must be the one the whole set, sorted by plain SQL, gives.
 */

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let queries: TransactionQueries;

const month = { from: '2026-10-01', to: '2026-10-31' };
const rowCount = 60_000;

beforeAll(async () => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  const { connection } = seedTwoAccounts(database.db);
  const { sqlite } = database;
  sqlite
    .prepare(
      `INSERT INTO accounts (id, connection_id, type, name, hidden_at) VALUES ('acc-hidden', ?, 'BANK', 'Oculta', '2026-10-01')`,
    )
    .run(connection);
  const category = sqlite.prepare(`INSERT INTO categories (id, source, name_pt, name_en) VALUES (?, 'pluggy', ?, ?)`);
  // Names sort against their ids, and differently in each language.
  ['05000000', '04000000', '03000000', '02000000', '01000000'].forEach((id, index) =>
    category.run(id, `Categoria ${index}`, `Category ${4 - index}`),
  );
  const insert = sqlite.prepare(
    `INSERT INTO transactions (id, account_id, description, amount_cents, currency_code, date, occurred_at, status,
       pluggy_category_id, removed_at)
     VALUES (?, ?, ?, ?, 'BRL', ?, ?, ?, ?, ?)`,
  );
  const random = randomStream(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  sqlite.transaction(() => {
    for (let index = 0; index < rowCount; index += 1) {
      const day = 1 + Math.floor(random() * 31);
      const middle = day >= 14 && day <= 18;
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      // The middle days: descriptions first and amounts largest, categories of their own.
      const description = middle
        ? pick(['aluguel', 'Aluguel', 'ALUGUEL sala'])
        : `${pick(['Pix', 'PIX', 'pix', 'Uber', 'uber', 'Zona Azul'])} ${pick(['recebido', 'enviado'])}`;
      const cents = middle ? pick([900_000, 800_000, 700_000]) : pick([-5_000, -1_000, 2_000, 10_000, 50_000]);
      const categoryId = middle ? pick(['01000000', null]) : pick(['05000000', '04000000', '99999999', null]);
      insert.run(
        `tx-${index}`,
        pick(['acc-checking', 'acc-card', 'acc-card', 'acc-hidden']),
        description,
        cents,
        date,
        `${date}T12:00:00.000Z`,
        random() < 0.05 ? 'PENDING' : 'POSTED',
        categoryId,
        random() < 0.01 ? '2026-10-31T00:00:00.000Z' : null,
      );
    }
  })();
  queries = new TransactionQueries(sqlite);
  // Indexes the rows for search.
  await queries.list({ filters: { search: 'pix' } }, 'pt-BR');
}, 60_000);

afterAll(() => {
  database.close();
  temp.remove();
});

type Sort = (typeof transactionSortKeys)[number];

/** Every row of the set, in the sort's order, by plain SQL over the whole set. */
function everyRow(filters: TransactionFilters, sort: Sort, descending: boolean, language: 'pt-BR' | 'en'): string[] {
  const accountRanks = JSON.stringify(accountLabels(database.sqlite).map((label) => label.id));
  const name = language === 'en' ? 'name_en' : 'name_pt';
  const keys: Record<Sort, string> = {
    date: 't.date',
    description: 't.description COLLATE NOCASE',
    amount: 't.amount_cents',
    account: '(SELECT key FROM json_each(@accountRanks) WHERE value = t.account_id)',
    category: `(SELECT rank FROM (SELECT id, row_number() OVER (ORDER BY ${name}, id) AS rank FROM categories)
                WHERE id = coalesce(t.user_category_id, t.pluggy_category_id))`,
  };
  const direction = descending ? 'DESC' : 'ASC';
  return database.sqlite
    .prepare(
      `SELECT t.id FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE a.hidden_at IS NULL AND t.removed_at IS NULL AND t.date BETWEEN @from AND @to
         AND (@direction IS NULL OR (t.amount_cents < 0) = (@direction = 'out'))
         AND (@pending IS NULL OR (t.status = 'PENDING') = @pending)
         AND (@search IS NULL OR t.rowid IN (SELECT rowid FROM transactions_search WHERE transactions_search MATCH @search))
         AND (@categories IS NULL OR coalesce(t.user_category_id, t.pluggy_category_id) IN (SELECT value FROM json_each(@categories))
           OR (@uncategorized AND coalesce(t.user_category_id, t.pluggy_category_id) IS NULL))
         AND (@minCents IS NULL OR abs(t.amount_cents) >= @minCents)
       ORDER BY ${keys[sort]} ${direction}, t.rowid ${direction}`,
    )
    .pluck()
    .all({
      accountRanks,
      from: filters.from,
      to: filters.to,
      direction: filters.direction ?? null,
      pending: filters.pending === undefined ? null : Number(filters.pending),
      search: filters.search === undefined ? null : `"${filters.search}"*`,
      categories: filters.categoryIds === undefined ? null : JSON.stringify(filters.categoryIds),
      uncategorized: Number(filters.categoryIds?.includes(uncategorized) ?? false),
      minCents: filters.minCents ?? null,
    }) as string[];
}

const filterSets: TransactionFilters[] = [
  month,
  { from: '2026-10-10', to: '2026-10-20' },
  { ...month, direction: 'out' },
  { ...month, pending: true },
  { ...month, pending: false },
  { ...month, search: 'uber' },
  // Read along the live rows' date index, which holds the category and the amounts too.
  { ...month, categoryIds: ['04000000', uncategorized] },
  { ...month, minCents: 100_000 },
  { ...month, search: 'aluguel', direction: 'in' },
];

describe('a dense month’s page, counted in the same pass', () => {
  for (const filters of filterSets) {
    for (const sort of transactionSortKeys) {
      it(`gives the whole set's order and count: ${JSON.stringify(filters)} by ${sort}`, async () => {
        for (const descending of [true, false]) {
          for (const language of ['pt-BR', 'en'] as const) {
            const expected = everyRow(filters, sort, descending, language);
            for (const offset of [0, 400]) {
              const page = await queries.list({ filters, sort, descending, offset, limit: 200 }, language);
              expect(page.total).toBe(expected.length);
              expect(page.rows.map((row) => row.id)).toEqual(expected.slice(offset, offset + 200));
            }
          }
        }
      });
    }
  }
});
