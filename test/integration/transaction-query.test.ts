import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase, sourceMigrationsFolder } from '../../db/open.ts';
import { categories, transactions, transactionUserData } from '../../db/schema.ts';
import {
  type ProviderTransaction,
  ProviderTransactionWriter,
} from '../../electron/core/books/provider-transactions.ts';
import { TransactionQueries } from '../../electron/core/books/transaction-query.ts';
import { TransactionSearchIndex } from '../../electron/core/books/transaction-search.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import {
  type TransactionFilters,
  TransactionPage,
  type TransactionQuery,
  uncategorized,
} from '../../electron/shared/transactions.ts';
import { seedTwoAccounts, seedTwoAccountsInOlderBooks } from '../fixtures/seed.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { providerRow as row } from '../fixtures/provider-transactions.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let queries: TransactionQueries;
let writer: ProviderTransactionWriter;

/** A small freelancer's month: income, card purchases (one in USD), bills, one pending. */
const books: ProviderTransaction[] = [
  row('t-acme', {
    description: 'PIX RECEBIDO - ACME LTDA',
    amountCents: 850_000,
    date: '2026-10-05',
    pluggyCategoryId: '01010000',
    counterpartyName: 'ACME LTDA',
  }),
  row('t-joao', {
    description: 'TED RECEBIDA',
    amountCents: 120_000,
    date: '2026-10-12',
    pluggyCategoryId: '01010000',
    counterpartyName: 'João da Silva',
  }),
  row('t-cafe', {
    accountId: 'acc-card',
    description: 'Café São José',
    amountCents: -1_850,
    date: '2026-10-03',
    pluggyCategoryId: '11020000',
  }),
  row('t-cafe-upper', {
    accountId: 'acc-card',
    description: 'CAFE DO PONTO',
    amountCents: -2_200,
    date: '2026-10-03',
  }),
  row('t-uber', {
    accountId: 'acc-card',
    description: 'PAG*UBERTRIP',
    amountCents: -3_490,
    date: '2026-10-20',
    merchantName: 'Uber do Brasil',
    pluggyCategoryId: '19030000',
  }),
  row('t-netflix', {
    accountId: 'acc-card',
    description: 'NETFLIX.COM',
    amountCents: -1_099,
    currencyCode: 'USD',
    amountInAccountCurrencyCents: -5_990,
    date: '2026-10-15',
    pluggyCategoryId: '08000000',
  }),
  row('t-das', {
    description: 'DAS - SIMPLES NACIONAL',
    amountCents: -7_660,
    date: '2026-10-20',
    pluggyCategoryId: '16000000',
  }),
  row('t-aluguel', {
    description: 'ALUGUEL COWORKING',
    amountCents: -110_000,
    date: '2026-11-02',
    status: 'PENDING',
  }),
  row('t-setembro', {
    description: 'TARIFA PACOTE SERVICOS',
    amountCents: -2_990,
    date: '2026-09-30',
    pluggyCategoryId: '16020000',
  }),
];

function seedCategories() {
  database.db
    .insert(categories)
    .values([
      { id: 'user-clients', source: 'user', namePt: 'Clientes', nameEn: 'Clients', reportGroup: 'income' },
      { id: 'user-office', source: 'user', namePt: 'Escritório', nameEn: 'Office', reportGroup: 'deductible_expense' },
      { id: '01010000', source: 'pluggy', namePt: 'Salário', nameEn: 'Salary' },
      { id: '11020000', source: 'pluggy', namePt: 'Cafés', nameEn: 'Coffee shops' },
      { id: '19030000', source: 'pluggy', namePt: 'Táxi e apps', nameEn: 'Taxi and ride-hailing' },
      { id: '08000000', source: 'pluggy', namePt: 'Assinaturas', nameEn: 'Subscriptions' },
      { id: '16000000', source: 'pluggy', namePt: 'Impostos', nameEn: 'Taxes' },
      { id: '16020000', source: 'pluggy', namePt: 'Tarifas bancárias', nameEn: 'Bank fees' },
    ])
    .run();
}

function setUserData(transactionId: string, fields: Partial<typeof transactionUserData.$inferInsert>) {
  database.db
    .insert(transactionUserData)
    .values({ transactionId, ...fields })
    .onConflictDoUpdate({ target: transactionUserData.transactionId, set: fields })
    .run();
}

async function ids(query: TransactionQuery, language: 'pt-BR' | 'en' = 'pt-BR'): Promise<string[]> {
  return (await queries.list(query, language)).rows.map((listed) => listed.id);
}

async function found(search: string): Promise<string[]> {
  return (await ids({ filters: { search } })).sort();
}

beforeEach(() => {
  temp = makeTempDir();
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  seedTwoAccounts(database.db);
  seedCategories();
  writer = new ProviderTransactionWriter(database.sqlite);
  writer.write(books);
  // The user's work: a client renamed and recategorized, notes, usage, a rule's category.
  setUserData('t-joao', {
    counterpartyDisplayName: 'Cliente Estúdio Aurora',
    categoryId: 'user-clients',
    categorySource: 'manual',
    usage: 'business',
  });
  setUserData('t-cafe', { notes: 'Reunião com cliente', usage: 'business', tags: ['reunião'] });
  setUserData('t-cafe-upper', { usage: 'personal' });
  setUserData('t-das', { categoryId: 'user-office', categorySource: 'rule' });
  queries = new TransactionQueries(database.sqlite);
});
afterEach(() => {
  database.close();
  temp.remove();
});

describe('transactions:list query', () => {
  it('lists every live transaction, newest first, with the user fields laid over the bank’s', async () => {
    const page = await queries.list({}, 'pt-BR');
    // Same day: the row the books saw last comes first (t-das after t-uber, t-cafe-upper after t-cafe).
    expect(page.rows.map((listed) => listed.id)).toEqual([
      't-aluguel',
      't-das',
      't-uber',
      't-netflix',
      't-joao',
      't-acme',
      't-cafe-upper',
      't-cafe',
      't-setembro',
    ]);
    expect(page.rows.find((listed) => listed.id === 't-joao')).toMatchObject({
      counterparty: 'Cliente Estúdio Aurora',
      categoryId: 'user-clients',
      categorySource: 'manual',
      usage: 'business',
      accountName: 'Nubank · Conta Corrente ·· 2345-0',
      accountShortName: 'Nubank ·· 2345-0',
      institution: 'Nubank',
      accountDisconnected: false,
    });
    expect(page.rows.find((listed) => listed.id === 't-das')).toMatchObject({
      categoryId: 'user-office',
      categorySource: 'rule',
    });
    expect(page.rows.find((listed) => listed.id === 't-uber')).toMatchObject({
      counterparty: 'Uber do Brasil',
      categoryId: '19030000',
      categorySource: 'pluggy',
      usage: null,
      tags: [],
    });
    expect(page.rows.find((listed) => listed.id === 't-cafe')).toMatchObject({
      notes: 'Reunião com cliente',
      tags: ['reunião'],
      accountName: 'Nubank · Cartão Roxinho ·· 4242',
      accountShortName: 'Nubank ·· 4242',
    });
    expect(page.rows.find((listed) => listed.id === 't-aluguel')).toMatchObject({
      pending: true,
      categoryId: null,
      categorySource: null,
    });
    expect(page.total).toBe(9);
  });

  it('filters by account', async () => {
    expect((await ids({ filters: { accountIds: ['acc-card'] } })).sort()).toEqual([
      't-cafe',
      't-cafe-upper',
      't-netflix',
      't-uber',
    ]);
    expect(await ids({ filters: { accountIds: ['no-such-account'] } })).toEqual([]);
  });

  it('filters by an inclusive period of bookkeeping dates', async () => {
    expect((await ids({ filters: { from: '2026-10-03', to: '2026-10-05' } })).sort()).toEqual([
      't-acme',
      't-cafe',
      't-cafe-upper',
    ]);
    expect(await ids({ filters: { from: '2026-11-01' } })).toEqual(['t-aluguel']);
    expect(await ids({ filters: { to: '2026-09-30' } })).toEqual(['t-setembro']);
  });

  it('filters by effective category: the user’s or a rule’s over Pluggy’s, or none', async () => {
    // Pluggy said salary for both incomes; the user moved João's to Clients.
    expect(await ids({ filters: { categoryIds: ['01010000'] } })).toEqual(['t-acme']);
    expect(await ids({ filters: { categoryIds: ['user-clients'] } })).toEqual(['t-joao']);
    expect(await ids({ filters: { categoryIds: ['16000000'] } })).toEqual([]);
    expect(await ids({ filters: { categoryIds: ['user-office'] } })).toEqual(['t-das']);
    expect((await ids({ filters: { categoryIds: [uncategorized] } })).sort()).toEqual(['t-aluguel', 't-cafe-upper']);
    expect((await ids({ filters: { categoryIds: [uncategorized, '11020000'] } })).sort()).toEqual([
      't-aluguel',
      't-cafe',
      't-cafe-upper',
    ]);
  });

  it('filters by the amount’s size and by direction, in the account’s currency', async () => {
    // Netflix is US$ 10.99, R$ 59.90 on the card: the range reads the reais.
    expect((await ids({ filters: { minCents: 3_000, maxCents: 6_000 } })).sort()).toEqual(['t-netflix', 't-uber']);
    expect((await ids({ filters: { direction: 'in' } })).sort()).toEqual(['t-acme', 't-joao']);
    expect(await ids({ filters: { direction: 'out' } })).toHaveLength(7);
    // Sizes, in or out: the rent is as large as the income.
    expect((await ids({ filters: { minCents: 100_000 } })).sort()).toEqual(['t-acme', 't-aluguel', 't-joao']);
    expect((await ids({ filters: { minCents: 100_000, direction: 'in' } })).sort()).toEqual(['t-acme', 't-joao']);
    expect(await ids({ filters: { minCents: 100_000, direction: 'out' } })).toEqual(['t-aluguel']);
  });

  it('filters pending rows in or out', async () => {
    expect(await ids({ filters: { pending: true } })).toEqual(['t-aluguel']);
    expect(await ids({ filters: { pending: false } })).toHaveLength(8);
  });

  it('filters by business, personal or unset usage', async () => {
    expect((await ids({ filters: { usage: 'business' } })).sort()).toEqual(['t-cafe', 't-joao']);
    expect(await ids({ filters: { usage: 'personal' } })).toEqual(['t-cafe-upper']);
    expect((await ids({ filters: { usage: 'unset' } })).sort()).toEqual([
      't-acme',
      't-aluguel',
      't-das',
      't-netflix',
      't-setembro',
      't-uber',
    ]);
  });

  it('combines filters, and the count and totals follow the whole filtered set, not the page', async () => {
    const filters = {
      accountIds: ['acc-card', 'acc-checking'],
      from: '2026-10-01',
      to: '2026-10-31',
      direction: 'out',
    } satisfies TransactionFilters;
    const page = await queries.list({ filters, limit: 2 }, 'pt-BR');
    expect(page.rows.map((listed) => listed.id)).toEqual(['t-das', 't-uber']);
    expect(page.total).toBe(5);
    const outCents = -3_490 - 7_660 - 5_990 - 2_200 - 1_850;
    expect(await queries.totals(filters)).toEqual({ inCents: 0, outCents, netCents: outCents });

    const business = await queries.list(
      { filters: { usage: 'business', categoryIds: ['user-clients'], search: 'aurora', pending: false } },
      'pt-BR',
    );
    expect(business.rows.map((listed) => listed.id)).toEqual(['t-joao']);
  });

  it('totals money in, out and net in each account’s currency', async () => {
    const filters = { from: '2026-10-01', to: '2026-10-31' };
    const page = await queries.list({ filters }, 'pt-BR');
    const inCents = 850_000 + 120_000;
    const outCents = -1_850 - 2_200 - 3_490 - 5_990 - 7_660;
    expect(await queries.totals(filters)).toEqual({ inCents, outCents, netCents: inCents + outCents });
    expect(page.total).toBe(7);
  });

  it('never lists removed transactions, nor counts them', async () => {
    database.db
      .update(transactions)
      .set({ removedAt: '2026-11-10T00:00:00.000Z' })
      .where(eq(transactions.id, 't-acme'))
      .run();
    const page = await queries.list({ filters: { search: 'acme' } }, 'pt-BR');
    expect(page).toEqual({ rows: [], total: 0 });
    expect(await queries.totals({ search: 'acme' })).toEqual({ inCents: 0, outCents: 0, netCents: 0 });
    expect((await queries.list({}, 'pt-BR')).total).toBe(8);

    // Listed again by the bank: back in the list and in the search.
    database.db.update(transactions).set({ removedAt: null }).where(eq(transactions.id, 't-acme')).run();
    expect(await queries.list({ filters: { search: 'acme' } }, 'pt-BR')).toMatchObject({ total: 1 });
  });

  it.each([
    ['date', ['t-setembro', 't-cafe', 't-cafe-upper', 't-acme', 't-joao', 't-netflix', 't-uber', 't-das', 't-aluguel']],
    [
      'description',
      ['t-aluguel', 't-cafe-upper', 't-cafe', 't-das', 't-netflix', 't-uber', 't-acme', 't-setembro', 't-joao'],
    ],
    // As every picker lists accounts (by institution, bank accounts before cards, then by name).
    [
      'account',
      ['t-acme', 't-joao', 't-das', 't-aluguel', 't-setembro', 't-cafe', 't-cafe-upper', 't-uber', 't-netflix'],
    ],
    [
      'amount',
      ['t-aluguel', 't-das', 't-netflix', 't-uber', 't-setembro', 't-cafe-upper', 't-cafe', 't-joao', 't-acme'],
    ],
  ] as const)('sorts by %s both ways, ties in the order the books first saw the rows', async (sort, ascending) => {
    expect(await ids({ sort, descending: false })).toEqual(ascending);
    expect(await ids({ sort, descending: true })).toEqual([...ascending].reverse());
  });

  it('sorts by the category’s name in the user’s language, uncategorized first', async () => {
    const ascendingPt = await ids({ sort: 'category', descending: false }, 'pt-BR');
    // Assinaturas, Cafés, Clientes, Escritório, Salário, Tarifas bancárias, Táxi e apps.
    expect(ascendingPt).toEqual([
      't-cafe-upper',
      't-aluguel',
      't-netflix',
      't-cafe',
      't-joao',
      't-das',
      't-acme',
      't-setembro',
      't-uber',
    ]);
    const ascendingEn = await ids({ sort: 'category', descending: false }, 'en');
    // Bank fees, Clients, Coffee shops, Office, Salary, Subscriptions, Taxi and ride-hailing.
    expect(ascendingEn.slice(2)).toEqual(['t-setembro', 't-joao', 't-cafe', 't-das', 't-acme', 't-netflix', 't-uber']);
    expect(await ids({ sort: 'category', descending: true }, 'en')).toEqual([...ascendingEn].reverse());
  });

  it('counts the set only when asked: a page scrolled to gets the same rows without the count', async () => {
    const counted = await queries.list({ filters: { from: '2026-10-01' }, offset: 2, limit: 3 }, 'pt-BR');
    const uncounted = await queries.list(
      { filters: { from: '2026-10-01' }, offset: 2, limit: 3, count: false },
      'pt-BR',
    );
    expect(counted.total).toBe(8);
    expect(uncounted).toEqual({ rows: counted.rows, total: null });
    expect(await queries.list({ filters: { search: 'cafe' }, count: false }, 'pt-BR')).toMatchObject({ total: null });
  });

  it('pages through a large set without losing or repeating a row, whatever the ties', async () => {
    // 250 rows on three dates with five amounts: every sort key has long runs of ties.
    writer.write(
      Array.from({ length: 250 }, (_, index) =>
        row(`bulk-${String(index).padStart(3, '0')}`, {
          description: `Bulk ${index % 4}`,
          date: `2026-08-0${1 + (index % 3)}`,
          amountCents: -100 * (1 + (index % 5)),
        }),
      ),
    );
    for (const sort of ['date', 'description', 'amount', 'account'] as const) {
      for (const descending of [false, true]) {
        const whole = await ids({ sort, descending, limit: 1000 });
        const paged: string[] = [];
        for (let offset = 0; offset < whole.length; offset += 37) {
          const page = await queries.list({ sort, descending, offset, limit: 37 }, 'pt-BR');
          expect(page.total).toBe(259);
          paged.push(...page.rows.map((listed) => listed.id));
        }
        expect(paged).toEqual(whole);
        expect(new Set(paged).size).toBe(259);
      }
    }
  });
});

describe('full-text search', () => {
  it('ignores accents and case, both ways', async () => {
    expect(await found('CAFE')).toEqual(['t-cafe', 't-cafe-upper']);
    expect(await found('café')).toEqual(['t-cafe', 't-cafe-upper']);
    expect(await found('sao jose')).toEqual(['t-cafe']);
    expect(await found('joão')).toEqual([]); // renamed by the user: the bank's name is not shown
    expect(await found('Estudio')).toEqual(['t-joao']);
  });

  it('matches the start of words, so typing a prefix finds the row', async () => {
    expect(await found('uber')).toEqual(['t-uber']);
    expect(await found('uber do bra')).toEqual(['t-uber']);
    expect(await found('ubertrip')).toEqual(['t-uber']);
    expect(await found('cowork')).toEqual(['t-aluguel']);
    expect(await found('working')).toEqual([]);
  });

  it('searches the counterparty, the merchant and the user’s notes', async () => {
    expect(await found('acme')).toEqual(['t-acme']);
    expect(await found('reuniao')).toEqual(['t-cafe']);
    expect(await found('cliente')).toEqual(['t-cafe', 't-joao']);
  });

  it('keeps up with the bank’s changes and deletions', async () => {
    expect(await found('ponto')).toEqual(['t-cafe-upper']);
    writer.write([{ ...(books[3] as ProviderTransaction), description: 'PADARIA ESQUINA' }]);
    expect(await found('ponto')).toEqual([]);
    expect(await found('padaria')).toEqual(['t-cafe-upper']);

    database.db.delete(transactionUserData).where(eq(transactionUserData.transactionId, 't-cafe-upper')).run();
    database.db.delete(transactions).where(eq(transactions.id, 't-cafe-upper')).run();
    expect(await found('padaria')).toEqual([]);

    // The last row's rowid goes to the next new transaction: it is indexed as its own.
    expect(await found('tarifa')).toEqual(['t-setembro']);
    database.db.delete(transactions).where(eq(transactions.id, 't-setembro')).run();
    expect(await found('tarifa')).toEqual([]);
    writer.write([row('t-new', { description: 'Livraria Cultura' })]);
    const rowids = database.sqlite.prepare("SELECT rowid FROM transactions WHERE id = 't-new'").pluck().all();
    expect(rowids).toEqual([books.length]);
    expect(await found('livraria')).toEqual(['t-new']);
    expect(await found('tarifa')).toEqual([]);
  });

  it('indexes the rows after a whole chunk of removed ones', async () => {
    // The books indexed, then exactly one indexing chunk (5,000) of rows removed, then a live one.
    expect(await found('livraria')).toEqual([]);
    const gone = Array.from({ length: 5_000 }, (_, index) => row(`gone-${index}`, { description: 'Livraria antiga' }));
    writer.write(gone);
    database.sqlite.prepare("UPDATE transactions SET removed_at = '2026-11-10' WHERE id LIKE 'gone-%'").run();
    writer.write([row('t-livraria', { description: 'Livraria Cultura' })]);
    expect(await found('livraria')).toEqual(['t-livraria']);
  });

  it('takes edits in a row to a row still waiting to be indexed (upserts included)', async () => {
    // An upsert's conflict handling reaches the queueing triggers: queuing the same row
    // twice must not fail the user's (or a rule's) edit (migration 0004).
    setUserData('t-uber', { notes: 'Primeira nota' });
    setUserData('t-uber', { notes: 'Segunda nota' });
    setUserData('t-uber', { counterpartyDisplayName: 'Motorista' });
    expect(await found('segunda')).toEqual(['t-uber']);
    expect(await found('motorista')).toEqual(['t-uber']);
    expect(await found('primeira')).toEqual([]);
  });

  it('keeps up with the user’s notes and counterparty names, edited and cleared', async () => {
    setUserData('t-uber', { notes: 'Visita ao cliente Beta' });
    expect(await found('beta')).toEqual(['t-uber']);
    setUserData('t-uber', { notes: 'Corrida ao aeroporto' });
    expect(await found('beta')).toEqual([]);
    expect(await found('aeroporto')).toEqual(['t-uber']);

    setUserData('t-joao', { counterpartyDisplayName: null });
    expect(await found('aurora')).toEqual([]);
    expect(await found('joao')).toEqual(['t-joao']);

    database.db.delete(transactionUserData).where(eq(transactionUserData.transactionId, 't-cafe')).run();
    expect(await found('reuniao')).toEqual([]);
    expect(await found('cafe')).toEqual(['t-cafe', 't-cafe-upper']);
  });

  it.each([
    '"cafe',
    'cafe"',
    'cafe*',
    '*',
    '-cafe',
    '(cafe',
    'cafe)',
    'cafe AND',
    'AND',
    'NOT cafe',
    'cafe OR uber',
    'NEAR(cafe uber)',
    'description:cafe',
    '^cafe',
    "d'agua",
    '   ',
    '+ - ! @ # $ % &',
  ])('takes %j as plain words, never as FTS5 syntax', async (search) => {
    await expect(queries.list({ filters: { search } }, 'pt-BR')).resolves.toBeDefined();
  });

  it('lists, counts and totals a word found in many rows exactly as the rows say, however the search runs', async () => {
    // A third of 3,000 rows over eleven months match "padaria": enough that a page in date order
    // walks the listing index instead of looking each match up; "esquina" matches few.
    const many = Array.from({ length: 3_000 }, (_, index) =>
      row(`many-${String(index).padStart(4, '0')}`, {
        description: index % 3 === 0 ? `PADARIA ${index % 7 === 0 ? 'ESQUINA' : 'CENTRAL'}` : `MERCADO ${index}`,
        date: `2025-${String(1 + (index % 11)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
        amountCents: (index % 5 === 0 ? 1 : -1) * (100 + index),
        accountId: index % 2 === 0 ? 'acc-checking' : 'acc-card',
      }),
    );
    writer.write(many);
    const expectFor = async (search: string, extra: { from?: string; to?: string; accountIds?: string[] } = {}) => {
      const words = search.toUpperCase().split(' ');
      const matching = many
        .filter((listed) => words.every((word) => listed.description.split(' ').includes(word)))
        .filter(
          (listed) =>
            (extra.from === undefined || listed.date >= extra.from) &&
            (extra.to === undefined || listed.date <= extra.to),
        )
        .filter((listed) => extra.accountIds === undefined || extra.accountIds.includes(listed.accountId))
        // Newest first; on one day, the row written last (ids grow with the order of writing).
        .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
      const filters = { search, ...extra };
      const page = await queries.list({ filters, offset: 100, limit: 200 }, 'pt-BR');
      expect(page.total).toBe(matching.length);
      expect(page.rows.map((listed) => listed.id)).toEqual(matching.slice(100, 300).map((listed) => listed.id));
      const inCents = matching
        .filter((listed) => listed.amountCents > 0)
        .reduce((sum, listed) => sum + listed.amountCents, 0);
      const outCents = matching
        .filter((listed) => listed.amountCents < 0)
        .reduce((sum, listed) => sum + listed.amountCents, 0);
      expect(await queries.totals(filters)).toEqual({ inCents, outCents, netCents: inCents + outCents });
      return matching.length;
    };
    expect(await expectFor('padaria')).toBe(1_000);
    expect(await expectFor('padaria', { from: '2025-03-01', to: '2025-03-31' })).toBeGreaterThan(50);
    expect(await expectFor('padaria', { accountIds: ['acc-card'] })).toBe(500);
    expect(await expectFor('padaria esquina')).toBe(143);
    expect(await expectFor('padaria esquina', { from: '2025-06-01', to: '2025-12-31' })).toBeGreaterThan(0);
  });

  it('reads operators and punctuation as the words they are', async () => {
    expect(await found('"café"')).toEqual(['t-cafe', 't-cafe-upper']);
    expect(await found('(cafe) -sao')).toEqual(['t-cafe']);
    expect(await found('cafe OR uber')).toEqual([]);
    // Nothing searchable left: no search at all.
    expect(await found('***')).toHaveLength(9);
  });

  it('indexes transactions already in the books when the search index arrives (migration 0003)', async () => {
    const { file, migrations } = booksBefore('0003_');
    const older = openDatabase(file, { migrationsFolder: migrations });
    seedTwoAccountsInOlderBooks(older.sqlite);
    new ProviderTransactionWriter(older.sqlite).write(books);
    older.close();

    const upgraded = upgrade(file, migrations);
    try {
      const page = await new TransactionQueries(upgraded.sqlite).list({ filters: { search: 'cafe' } }, 'pt-BR');
      expect(page.rows.map((listed) => listed.id).sort()).toEqual(['t-cafe', 't-cafe-upper']);
    } finally {
      upgraded.close();
    }
  });

  it('drops transactions removed before migration 0005 from the search index', async () => {
    const { file, migrations } = booksBefore('0005_');
    const older = openDatabase(file, { migrationsFolder: migrations });
    seedTwoAccountsInOlderBooks(older.sqlite);
    new ProviderTransactionWriter(older.sqlite).write(books);
    await new TransactionSearchIndex(older.sqlite).catchUp();
    older.db
      .update(transactions)
      .set({ removedAt: '2026-11-10T00:00:00.000Z' })
      .where(eq(transactions.id, 't-acme'))
      .run();
    older.close();

    const upgraded = upgrade(file, migrations);
    try {
      const page = await new TransactionQueries(upgraded.sqlite).list({ filters: { search: 'acme' } }, 'pt-BR');
      expect(page).toEqual({ rows: [], total: 0 });
    } finally {
      upgraded.close();
    }
  });
  it('copies the user fields already in the books onto their transactions (migration 0005)', async () => {
    const { file, migrations } = booksBefore('0005_');
    const older = openDatabase(file, { migrationsFolder: migrations });
    seedTwoAccountsInOlderBooks(older.sqlite);
    new ProviderTransactionWriter(older.sqlite).write(books);
    // Raw SQL: the schema's insert would name columns later migrations add.
    older.sqlite
      .prepare(
        `INSERT INTO categories (id, source, name_pt, name_en) VALUES ('user-clients', 'user', 'Clientes', 'Clients')`,
      )
      .run();
    older.db
      .insert(transactionUserData)
      .values([
        { transactionId: 't-joao', categoryId: 'user-clients', categorySource: 'manual', usage: 'business' },
        { transactionId: 't-cafe', notes: 'Reunião', usage: 'personal' },
      ])
      .run();
    older.close();

    const upgraded = upgrade(file, migrations);
    try {
      expect(userFieldCopyMismatches(upgraded.sqlite)).toBe(0);
      const upgradedQueries = new TransactionQueries(upgraded.sqlite);
      const listed = async (filters: TransactionFilters) =>
        (await upgradedQueries.list({ filters }, 'pt-BR')).rows.map((listedRow) => listedRow.id);
      expect(await listed({ categoryIds: ['user-clients'] })).toEqual(['t-joao']);
      expect(await listed({ usage: 'personal', from: '2026-10-01', to: '2026-10-31' })).toEqual(['t-cafe']);
    } finally {
      upgraded.close();
    }
  });
});

/** A database file and a copy of the migrations before the one tagged `tag`. */
function booksBefore(tag: string): { file: string; migrations: string } {
  const migrations = join(temp.path, 'migrations');
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(sourceMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const upTo = journal.entries.findIndex((entry) => entry.tag.startsWith(tag));
  for (const entry of journal.entries.slice(0, upTo))
    copyFileSync(join(sourceMigrationsFolder, `${entry.tag}.sql`), join(migrations, `${entry.tag}.sql`));
  writeFileSync(
    join(migrations, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
  );
  return { file: join(temp.path, 'older.sqlite'), migrations };
}

/** Opens `file` with every migration, as the next version of the app does. */
function upgrade(file: string, migrations: string): OpenedDatabase {
  cpSync(sourceMigrationsFolder, migrations, { recursive: true });
  return openDatabase(file, { migrationsFolder: migrations });
}

describe('transactions:list over IPC', () => {
  it('validates the query and answers with a page that matches the contract', async () => {
    const deps = testHandlerDeps(database, {
      appInfo: { version: '0.0.0-test', dataDirectory: temp.path },
      emit: () => undefined,
    });
    try {
      const handlers = createHandlers(deps);
      const result = await dispatch(
        handlers,
        'transactions:list',
        { filters: { search: 'CAFÉ', accountIds: ['acc-card'] }, sort: 'amount', descending: false },
        { validateOutput: true },
      );
      expect(result).toMatchObject({ ok: true, value: { total: 2 } });
      if (result.ok)
        expect(TransactionPage.parse(result.value).rows.map((listed) => listed.id)).toEqual(['t-cafe-upper', 't-cafe']);

      const totals = await dispatch(
        handlers,
        'transactions:totals',
        { search: 'CAFÉ', accountIds: ['acc-card'] },
        { validateOutput: true },
      );
      expect(totals).toEqual({ ok: true, value: { inCents: 0, outCents: -4_050, netCents: -4_050 } });

      const refused = await dispatch(handlers, 'transactions:list', { limit: 5_000 });
      expect(refused.ok).toBe(false);
    } finally {
      await deps.dispose();
    }
  });
});
