import { describe, expect, it } from 'vitest';
import { categoryLabels, type NamedCategory } from '../../electron/shared/category-labels.ts';

const category = (
  id: string,
  namePt: string,
  nameEn: string,
  parentId: string | null = null,
  source: NamedCategory['source'] = 'user',
) => ({ id, parentId, source, namePt, nameEn }) satisfies NamedCategory;

/** Balancete's starting categories and Pluggy's that share their names (books/categories.ts, Pluggy's taxonomy). */
const books = [
  category('user:preset:deductible', 'Despesas dedutíveis (livro-caixa)', 'Deductible expenses (livro-caixa)'),
  category('user:preset:office-supplies', 'Material de escritório', 'Office supplies', 'user:preset:deductible'),
  category('user:preset:taxes', 'Impostos', 'Taxes'),
  category('08000000', 'Compras', 'Shopping', null, 'pluggy'),
  category('08080000', 'Papelaria', 'Office supplies', '08000000', 'pluggy'),
  category('15000000', 'Impostos', 'Taxes', null, 'pluggy'),
];

describe('category labels', () => {
  it('put a subcategory under its parent, so that names two parents share read apart', () => {
    const english = categoryLabels(books, 'en');
    expect(english.get('user:preset:office-supplies')).toBe('Deductible expenses (livro-caixa) › Office supplies');
    expect(english.get('08080000')).toBe('Shopping › Office supplies');
    const portuguese = categoryLabels(books, 'pt-BR');
    expect(portuguese.get('08080000')).toBe('Compras › Papelaria');
    expect(portuguese.get('user:preset:deductible')).toBe('Despesas dedutíveis (livro-caixa)');
  });

  it("mark Pluggy's where two read alike even so, and number what is still alike", () => {
    // Pluggy's first, as a caller may give them: the user's category keeps the plain name.
    const labels = categoryLabels(
      [
        ...books.filter((each) => each.source === 'pluggy').reverse(),
        ...books.filter((each) => each.source === 'user'),
        category('user:mine', 'Impostos', 'Taxes'),
        category('user:other', 'Impostos (Pluggy)', 'Taxes (Pluggy)'),
      ],
      'pt-BR',
    );
    expect(labels.get('user:preset:taxes')).toBe('Impostos');
    expect(labels.get('user:mine')).toBe('Impostos (2)');
    expect(labels.get('user:other')).toBe('Impostos (Pluggy)');
    expect(labels.get('15000000')).toBe('Impostos (Pluggy) (2)');
    expect(new Set(labels.values()).size).toBe(labels.size);
  });
});
