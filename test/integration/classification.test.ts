import { describe, expect, it } from 'vitest';
import { storePluggyCategories, presetCategoryId } from '../../electron/core/books/categories.ts';
import { pluggyClassification } from '../../electron/core/books/pluggy-classification.ts';
import { categories as pluggyTaxonomy } from '../../electron/core/sandbox/taxonomy.ts';
import type { CategorySummary } from '../../electron/shared/categories.ts';
import type {
  CategoryGroupEffect,
  CategoryGroupResult,
  ClassificationReviewList,
} from '../../electron/shared/classification.ts';
import type { LivroCaixa, ProfitAndLoss } from '../../electron/shared/reports.ts';
import { type BookRow, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { handlerSession } from '../support/handler-session.ts';

const session = handlerSession({ seed: ({ db }) => seedReportBooks(db) });
const { call } = session;
const checking = 'acc-checking';
const card = 'acc-card';

const byId = async () => new Map((await call<CategorySummary[]>('categories:list')).map((each) => [each.id, each]));
const year = { from: '2026-01-01', to: '2026-12-31' };
const dre = () => call<ProfitAndLoss>('reports:profit-and-loss', year);
const livro = () => call<LivroCaixa>('reports:livro-caixa', year);
const section = (report: ProfitAndLoss, name: string) => report.sections.find((each) => each.section === name);
const lineOf = (report: ProfitAndLoss, name: string, categoryId: string) =>
  section(report, name)?.lines.find((line) => line.categoryId === categoryId)?.cents;

describe("Balancete's default classification of Pluggy's taxonomy", () => {
  it("gives every one of Pluggy's 130 categories a group and a reason, and lists no other", () => {
    const pluggyIds = pluggyTaxonomy.map((category) => category.id).sort();
    expect(pluggyIds).toHaveLength(130);
    expect([...pluggyClassification.keys()].sort()).toEqual(pluggyIds);
    for (const [id, { reason }] of pluggyClassification) expect(reason.length, id).toBeGreaterThan(8);
  });

  it('files the taxonomy as an accountant would for a self-employed professional', () => {
    const groupOf = (id: string) => pluggyClassification.get(id)?.group;
    const ids = (prefix: string) => pluggyTaxonomy.map((each) => each.id).filter((id) => id.startsWith(prefix));
    // Income is receita; investments and their proceeds, investimento; own transfers, transfer.
    expect(new Set(ids('01').map(groupOf))).toEqual(new Set(['income']));
    expect(new Set(ids('03').map(groupOf))).toEqual(new Set(['investment']));
    expect(new Set(ids('04').map(groupOf))).toEqual(new Set(['transfer']));
    expect(groupOf('05100000')).toBe('transfer');
    // Taxes and government fees; IPTU and IPVA sit under housing and vehicles at Pluggy.
    expect(new Set([...ids('15'), '17040000', '19050004'].map(groupOf))).toEqual(new Set(['tax']));
    // A loan's principal moves money; its interest and fees cost money.
    expect(['02000000', '02030001', '02040000'].map(groupOf)).toEqual(['transfer', 'transfer', 'transfer']);
    expect(['02010000', '02020000'].map(groupOf)).toEqual(['nondeductible_expense', 'nondeductible_expense']);
    // Nothing is deductible by default; a home office's usual costs are put to the user.
    expect([...pluggyClassification.values()].some((each) => each.group === 'deductible_expense')).toBe(false);
    const probablyDeductible = [...pluggyClassification]
      .filter(([, each]) => each.review === 'probably_deductible')
      .map(([id]) => id);
    expect(probablyDeductible).toEqual(
      expect.arrayContaining(['07000000', '07010001', '07010002', '08080000', '09000000', '17020002']),
    );
    expect(probablyDeductible.every((id) => groupOf(id) === 'nondeductible_expense')).toBe(true);
  });
});

describe('categories in the books', () => {
  it('leave none of Pluggy’s without a group, and say which defaults wait for a decision', async () => {
    const categories = await byId();
    const pluggy = [...categories.values()].filter((each) => each.source === 'pluggy');
    expect(pluggy).toHaveLength(130);
    expect(pluggy.filter((each) => each.reportGroup === null)).toEqual([]);
    expect(categories.get('07010001')).toMatchObject({
      reportGroup: 'nondeductible_expense',
      review: 'probably_deductible',
    });
    expect(categories.get('05070000')).toMatchObject({ reportGroup: 'transfer', review: 'ambiguous' });
    expect(categories.get('10000000')).toMatchObject({ reportGroup: 'nondeductible_expense', review: null });
    // The fixture's own category made without a group waits too.
    expect(categories.get('user:misc')).toMatchObject({ reportGroup: null, review: 'unclassified' });
    expect(categories.get(presetCategoryId('software'))?.review).toBeNull();
  });

  it('give a category Pluggy adds later its parent’s group, or an expense’s, and ask about it', async () => {
    storePluggyCategories(session.database.db, [
      ...pluggyTaxonomy,
      { id: '01060000', description: 'Royalties', descriptionTranslated: 'Royalties', parentId: '01000000' },
      { id: '23000000', description: 'Something new', descriptionTranslated: 'Algo novo' },
    ]);
    const categories = await byId();
    expect(categories.get('01060000')).toMatchObject({ reportGroup: 'income', review: 'unknown' });
    expect(categories.get('23000000')).toMatchObject({ reportGroup: 'nondeductible_expense', review: 'unknown' });
  });

  it('keep the user’s choice of group across imports and restarts, and drop its question', async () => {
    await call('categories:set-group', { id: '07010001', reportGroup: 'deductible_expense' });
    await call('categories:set-group', { id: '05070000', reportGroup: 'transfer' });
    storePluggyCategories(session.database.db, [...pluggyTaxonomy]);
    await session.restart();
    const categories = await byId();
    expect(categories.get('07010001')).toMatchObject({ reportGroup: 'deductible_expense', review: null });
    // Confirming the default answers the question without changing the group.
    expect(categories.get('05070000')).toMatchObject({ reportGroup: 'transfer', review: null });
    expect(categories.get('07010002')).toMatchObject({
      reportGroup: 'nondeductible_expense',
      review: 'probably_deductible',
    });
  });

  it('take a changed group to archived ones, and to subcategories only when asked', async () => {
    await call('categories:archive', { id: '07010003', archived: true });
    const alone = await call<CategoryGroupResult>('categories:set-group', {
      id: '07010000',
      reportGroup: 'deductible_expense',
    });
    expect(alone.changed).toEqual(['07010000']);
    const withChildren = await call<CategoryGroupResult>('categories:set-group', {
      id: '07000000',
      reportGroup: 'deductible_expense',
      includeSubcategories: true,
    });
    // Services, its four children and their own (Telecommunications' three among them).
    expect(withChildren.changed.sort()).toEqual(
      pluggyTaxonomy
        .map((each) => each.id)
        .filter((id) => id.startsWith('07'))
        .sort(),
    );
    const categories = await byId();
    expect(categories.get('07010003')).toMatchObject({ reportGroup: 'deductible_expense', archived: true });
    await expect(call('categories:set-group', { id: 'nope', reportGroup: 'income' })).rejects.toThrow(
      'CATEGORY_NOT_FOUND',
    );
    await expect(call('categories:set-group', { id: '07000000', reportGroup: 'salary' })).rejects.toThrow(
      'INVALID_INPUT',
    );
  });
});

/**
 * A year with fees from a client, internet paid from checking and on the card (one marked
 * not deductible by the user, one split with groceries, one in USD, one removed), and
 * income the user flagged deductible by mistake.
 */
const internetBooks: BookRow[] = [
  { id: 'fee-1', accountId: checking, date: '2026-01-10', amountCents: 1_000_000, pluggyCategoryId: '01030000' },
  {
    id: 'fee-2',
    accountId: checking,
    date: '2026-02-10',
    amountCents: 800_000,
    pluggyCategoryId: '01030000',
    user: { deductible: true },
  },
  { id: 'net-1', accountId: checking, date: '2026-01-15', amountCents: -12_990, pluggyCategoryId: '07010001' },
  { id: 'net-2', accountId: checking, date: '2026-02-15', amountCents: -12_990, pluggyCategoryId: '07010001' },
  {
    id: 'net-3',
    accountId: card,
    date: '2026-02-20',
    amountCents: -400,
    accountCents: -2_410,
    pluggyCategoryId: '07010001',
  },
  {
    id: 'net-own',
    accountId: checking,
    date: '2026-03-15',
    amountCents: -9_900,
    pluggyCategoryId: '07010001',
    user: { deductible: false },
  },
  {
    id: 'mixed',
    accountId: card,
    date: '2026-03-20',
    amountCents: -30_000,
    pluggyCategoryId: '10000000',
    splits: [
      { categoryId: '07010001', amountCents: -10_000 },
      { categoryId: '10000000', amountCents: -20_000 },
    ],
  },
  {
    id: 'net-gone',
    accountId: checking,
    date: '2026-04-15',
    amountCents: -12_990,
    pluggyCategoryId: '07010001',
    removed: true,
  },
];

describe("changing a category's group", () => {
  it('says what it moves first, moves the DRE and the livro-caixa at once, and is undone exactly', async () => {
    writeBookRows(session.database.db, internetBooks);
    const internetCents = -12_990 - 12_990 - 2_410 - 9_900 - 10_000;
    const change = { id: '07010001', reportGroup: 'deductible_expense' } as const;

    const effect = await call<CategoryGroupEffect>('categories:group-effect', change);
    expect(effect).toEqual({
      categories: [{ id: '07010001', reportGroup: 'nondeductible_expense' }],
      count: 5,
      netCents: internetCents,
    });

    const beforeDre = await dre();
    const beforeLivro = await livro();
    expect(lineOf(beforeDre, 'nondeductible_expense', '07010001')).toBe(internetCents);
    // Income flagged deductible stays income, and is never a deduction.
    expect(beforeLivro.totals).toMatchObject({ incomeCents: 1_800_000, deductibleCents: 0 });
    const beforeReview = await call<ClassificationReviewList>('classification:review');
    expect(beforeReview.items.map((item) => item.categoryId)).toContain('07010001');

    const { undoId } = await call<CategoryGroupResult>('categories:set-group', change);

    const afterDre = await dre();
    expect(lineOf(afterDre, 'nondeductible_expense', '07010001')).toBeUndefined();
    expect(lineOf(afterDre, 'deductible_expense', '07010001')).toBe(internetCents);
    // The result does not change: both are expenses.
    expect(afterDre.netCents).toBe(beforeDre.netCents);
    const afterLivro = await livro();
    // The row the user marked not deductible keeps its own choice.
    expect(afterLivro.totals.deductibleCents).toBe(-(internetCents + 9_900));
    expect(afterLivro.months.find((month) => month.month === '2026-02')?.deductibleCents).toBe(12_990 + 2_410);
    const afterReview = await call<ClassificationReviewList>('classification:review');
    expect(afterReview.items.map((item) => item.categoryId)).not.toContain('07010001');

    expect(await call('undo:apply', { id: undoId })).toEqual({ restored: 1 });
    expect(await dre()).toEqual(beforeDre);
    expect(await livro()).toEqual(beforeLivro);
    expect((await byId()).get('07010001')).toMatchObject({
      reportGroup: 'nondeductible_expense',
      review: 'probably_deductible',
    });
    await expect(call('undo:apply', { id: undoId })).rejects.toThrow('UNDO_ALREADY_APPLIED');
  });
});

describe('the classification review', () => {
  it('lists the waiting categories holding the most money first, with examples and a suggestion', async () => {
    writeBookRows(session.database.db, [
      ...internetBooks,
      { id: 'pix-in', accountId: checking, date: '2026-05-02', amountCents: 250_000, pluggyCategoryId: '05070000' },
      { id: 'pix-out', accountId: checking, date: '2026-05-03', amountCents: -50_000, pluggyCategoryId: '05070000' },
      { id: 'misc', accountId: checking, date: '2026-05-04', amountCents: -1_000, user: { categoryId: 'user:misc' } },
      { id: 'none-1', accountId: checking, date: '2026-05-05', amountCents: -7_000 },
      { id: 'none-2', accountId: checking, date: '2026-05-06', amountCents: 2_000 },
    ]);
    const review = await call<ClassificationReviewList>('classification:review');
    expect(
      review.items.map(({ categoryId, reason, reportGroup, suggestedGroup, count, inCents, outCents }) => ({
        categoryId,
        reason,
        reportGroup,
        suggestedGroup,
        count,
        inCents,
        outCents,
      })),
    ).toEqual([
      {
        categoryId: '05070000',
        reason: 'ambiguous',
        reportGroup: 'transfer',
        suggestedGroup: null,
        count: 2,
        inCents: 250_000,
        outCents: -50_000,
      },
      {
        categoryId: '07010001',
        reason: 'probably_deductible',
        reportGroup: 'nondeductible_expense',
        suggestedGroup: 'deductible_expense',
        count: 5,
        inCents: 0,
        outCents: -(12_990 + 12_990 + 2_410 + 9_900 + 10_000),
      },
      {
        categoryId: 'user:misc',
        reason: 'unclassified',
        reportGroup: null,
        suggestedGroup: null,
        count: 1,
        inCents: 0,
        outCents: -1_000,
      },
    ]);
    const internet = review.items[1];
    // The newest three, the split found by its part; the removed one never.
    expect(internet?.examples.map((row) => row.id)).toEqual(['mixed', 'net-own', 'net-3']);
    expect(review.uncategorized).toEqual({ count: 2, netCents: -5_000 });

    // One click: the choice is kept and the category leaves the list.
    await call('categories:set-group', { id: '05070000', reportGroup: 'income' });
    const next = await call<ClassificationReviewList>('classification:review');
    expect(next.items.map((item) => item.categoryId)).toEqual(['07010001', 'user:misc']);
  });
});
