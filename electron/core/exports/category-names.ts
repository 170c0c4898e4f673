import type Database from 'better-sqlite3';
import { categoryLabels, type NamedCategory } from '../../shared/category-labels.ts';
import type { Language } from '../../shared/models.ts';

/**
 * Every category's label in a file's language, unique among the categories (a subcategory
 * under its parent's name: category-labels.ts). Read in the order they were made, which is
 * the order categories:list gives the user's.
 */
export function categoryNames(sqlite: Database.Database, language: Language): Map<string, string> {
  const categories = sqlite
    .prepare(
      `SELECT id, parent_id AS parentId, source, name_pt AS namePt, name_en AS nameEn FROM categories ORDER BY rowid`,
    )
    .all() as NamedCategory[];
  return categoryLabels(categories, language);
}
