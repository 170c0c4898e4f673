import { describe, expect, it } from 'vitest';
import type { CategorySummary } from '../../electron/shared/categories.ts';
import { categoryOptions, searchCategories } from '../../renderer/src/features/transactions/category-options.ts';

const category = (
  id: string,
  namePt: string,
  nameEn: string,
  {
    parentId = null,
    source = 'user',
    archived = false,
  }: { parentId?: string | null; source?: CategorySummary['source']; archived?: boolean } = {},
): CategorySummary => ({
  id,
  parentId,
  source,
  namePt,
  nameEn,
  reportGroup: null,
  review: null,
  archived,
});

/** Balancete's starting categories beside Pluggy's that share their names, as categories:list gives them. */
const books = [
  category('user:deductible', 'Despesas dedutíveis (livro-caixa)', 'Deductible expenses (livro-caixa)'),
  category('user:office', 'Material de escritório', 'Office supplies', { parentId: 'user:deductible' }),
  category('user:personal', 'Despesas pessoais', 'Personal expenses'),
  category('user:transport', 'Transporte', 'Transport', { parentId: 'user:personal' }),
  category('user:taxes', 'Impostos', 'Taxes'),
  category('user:cafes', 'Cafés', 'Cafés', { parentId: 'user:personal' }),
  category('08000000', 'Compras', 'Shopping', { source: 'pluggy' }),
  category('08080000', 'Papelaria', 'Office supplies', { parentId: '08000000', source: 'pluggy' }),
  category('15000000', 'Impostos', 'Taxes', { source: 'pluggy' }),
  category('05000000', 'Alimentação', 'Food', { source: 'pluggy' }),
  category('05010000', 'Restaurantes', 'Restaurants', { parentId: '05000000', source: 'pluggy' }),
];

const byId = (options: ReturnType<typeof categoryOptions>) => new Map(options.map((option) => [option.id, option]));

describe('category options', () => {
  it('show the leaf alone, and the full path for the tooltip', () => {
    const transport = byId(categoryOptions(books, 'pt-BR')).get('user:transport');
    expect(transport).toMatchObject({
      leaf: 'Transporte',
      label: 'Transporte',
      parent: 'Despesas pessoais',
      path: 'Despesas pessoais › Transporte',
    });
  });

  it('tell identical names apart: Pluggy marked at the top, the parent below it, in both languages', () => {
    const portuguese = byId(categoryOptions(books, 'pt-BR'));
    expect(portuguese.get('user:taxes')?.label).toBe('Impostos');
    expect(portuguese.get('15000000')?.label).toBe('Impostos (Pluggy)');
    // "Papelaria" is unique in Portuguese: no need to say more.
    expect(portuguese.get('08080000')?.label).toBe('Papelaria');
    const english = byId(categoryOptions(books, 'en'));
    expect(english.get('15000000')?.label).toBe('Taxes (Pluggy)');
    // The parent's own aside "(livro-caixa)" is left out of the parentheses.
    expect(english.get('user:office')?.label).toBe('Office supplies (Deductible expenses)');
    expect(english.get('08080000')?.label).toBe('Office supplies (Shopping)');
    expect(english.get('08080000')?.path).toBe('Shopping › Office supplies');
  });

  it('only tell apart names that are still offered', () => {
    const archived = books.map((each) => (each.id === '15000000' ? { ...each, archived: true } : each));
    const options = byId(categoryOptions(archived, 'pt-BR'));
    expect(options.get('user:taxes')?.label).toBe('Impostos');
    // The archived one, still on old transactions, does not read as the one offered.
    expect(options.get('15000000')?.label).toBe('Impostos (Pluggy)');
  });

  it('fall back to the unique path where the leaf and parent are alike too', () => {
    const repeated = [...books, category('user:transport-2', 'Transporte', 'Transport', { parentId: 'user:personal' })];
    const labels = [...categoryOptions(repeated, 'pt-BR')]
      .filter((option) => option.leaf === 'Transporte')
      .map((option) => option.label);
    expect(labels).toEqual(['Despesas pessoais › Transporte', 'Despesas pessoais › Transporte (2)']);
  });

  it("list the user's categories before Pluggy's, each by path", () => {
    const sources = categoryOptions(books, 'pt-BR').map((option) => option.source);
    expect(sources).toEqual([...sources].sort((a, b) => (a === b ? 0 : a === 'user' ? -1 : 1)));
    expect(
      categoryOptions(books, 'pt-BR')
        .map((option) => option.id)
        .slice(0, 3),
    ).toEqual(['user:deductible', 'user:office', 'user:personal']);
  });
});

describe('category search', () => {
  const options = categoryOptions(books, 'pt-BR');
  const found = (text: string) => searchCategories(options, text).map((option) => option.label);

  it('ignores accents and case, by leaf or path', () => {
    expect(found('cafe')).toEqual(['Cafés']);
    expect(found('DESPESAS PESSOAIS')).toEqual(['Despesas pessoais', 'Cafés', 'Transporte']);
    expect(found('alimentacao rest')).toEqual(['Restaurantes']);
  });

  it("puts the user's matches first, then Pluggy's, a name match before a path match", () => {
    expect(found('impostos')).toEqual(['Impostos', 'Impostos (Pluggy)']);
    expect(found('pluggy')).toEqual(['Impostos (Pluggy)']);
    expect(found('alimenta')).toEqual(['Alimentação', 'Restaurantes']);
  });

  it('hides archived categories', () => {
    const archived = categoryOptions(
      books.map((each) => (each.id === 'user:cafes' ? { ...each, archived: true } : each)),
      'pt-BR',
    );
    expect(searchCategories(archived, 'cafe')).toEqual([]);
    expect(searchCategories(archived, '')).toHaveLength(books.length - 1);
  });
});
