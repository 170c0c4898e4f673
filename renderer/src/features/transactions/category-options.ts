import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import type { Language } from '../../../../electron/shared/models.ts';

/** A category as pickers show it: its name, and its parent's for context ("Alimentação › Restaurantes"). */
export interface CategoryOption {
  id: string;
  name: string;
  path: string;
  archived: boolean;
  /** Lower-case, accent-free path and name, for type-to-search. */
  key: string;
  nameKey: string;
}

/** Lower case without accents, so "cafe" finds "Café" and "SAUDE" finds "Saúde". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Every category with its path in the language shown, sorted by path. */
export function categoryOptions(categories: readonly CategorySummary[], language: Language): CategoryOption[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const nameOf = (category: CategorySummary) => (language === 'en' ? category.nameEn : category.namePt);
  const options = categories.map((category) => {
    const parent = category.parentId ? byId.get(category.parentId) : undefined;
    const path = parent ? `${nameOf(parent)} › ${nameOf(category)}` : nameOf(category);
    const name = nameOf(category);
    return {
      id: category.id,
      name,
      path,
      archived: category.archived,
      key: foldForSearch(path),
      nameKey: foldForSearch(name),
    };
  });
  return options.sort((a, b) => a.path.localeCompare(b.path, language));
}

/**
 * The non-archived options whose path contains every word typed, accents and case ignored;
 * categories whose own name starts with what was typed come first, then those whose parent
 * does, then the rest, each by name.
 */
export function searchCategories(options: readonly CategoryOption[], text: string): CategoryOption[] {
  const folded = foldForSearch(text).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  const rank = (option: CategoryOption) =>
    option.nameKey.startsWith(folded) ? 0 : option.key.startsWith(folded) ? 1 : 2;
  const matches = options.filter((option) => !option.archived && words.every((word) => option.key.includes(word)));
  if (!folded) return matches;
  return matches
    .map((option) => ({ option, rank: rank(option) }))
    .sort(
      (a, b) =>
        a.rank - b.rank || a.option.name.localeCompare(b.option.name) || a.option.path.localeCompare(b.option.path),
    )
    .map(({ option }) => option);
}
