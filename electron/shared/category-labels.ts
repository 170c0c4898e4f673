import type { Language } from './models.ts';

/**
 * One way to name a category in the files and reports (issue 17 item 10), so that no two
 * read alike: a subcategory under its parent's name, as the screens show it ("Despesas
 * dedutíveis (livro-caixa) › Material de escritório"). Names alone repeat: Balancete's
 * starting categories and Pluggy's share several ("Office supplies" in English under two
 * parents; "Impostos" and "Investimentos" at the top in both languages), and the user may
 * repeat one. Where two paths still read alike, Pluggy's is marked "(Pluggy)", and any
 * still alike after that get " (2)", " (3)"… on the later ones.
 */

export interface NamedCategory {
  id: string;
  parentId: string | null;
  source: 'pluggy' | 'user';
  namePt: string;
  nameEn: string;
}

/** Between a parent's name and its subcategory's, as every screen writes it. */
export const categoryPathSeparator = ' › ';

/**
 * Every category's label in `language`, unique within the set. Give the user's categories
 * in the order they were made (as categories:list does): the first of two alike keeps
 * its plain name. Pluggy's come after the user's, by id, wherever they are given.
 */
export function categoryLabels(categories: readonly NamedCategory[], language: Language): Map<string, string> {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const name = (category: NamedCategory) => (language === 'en' ? category.nameEn : category.namePt);
  const path = (category: NamedCategory) => {
    const parent = category.parentId === null ? undefined : byId.get(category.parentId);
    return parent ? `${name(parent)}${categoryPathSeparator}${name(category)}` : name(category);
  };
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const category of categories) {
    const own = path(category);
    if (seen.has(own)) shared.add(own);
    seen.add(own);
  }
  // A stable sort: the user's keep the order given.
  const ordered = [...categories].sort((a, b) =>
    a.source === b.source ? (a.source === 'pluggy' ? compare(a.id, b.id) : 0) : a.source === 'user' ? -1 : 1,
  );
  const taken = new Set<string>();
  const unique = (label: string) => {
    let candidate = label;
    for (let number = 2; taken.has(candidate); number += 1) candidate = `${label} (${number})`;
    taken.add(candidate);
    return candidate;
  };
  const labels = new Map<string, string>();
  for (const category of ordered) {
    const own = path(category);
    labels.set(category.id, unique(category.source === 'pluggy' && shared.has(own) ? `${own} (Pluggy)` : own));
  }
  return labels;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
