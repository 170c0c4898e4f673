import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { categories, rules, transactionSplits, transactionUserData } from '../../db/schema.ts';
import { importPluggyCategories, presetCategoryId } from '../../electron/core/books/categories.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { CategorySummary } from '../../electron/shared/categories.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';
import { clientFor } from '../support/pluggy-client.ts';
import { type SandboxClient, startTestSandbox } from '../support/sandbox.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

const session = handlerSession({
  // Every writer of user fields leaves the transactions' copies in step (migration 0005).
  check: (database) => expect(userFieldCopyMismatches(database.sqlite)).toBe(0),
});

const { call } = session;
const list = () => call<CategorySummary[]>('categories:list');
const byId = async () => new Map((await list()).map((category) => [category.id, category]));
const foreignKeyProblems = () => session.database.sqlite.pragma('foreign_key_check');

describe("Pluggy's taxonomy", () => {
  let sandbox: SandboxClient;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(async () => {
    await sandbox.stop();
  });

  it('is imported from the API over HTTPS as a tree, with pt-BR names and report groups', async () => {
    const client = clientFor(sandbox);
    try {
      expect(await importPluggyCategories(session.database.db, client)).toBe(130);
    } finally {
      await client.close();
    }
    const pluggy = (await list()).filter((category) => category.source === 'pluggy');
    expect(pluggy).toHaveLength(130);
    expect(pluggy.filter((category) => category.parentId === null)).toHaveLength(22);
    const categoriesById = await byId();
    // Three levels deep in places: the child points at its real parent.
    expect(categoriesById.get('19050001')).toMatchObject({
      parentId: '19050000',
      namePt: 'Postos de gasolina',
      nameEn: 'Gas stations',
    });
    expect(categoriesById.get('19050000')?.parentId).toBe('19000000');
    const groups = Object.fromEntries(
      ['01010000', '03020000', '04020000', '05070000', '05090004', '15010000', '10000000'].map((id) => [
        id,
        categoriesById.get(id)?.reportGroup,
      ]),
    );
    expect(groups).toEqual({
      '01010000': 'income',
      '03020000': 'investment',
      '04020000': 'transfer',
      '05070000': 'transfer',
      // Paying or being paid by someone else is not a transfer between one's own accounts.
      '05090004': 'nondeductible_expense',
      '15010000': 'tax',
      '10000000': 'nondeductible_expense',
    });
    expect(foreignKeyProblems()).toEqual([]);
  });

  it('imports again without losing what the user did or what rows use', async () => {
    const client = clientFor(sandbox);
    try {
      await importPluggyCategories(session.database.db, client);
      await call('categories:archive', { id: '14000000', archived: true });
      // A category Pluggy no longer lists, still on a transaction.
      session.database.db
        .insert(categories)
        .values({ id: '98000000', source: 'pluggy', namePt: 'Antiga', nameEn: 'Old' })
        .run();
      const { checking } = seedTwoAccounts(session.database.db);
      new ProviderTransactionWriter(session.database.sqlite).write(
        generateProviderTransactions({ count: 1, accountId: checking }),
      );
      session.database.db
        .insert(transactionUserData)
        .values({ transactionId: 'tx-000000', categoryId: '98000000' })
        .run();
      session.database.db.update(categories).set({ namePt: 'nome velho' }).where(eq(categories.id, '10000000')).run();

      expect(await importPluggyCategories(session.database.db, client)).toBe(130);
    } finally {
      await client.close();
    }
    const categoriesById = await byId();
    expect(categoriesById.get('14000000')?.archived).toBe(true);
    expect(categoriesById.get('98000000')).toBeDefined();
    expect(categoriesById.get('10000000')?.namePt).toBe('Supermercado');
    expect([...categoriesById.values()].filter((category) => category.source === 'pluggy')).toHaveLength(131);
  });

  it('is imported in the background once the demo connections are built', async () => {
    // Listing banks builds the demo mode's client, which imports the taxonomy.
    await call('connectors:list', {});
    await vi.waitFor(async () => {
      expect((await list()).filter((category) => category.source === 'pluggy')).toHaveLength(130);
    }, 10_000);
  });
});

describe("the freelancer's preset", () => {
  it('is created on first run as a two-level tree, every category in a report group', async () => {
    const user = (await list()).filter((category) => category.source === 'user');
    const roots = user.filter((category) => category.parentId === null);
    expect(roots.map((category) => category.namePt)).toEqual([
      'Receitas',
      'Despesas dedutíveis (livro-caixa)',
      'Despesas pessoais',
      'Impostos',
      'Transferências entre minhas contas',
      'Investimentos',
    ]);
    const rootIds = new Set(roots.map((category) => category.id));
    for (const category of user) {
      expect(category.reportGroup, category.namePt).not.toBeNull();
      if (category.parentId !== null) expect(rootIds.has(category.parentId), category.namePt).toBe(true);
    }
    const named = (namePt: string) => user.find((category) => category.namePt === namePt);
    expect(named('Receita de serviços')).toMatchObject({ reportGroup: 'income', parentId: presetCategoryId('income') });
    expect(named('Software e assinaturas')?.reportGroup).toBe('deductible_expense');
    expect(named('Alimentação')?.reportGroup).toBe('nondeductible_expense');
    expect(named('IRPF / Carnê-Leão')?.reportGroup).toBe('tax');
    expect(named('Transferências entre minhas contas')?.reportGroup).toBe('transfer');
    expect(named('Investimentos')?.reportGroup).toBe('investment');
  });

  it('is created once: later starts keep the user’s changes and add nothing', async () => {
    const before = await list();
    await call('categories:rename', { id: presetCategoryId('food'), name: 'Comida' });
    await call('categories:archive', { id: presetCategoryId('leisure'), archived: true });
    createHandlers(session.deps);
    createHandlers(session.deps);
    const after = await list();
    expect(after).toHaveLength(before.length);
    const afterById = new Map(after.map((category) => [category.id, category]));
    expect(afterById.get(presetCategoryId('food'))?.namePt).toBe('Comida');
    expect(afterById.get(presetCategoryId('leisure'))?.archived).toBe(true);
  });
});

describe('managing categories', () => {
  const pluggyRoot = {
    id: '15000000',
    source: 'pluggy' as const,
    namePt: 'Impostos',
    nameEn: 'Taxes',
    reportGroup: 'tax' as const,
  };
  const pluggyChild = {
    id: '15010000',
    parentId: '15000000',
    source: 'pluggy' as const,
    namePt: 'Imposto de renda',
    nameEn: 'Income taxes',
    reportGroup: 'tax' as const,
  };
  beforeEach(() => {
    session.database.db.insert(categories).values([pluggyRoot, pluggyChild]).run();
  });

  it('creates top-level categories and subcategories, which report in their parent’s group by default', async () => {
    const root = await call<CategorySummary>('categories:create', {
      name: 'Projetos',
      nameEn: 'Projects',
      reportGroup: 'income',
    });
    expect(root).toMatchObject({
      parentId: null,
      source: 'user',
      namePt: 'Projetos',
      nameEn: 'Projects',
      archived: false,
    });
    const child = await call<CategorySummary>('categories:create', { name: 'Cliente A', parentId: root.id });
    expect(child).toMatchObject({ parentId: root.id, namePt: 'Cliente A', nameEn: 'Cliente A', reportGroup: 'income' });
    // Under one of Pluggy's top-level categories too.
    expect(await call('categories:create', { name: 'ISS', parentId: '15000000' })).toMatchObject({
      reportGroup: 'tax',
    });
    expect((await byId()).get(child.id)).toEqual(child);
  });

  it('refuses a parent that is a subcategory, archived, or missing, in plain words', async () => {
    await expect(call('categories:create', { name: 'X', parentId: '15010000' })).rejects.toThrow(
      'CATEGORY_PARENT_INVALID',
    );
    await call('categories:archive', { id: '15000000', archived: true });
    await expect(call('categories:create', { name: 'X', parentId: '15000000' })).rejects.toThrow('CATEGORY_ARCHIVED');
    await expect(call('categories:create', { name: 'X', parentId: 'nope' })).rejects.toThrow('CATEGORY_NOT_FOUND');
  });

  it('renames the user’s categories only; Pluggy’s can only be archived, and shown again', async () => {
    expect(
      await call('categories:rename', {
        id: presetCategoryId('accountant'),
        name: 'Contabilidade',
        nameEn: 'Bookkeeping',
      }),
    ).toMatchObject({
      namePt: 'Contabilidade',
      nameEn: 'Bookkeeping',
    });
    await expect(call('categories:rename', { id: '15000000', name: 'Tributos' })).rejects.toThrow('CATEGORY_READ_ONLY');
    expect(await call('categories:archive', { id: '15000000', archived: true })).toMatchObject({ archived: true });
    expect(await call('categories:archive', { id: '15000000', archived: false })).toMatchObject({ archived: false });
  });

  it('merges: every transaction, split, rule and subcategory moves over, and the old one is archived', async () => {
    const { checking } = seedTwoAccounts(session.database.db);
    new ProviderTransactionWriter(session.database.sqlite).write(
      generateProviderTransactions({ count: 6, accountId: checking }),
    );
    const from = await call<CategorySummary>('categories:create', {
      name: 'Escritório',
      reportGroup: 'deductible_expense',
    });
    const sub = await call<CategorySummary>('categories:create', { name: 'Cadeiras', parentId: from.id });
    const into = presetCategoryId('deductible');
    const other = presetCategoryId('food');
    session.database.db
      .insert(transactionUserData)
      .values([
        { transactionId: 'tx-000000', categoryId: from.id, categorySource: 'manual', notes: 'mesa' },
        { transactionId: 'tx-000001', categoryId: from.id, categorySource: 'rule' },
        { transactionId: 'tx-000002', categoryId: other, categorySource: 'manual' },
      ])
      .run();
    const amount = (id: string) =>
      session.database.sqlite.prepare('select amount_cents from transactions where id = ?').pluck().get(id) as number;
    const split = amount('tx-000003');
    session.database.db
      .insert(transactionSplits)
      .values([
        { transactionId: 'tx-000003', position: 0, categoryId: from.id, amountCents: split - 100 },
        { transactionId: 'tx-000003', position: 1, categoryId: other, amountCents: 100 },
      ])
      .run();
    session.database.db
      .insert(rules)
      .values([
        { position: 0, name: 'móveis', conditions: [], actions: { categoryId: from.id, notes: 'móveis' } },
        { position: 1, name: 'comida', conditions: [], actions: { categoryId: other } },
      ])
      .run();

    expect(await call('categories:merge', { from: from.id, into })).toMatchObject({ id: into, archived: false });

    const userData = session.database.db
      .select()
      .from(transactionUserData)
      .orderBy(transactionUserData.transactionId)
      .all();
    expect(userData.map((row) => [row.transactionId, row.categoryId, row.categorySource, row.notes])).toEqual([
      ['tx-000000', into, 'manual', 'mesa'],
      ['tx-000001', into, 'rule', null],
      ['tx-000002', other, 'manual', null],
    ]);
    expect(
      session.database.db
        .select()
        .from(transactionSplits)
        .all()
        .map((row) => row.categoryId),
    ).toEqual([into, other]);
    expect(
      session.database.db
        .select()
        .from(rules)
        .all()
        .map((row) => row.actions),
    ).toEqual([{ categoryId: into, notes: 'móveis' }, { categoryId: other }]);
    const after = await byId();
    expect(after.get(from.id)?.archived).toBe(true);
    expect(after.get(sub.id)?.parentId).toBe(into);
    const stillPointing = session.database.sqlite
      .prepare(
        `select 'user' from transaction_user_data where category_id = @id
         union all select 'split' from transaction_splits where category_id = @id
         union all select 'rule' from rules where json_extract(actions, '$.categoryId') = @id
         union all select 'child' from categories where parent_id = @id`,
      )
      .all({ id: from.id });
    expect(stillPointing).toEqual([]);
    expect(foreignKeyProblems()).toEqual([]);
  });

  it('refuses merges that would lose the tree or Pluggy’s names', async () => {
    const into = presetCategoryId('deductible');
    await expect(call('categories:merge', { from: '15010000', into })).rejects.toThrow('CATEGORY_READ_ONLY');
    await expect(call('categories:merge', { from: into, into })).rejects.toThrow('CATEGORY_MERGE_INVALID');
    await expect(call('categories:merge', { from: into, into: presetCategoryId('software') })).rejects.toThrow(
      'CATEGORY_MERGE_INVALID',
    );
    // Into a subcategory, a category with subcategories would make a third level.
    await expect(call('categories:merge', { from: into, into: presetCategoryId('food') })).rejects.toThrow(
      'CATEGORY_MERGE_INVALID',
    );
    await call('categories:archive', { id: presetCategoryId('food'), archived: true });
    await expect(
      call('categories:merge', { from: presetCategoryId('health'), into: presetCategoryId('food') }),
    ).rejects.toThrow('CATEGORY_ARCHIVED');
    await expect(call('categories:merge', { from: 'nope', into })).rejects.toThrow('CATEGORY_NOT_FOUND');
    // Nothing moved.
    expect((await byId()).get(into)?.archived).toBe(false);
  });

  it('refuses malformed requests at the IPC boundary', async () => {
    await expect(call('categories:create', { name: '   ' })).rejects.toThrow('INVALID_INPUT');
    await expect(call('categories:create', { name: 'X', reportGroup: 'salary' })).rejects.toThrow('INVALID_INPUT');
    await expect(call('categories:create', { name: 'X', color: 'red' })).rejects.toThrow('INVALID_INPUT');
    await expect(call('categories:rename', { id: presetCategoryId('food') })).rejects.toThrow('INVALID_INPUT');
    await expect(call('categories:merge', { from: presetCategoryId('food') })).rejects.toThrow('INVALID_INPUT');
    await expect(call('categories:archive', { id: '15000000' })).rejects.toThrow('INVALID_INPUT');
  });
});
