import { loadavg } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, refreshPlannerStatistics } from '../db/open.ts';
import { TransactionQueries } from '../electron/core/books/transaction-query.ts';
import { TransactionSearchIndex } from '../electron/core/books/transaction-search.ts';
import { randomStream } from '../electron/core/sandbox/data/random.ts';
import { type TransactionQuery, transactionSortKeys, uncategorized } from '../electron/shared/transactions.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import type { Benchmark, Metric } from './harness.ts';

const rowCount = 1_000_000;
const accountCount = 8;
const categoryCount = 80;
const queryCount = 200;
const firstDay = Date.UTC(2021, 10, 1);
const fiveYears = 5 * 365;

/** Who a freelancer pays and is paid by: accents and mixed case, as banks write them. */
const payees = [
  'Padaria São João',
  'Café Três Corações',
  'Açougue Irmãos Araújo',
  'Farmácia Popular',
  'Posto Ipiranga',
  'Mercado Pão de Açúcar',
  'Livraria Cultura',
  'Uber do Brasil',
  'iFood Restaurante Sabor Mineiro',
  'Drogaria São Paulo',
  'Estúdio Aurora Design',
  'Gráfica Expressa',
  'Condomínio Edifício Ipê',
  'Clínica Odontológica Sorriso',
  'Papelaria Criação',
  'Academia Corpo & Saúde',
  'Lavanderia Água Limpa',
  'Hortifruti Orgânico',
  'Coworking Vila Madalena',
  'Escritório Contábil Gonçalves',
  'Companhia de Saneamento',
  'Enel Distribuição',
  'Vivo Telefônica',
  'Netflix Serviços',
  'Spotify Brasil',
  'Amazon Serviços de Varejo',
  'Magazine Luiza',
  'Cinépolis Shopping',
  'Restaurante Cantinho Baiano',
  'Sorveteria Tropical',
];
const kinds = ['PIX ENVIADO', 'PIX RECEBIDO', 'COMPRA CARTÃO', 'PAGAMENTO BOLETO', 'TED', 'DÉBITO AUTOMÁTICO'];
const notes = ['Reunião com cliente', 'Reembolsável', 'Dividido com sócio', 'Nota fiscal pedida', 'Viagem a trabalho'];
const searches = [
  'padaria',
  'cafe',
  'acougue araujo',
  'farmacia',
  'ipiranga',
  'pao de acucar',
  'livraria',
  'uber',
  'sabor mineiro',
  'sao paulo',
  'aurora',
  'grafica',
  'condominio',
  'odonto',
  'papel',
  'academia saude',
  'agua limpa',
  'organico',
  'cowork',
  'contabil',
  'saneamento',
  'enel',
  'telefon',
  'netflix',
  'spotify',
  'amazon',
  'magazine',
  'cinepolis',
  'baiano',
  'tropical',
  'reembolsavel',
  'reuniao cliente',
  'nota fiscal',
  'viagem',
  'SÃO JOÃO',
  'Café',
];

/** The books' two shapes: five years of eight accounts (a month holds ~17k rows), and one year (~83k). */
const shapes = [
  { name: '5-year', days: fiveYears },
  { name: '1-year', days: 365 },
] as const;

/**
 * design.md §10 and issue 18: the transactions page (a month, filters, any sort, 200 rows,
 * with the filtered set's count) p95 ≤ 10 ms and full-text search (200 rows and the count)
 * p95 ≤ 25 ms, on 1M transactions, for books of five years and for an item of one year
 * whose months are five times denser. Each shape's database is built with one prepared
 * insert in one transaction, then the search index catches up as it would after a sync.
 * The totals, which the screen asks for apart (once per set of filters, not per page or
 * sort), are timed on their own. The machine's load (1-minute average) is noted before
 * and after each shape's timing: on a busy machine the figures are not the code's.
 */
export const transactionsQueryBenchmark: Benchmark = {
  name: 'transactions-query',
  description: `transactions page and search over ${rowCount.toLocaleString('en-US')} transactions, 5-year and 1-year books`,
  async run() {
    const metrics: Metric[] = [];
    for (const shape of shapes) metrics.push(...(await measureShape(shape)));
    return metrics;
  },
};

async function measureShape(shape: (typeof shapes)[number]): Promise<Metric[]> {
  const temp = makeTempDir('balancete-bench-query-');
  const database = openDatabase(join(temp.path, 'balancete.sqlite'));
  try {
    const random = randomStream(42);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const buildStart = performance.now();
    const { accountIds, categoryIds } = seed(database.sqlite, random, pick, { days: shape.days });
    const buildSeconds = (performance.now() - buildStart) / 1000;

    const indexStart = performance.now();
    await new TransactionSearchIndex(database.sqlite).catchUp();
    const indexSeconds = (performance.now() - indexStart) / 1000;
    // As the app's next start does.
    refreshPlannerStatistics(database.sqlite);

    const queries = new TransactionQueries(database.sqlite);
    const month = () => {
      const day = new Date(firstDay + Math.floor(random() * shape.days) * 86_400_000);
      const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
      const end = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
      return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
    };
    // The page as the screen asks for it: a month, now and then more filters, any sort,
    // one of the first pages.
    const pageQuery = (): TransactionQuery => ({
      filters: {
        ...month(),
        ...(random() < 0.3 ? { accountIds: [pick(accountIds), pick(accountIds)] } : {}),
        ...(random() < 0.2 ? { categoryIds: [pick(categoryIds), uncategorized] } : {}),
        ...(random() < 0.2 ? { direction: pick(['in', 'out'] as const) } : {}),
        ...(random() < 0.1 ? { pending: true } : {}),
        ...(random() < 0.1 ? { usage: pick(['business', 'personal', 'unset'] as const) } : {}),
        ...(random() < 0.1 ? { minCents: 5_000, maxCents: 50_000 } : {}),
      },
      sort: pick(transactionSortKeys),
      descending: random() < 0.7,
      offset: 200 * Math.floor(random() * 3),
      limit: 200,
    });
    const searchQuery = (): TransactionQuery => ({
      filters: { search: pick(searches), ...(random() < 0.3 ? month() : {}) },
      sort: 'date',
      descending: true,
      limit: 200,
    });
    const allTimeQuery = (): TransactionQuery => ({ sort: pick(transactionSortKeys), limit: 200 });

    const timed = async <Q>(make: () => Q, run: (query: Q) => Promise<unknown>) => {
      for (let warm = 0; warm < 20; warm += 1) await run(make());
      const times: { query: Q; ms: number }[] = [];
      for (let index = 0; index < queryCount; index += 1) {
        const query = make();
        const start = performance.now();
        await run(query);
        times.push({ query, ms: performance.now() - start });
      }
      return times;
    };
    const p95 = (times: { ms: number }[]) => {
      const sorted = times.map((time) => time.ms).sort((a, b) => a - b);
      return sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0;
    };
    const list = (query: TransactionQuery) => queries.list(query, 'pt-BR');
    const loadBefore = loadavg()[0] ?? 0;
    const pages = await timed(pageQuery, list);
    const page = p95(pages);
    const searched = await timed(searchQuery, list);
    const search = p95(searched);
    const allTime = p95(await timed(allTimeQuery, list));
    const totals = (query: TransactionQuery) => queries.totals(query.filters ?? {});
    const monthTotals = p95(await timed(pageQuery, totals));
    const searchTotals = p95(await timed(searchQuery, totals));
    const loadAfter = loadavg()[0] ?? 0;
    const named = (name: string) => `${shape.name}: ${name}`;
    return [
      { name: named('build 1M rows'), value: rowCount / buildSeconds, unit: 'rows/s' },
      { name: named('search index catch-up'), value: rowCount / indexSeconds, unit: 'rows/s' },
      { name: named('machine load (1-min average) before timing'), value: loadBefore, unit: '' },
      {
        name: named('page (a month, filters, sort, 200 rows, count) p95'),
        value: page,
        unit: 'ms',
        target: '≤ 10',
        met: page <= 10,
      },
      // The mix above, by sort key: what the target hides or shows.
      ...transactionSortKeys.map((sort) => ({
        name: named(`  page sorted by ${sort} p95`),
        value: p95(pages.filter((time) => time.query.sort === sort)),
        unit: 'ms',
      })),
      {
        name: named('full-text search (200 rows, count) p95'),
        value: search,
        unit: 'ms',
        target: '≤ 25',
        met: search <= 25,
      },
      {
        name: named('  search within a month p95'),
        value: p95(searched.filter((time) => time.query.filters?.from !== undefined)),
        unit: 'ms',
      },
      { name: named('page, all 1M rows (no period) p95'), value: allTime, unit: 'ms' },
      { name: named('totals of a page’s filters p95'), value: monthTotals, unit: 'ms' },
      { name: named('totals of a search p95'), value: searchTotals, unit: 'ms' },
      { name: named('machine load (1-min average) after timing'), value: loadAfter, unit: '' },
    ];
  } finally {
    database.close();
    temp.remove();
  }
}

/**
 * Accounts, categories, 1M transactions and the user's fields on some of them; the reports'
 * benchmark reads the same books. `firstAccountShare`: the first account holds that share
 * of the rows, the others the rest evenly (else all hold the same).
 */
export function seed(
  sqlite: Database.Database,
  random: () => number,
  pick: <T>(values: readonly T[]) => T,
  { firstAccountShare, days = fiveYears }: { firstAccountShare?: number; days?: number } = {},
): { accountIds: string[]; categoryIds: string[] } {
  const accountIds = Array.from({ length: accountCount }, (_, index) => `acc-${index}`);
  const categoryIds = Array.from(
    { length: categoryCount },
    (_, index) => `${String(index + 1).padStart(2, '0')}000000`,
  );
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO connections (id, connector_id, connector_name, status) VALUES ('item-bench', 201, 'Banco', 'UPDATED')`,
      )
      .run();
    const account = sqlite.prepare(
      `INSERT INTO accounts (id, connection_id, type, name) VALUES (?, 'item-bench', ?, ?)`,
    );
    accountIds.forEach((id, index) => account.run(id, index % 3 === 2 ? 'CREDIT' : 'BANK', `Conta ${index + 1}`));
    const category = sqlite.prepare(`INSERT INTO categories (id, source, name_pt, name_en) VALUES (?, 'pluggy', ?, ?)`);
    for (const id of categoryIds) category.run(id, `Categoria ${id}`, `Category ${id}`);
  })();

  const insert = sqlite.prepare(
    `INSERT INTO transactions (id, account_id, description, amount_cents, currency_code, amount_in_account_currency_cents,
       date, occurred_at, status, pluggy_category_id, counterparty_name, merchant_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const userData = sqlite.prepare(
    `INSERT INTO transaction_user_data (transaction_id, category_id, category_source, notes, usage) VALUES (?, ?, ?, ?, ?)`,
  );
  // Generated in random order, written as sync writes them: account by account, in date
  // order, so that rowids (the table's order on disk) follow, as they do in real books.
  const rows: { values: unknown[]; user: unknown[] | null }[] = [];
  const [firstAccount, ...otherAccounts] = accountIds;
  const accountOf = () =>
    firstAccountShare === undefined
      ? pick(accountIds)
      : random() < firstAccountShare
        ? firstAccount
        : pick(otherAccounts);
  for (let index = 0; index < rowCount; index += 1) {
    const id = `tx-${index.toString(36).padStart(7, '0')}`;
    const payee = pick(payees);
    const kind = pick(kinds);
    const income = kind === 'PIX RECEBIDO' || kind === 'TED';
    const cents = Math.floor(random() ** 3 * 500_000) + 100;
    const usd = !income && random() < 0.02;
    const instant = new Date(firstDay + Math.floor(random() * days * 86_400_000));
    const values = [
      id,
      accountOf(),
      `${kind} ${payee.toUpperCase()}`,
      income ? cents : -cents,
      usd ? 'USD' : 'BRL',
      usd ? -cents * 5 : null,
      instant.toISOString().slice(0, 10),
      instant.toISOString(),
      random() < 0.01 ? 'PENDING' : 'POSTED',
      random() < 0.9 ? pick(categoryIds) : null,
      kind.startsWith('PIX') || kind === 'TED' ? payee : null,
      kind === 'COMPRA CARTÃO' ? payee : null,
    ];
    let user: unknown[] | null = null;
    if (random() < 0.15) {
      const categoryId = random() < 0.5 ? pick(categoryIds) : null;
      const source = categoryId === null ? null : pick(['manual', 'rule']);
      user = [id, categoryId, source, random() < 0.3 ? pick(notes) : null, pick(['business', 'personal', null])];
    }
    rows.push({ values, user });
  }
  const order = (row: { values: unknown[] }) => `${String(row.values[1])} ${String(row.values[7])}`;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  sqlite.transaction(() => {
    for (const { values, user } of rows) {
      insert.run(values);
      if (user) userData.run(user);
    }
  })();
  return { accountIds, categoryIds };
}
