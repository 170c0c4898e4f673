import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import type { Language } from '../../../../electron/shared/models.ts';
import { foldForSearch } from '../transactions/category-options.ts';

/** A category as the tree shows it, with the children it shows under it. */
export interface CategoryNode {
  category: CategorySummary;
  name: string;
  level: number;
  children: CategoryNode[];
}

export const categoryName = (category: CategorySummary, language: Language) =>
  language === 'en' ? category.nameEn : category.namePt;

/**
 * The categories as a tree (Pluggy's is up to three deep), each level in the order the list
 * came in (the user's first, then Pluggy's). Archived ones are left out unless asked for,
 * except one that still has a shown child, kept for context. A filter keeps the categories
 * whose name holds every word typed (accents and case ignored) and the parents leading to them.
 */
export function buildCategoryTree(
  categories: readonly CategorySummary[],
  language: Language,
  { showArchived, filter }: { showArchived: boolean; filter: string },
): CategoryNode[] {
  const ids = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<string | null, CategorySummary[]>();
  for (const category of categories) {
    // A parent that is not in the list leaves its child at the top.
    const parent = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }
  const words = foldForSearch(filter).split(/\s+/).filter(Boolean);
  const matches = (name: string) => words.every((word) => foldForSearch(name).includes(word));
  const build = (parentId: string | null, level: number, seen: ReadonlySet<string>): CategoryNode[] =>
    (childrenOf.get(parentId) ?? []).flatMap((category) => {
      // Only a malformed, looping tree could bring a category back under itself.
      if (seen.has(category.id)) return [];
      const name = categoryName(category, language);
      const children = build(category.id, level + 1, new Set([...seen, category.id]));
      const shown = (showArchived || !category.archived) && matches(name);
      return shown || children.length > 0 ? [{ category, name, level, children }] : [];
    });
  return build(null, 1, new Set());
}

/** The nodes a reader meets top to bottom, skipping the children of collapsed ones. */
export function visibleNodes(tree: readonly CategoryNode[], expanded: ReadonlySet<string>): CategoryNode[] {
  return tree.flatMap((node) => [
    node,
    ...(expanded.has(node.category.id) ? visibleNodes(node.children, expanded) : []),
  ]);
}

/** Every node of the tree that has children: what a filter opens so its matches show. */
export function parentIds(tree: readonly CategoryNode[]): string[] {
  return tree.flatMap((node) => (node.children.length > 0 ? [node.category.id, ...parentIds(node.children)] : []));
}
