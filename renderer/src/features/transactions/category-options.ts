import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { categoryLabels } from '../../../../electron/shared/category-labels.ts';
import type { Language } from '../../../../electron/shared/models.ts';

/**
 * A category as chips and pickers show it. Chips are narrow, and what tells categories apart
 * is their own name (the leaf), not their parent's: the leaf is shown first and alone, with
 * the full path in the tooltip and the accessible name.
 */
export interface CategoryOption {
  id: string;
  source: CategorySummary['source'];
  /** Its own name: "Transporte". */
  leaf: string;
  /** Its parent's name, shown beside it in a picker's list; null at the top. */
  parent: string | null;
  /**
   * Under its parent's name, unique among all categories ("Despesas pessoais › Transporte",
   * "Impostos (Pluggy)"): the exports' label, and what a tooltip and a screen reader say.
   */
  path: string;
  /**
   * What a chip shows: the leaf, unless another category still offered bears the same one;
   * then the leaf with what tells them apart, "Impostos (Pluggy)", "Office supplies (Shopping)".
   */
  label: string;
  archived: boolean;
  /** Lower-case, accent-free path and label, and leaf, for type-to-search. */
  key: string;
  leafKey: string;
}

/** Lower case without accents, so "cafe" finds "Café" and "SAUDE" finds "Saúde". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** "Despesas dedutíveis (livro-caixa)" is "Despesas dedutíveis" inside another label's parentheses. */
const withoutAside = (name: string) => name.replace(/\s*\([^()]*\)$/, '') || name;

/**
 * Every category with its leaf, path and label in the language shown: the user's first,
 * then Pluggy's, each by path (a parent just before its children). Give the user's
 * categories in the order they were made, as categories:list does (see categoryLabels).
 */
export function categoryOptions(categories: readonly CategorySummary[], language: Language): CategoryOption[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const nameOf = (category: CategorySummary) => (language === 'en' ? category.nameEn : category.namePt);
  const nameKey = (category: CategorySummary) => foldForSearch(nameOf(category));
  const paths = categoryLabels(categories, language);
  // Only names still offered can be confused with each other; an archived one is told apart from them.
  const offeredLeaves = countBy(categories.filter((category) => !category.archived).map(nameKey));
  const told = (category: CategorySummary) => {
    const leaf = nameOf(category);
    if ((offeredLeaves.get(nameKey(category)) ?? 0) <= (category.archived ? 0 : 1)) return leaf;
    const parent = category.parentId ? byId.get(category.parentId) : undefined;
    // The user's own top-level category keeps its plain name beside Pluggy's, as in the exports.
    if (!parent) return category.source === 'pluggy' ? `${leaf} (Pluggy)` : leaf;
    return `${leaf} (${withoutAside(nameOf(parent))})`;
  };
  const drafts = categories.map((category) => ({ category, label: told(category) }));
  // Two still alike (a name the user repeated under one parent): the unique path tells them apart.
  const offeredLabels = countBy(drafts.filter(({ category }) => !category.archived).map(({ label }) => label));
  const options = drafts.map(({ category, label: draft }): CategoryOption => {
    const parent = category.parentId ? byId.get(category.parentId) : undefined;
    const path = paths.get(category.id) ?? nameOf(category);
    const label = (offeredLabels.get(draft) ?? 0) > (category.archived ? 0 : 1) ? path : draft;
    return {
      id: category.id,
      source: category.source,
      leaf: nameOf(category),
      parent: parent ? nameOf(parent) : null,
      path,
      label,
      archived: category.archived,
      key: foldForSearch(`${path} ${label}`),
      leafKey: foldForSearch(nameOf(category)),
    };
  });
  return options.sort(
    (a, b) => sourceOrder(a) - sourceOrder(b) || a.path.localeCompare(b.path, language) || a.id.localeCompare(b.id),
  );
}

/** The user's categories before Pluggy's: the ones they made are the ones they mean. */
const sourceOrder = (option: Pick<CategoryOption, 'source'>) => (option.source === 'user' ? 0 : 1);

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * The non-archived options whose path or label holds every word typed, accents and case
 * ignored; the user's before Pluggy's, and within each, categories whose own name starts with
 * what was typed first, then those whose path does, then the rest, each by label.
 */
export function searchCategories(options: readonly CategoryOption[], text: string): CategoryOption[] {
  const folded = foldForSearch(text).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  const matches = options.filter((option) => !option.archived && words.every((word) => option.key.includes(word)));
  if (!folded) return matches;
  const rank = (option: CategoryOption) =>
    option.leafKey.startsWith(folded) ? 0 : option.key.startsWith(folded) ? 1 : 2;
  return matches
    .map((option) => ({ option, rank: rank(option) }))
    .sort(
      (a, b) =>
        sourceOrder(a.option) - sourceOrder(b.option) ||
        a.rank - b.rank ||
        a.option.label.localeCompare(b.option.label) ||
        a.option.path.localeCompare(b.option.path),
    )
    .map(({ option }) => option);
}
