import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { categories, rules, transactionSplits, transactionUserData } from '../../../db/schema.ts';
import type {
  CategoryCreate,
  CategoryRename,
  CategorySummary,
  CategoryMerge,
  ReportGroup,
} from '../../shared/categories.ts';
import { AppError } from '../../shared/errors.ts';
import type { Category as PluggyCategory } from '../pluggy/models.ts';
import { pluggyClassification, unlistedClassification } from './pluggy-classification.ts';
import { guardReconciledEdit } from './reconciliation/locks.ts';
import type { DbOrTx } from './undo.ts';

type CategoryRow = typeof categories.$inferSelect;

/**
 * Stores Pluggy's taxonomy (`GET /categories`): new categories are added and known ones
 * take Pluggy's current names and parent; none is ever deleted, as transactions, splits and
 * rules may point at it, and the user's archiving is kept. Each takes Balancete's default
 * report group (`pluggyClassification`; one Pluggy added since, its ancestors'), unless
 * the user chose one. Parents go in before their children (the tree is up to three deep);
 * a parent Pluggy does not list leaves its child at the top. One transaction: the taxonomy
 * is stored whole or not at all.
 */
export function storePluggyCategories(db: Db, list: readonly PluggyCategory[]): number {
  const byId = new Map(list.map((category) => [category.id, category]));
  /** Its parent among those listed (one Pluggy does not list leaves it at the top). */
  const parentOf = (category: PluggyCategory): PluggyCategory | null =>
    (category.parentId && category.parentId !== category.id && byId.get(category.parentId)) || null;
  const ancestors = (category: PluggyCategory): PluggyCategory[] => {
    const chain: PluggyCategory[] = [];
    // The includes() check only guards against a malformed, looping tree.
    for (let parent = parentOf(category); parent && !chain.includes(parent); parent = parentOf(parent)) {
      chain.push(parent);
    }
    return chain;
  };
  const ordered = [...byId.values()].map((category) => ({ category, ancestors: ancestors(category) }));
  ordered.sort((a, b) => a.ancestors.length - b.ancestors.length);
  db.transaction((tx) => {
    for (const { category, ancestors: chain } of ordered) {
      const fields = {
        parentId: parentOf(category)?.id ?? null,
        nameEn: category.description,
        namePt: category.descriptionTranslated || category.description,
      };
      const classification =
        pluggyClassification.get(category.id) ?? unlistedClassification(chain.map((each) => each.id));
      const defaults = { reportGroup: classification.group, reportGroupReview: classification.review };
      tx.insert(categories)
        .values({ id: category.id, source: 'pluggy', ...fields, ...defaults })
        .onConflictDoUpdate({
          target: categories.id,
          // The user's choice of group stays; a default follows Balancete's table.
          set: {
            ...fields,
            reportGroup: sql`CASE WHEN ${categories.reportGroupSetAt} IS NULL THEN ${defaults.reportGroup} ELSE ${categories.reportGroup} END`,
            reportGroupReview: defaults.reportGroupReview,
          },
        })
        .run();
    }
  });
  return ordered.length;
}

/**
 * Brings the stored Pluggy categories' default groups in line with this version's table, at
 * start and offline (an update may have refined the table): only where the user has not
 * chosen a group. Categories the table does not list keep what their import gave them.
 */
export function ensureDefaultClassification(db: Db): void {
  const update = db.$client.prepare(
    `UPDATE categories SET report_group = CASE WHEN report_group_set_at IS NULL THEN ? ELSE report_group END,
       report_group_review = ?
     WHERE id = ? AND source = 'pluggy'`,
  );
  db.$client.transaction(() => {
    for (const [id, { group, review }] of pluggyClassification) update.run(group, review, id);
  })();
}

/** Fetches Pluggy's taxonomy with this client and stores it. */
export async function importPluggyCategories(
  db: Db,
  client: { categories(): Promise<PluggyCategory[]> },
): Promise<number> {
  return storePluggyCategories(db, await client.categories());
}

interface PresetCategory {
  key: string;
  pt: string;
  en: string;
  group: ReportGroup;
  children?: readonly Omit<PresetCategory, 'group' | 'children'>[];
}

/** A freelancer's starting categories (the livro-caixa's split of income and deductible expenses). */
const preset: readonly PresetCategory[] = [
  {
    key: 'income',
    pt: 'Receitas',
    en: 'Income',
    group: 'income',
    children: [
      { key: 'service-income', pt: 'Receita de serviços', en: 'Service income' },
      { key: 'other-income', pt: 'Outras receitas', en: 'Other income' },
    ],
  },
  {
    key: 'deductible',
    pt: 'Despesas dedutíveis (livro-caixa)',
    en: 'Deductible expenses (livro-caixa)',
    group: 'deductible_expense',
    children: [
      { key: 'office-rent', pt: 'Aluguel do escritório', en: 'Office rent' },
      { key: 'internet-phone', pt: 'Internet e telefone', en: 'Internet and phone' },
      { key: 'office-supplies', pt: 'Material de escritório', en: 'Office supplies' },
      { key: 'software', pt: 'Software e assinaturas', en: 'Software and subscriptions' },
      { key: 'accountant', pt: 'Contador', en: 'Accountant' },
      { key: 'courses-books', pt: 'Cursos e livros', en: 'Courses and books' },
    ],
  },
  {
    key: 'personal',
    pt: 'Despesas pessoais',
    en: 'Personal expenses',
    group: 'nondeductible_expense',
    children: [
      { key: 'food', pt: 'Alimentação', en: 'Food' },
      { key: 'personal-transport', pt: 'Transporte pessoal', en: 'Personal transport' },
      { key: 'housing', pt: 'Moradia', en: 'Housing' },
      { key: 'health', pt: 'Saúde', en: 'Health' },
      { key: 'leisure', pt: 'Lazer', en: 'Leisure' },
    ],
  },
  {
    key: 'taxes',
    pt: 'Impostos',
    en: 'Taxes',
    group: 'tax',
    children: [
      { key: 'das', pt: 'DAS (Simples Nacional)', en: 'DAS (Simples Nacional)' },
      { key: 'inss', pt: 'INSS', en: 'INSS (social security)' },
      { key: 'irpf', pt: 'IRPF / Carnê-Leão', en: 'Income tax (IRPF / Carnê-Leão)' },
    ],
  },
  {
    key: 'own-transfers',
    pt: 'Transferências entre minhas contas',
    en: 'Transfers between my accounts',
    group: 'transfer',
  },
  { key: 'investments', pt: 'Investimentos', en: 'Investments', group: 'investment' },
];

export const presetCategoryId = (key: string) => `user:preset:${key}`;

/**
 * Adds the preset under fixed ids, skipping any already there: the first start creates
 * them, later starts change nothing, and what the user renamed, archived or merged away
 * stays so (categories are never deleted).
 */
export function ensurePresetCategories(db: Db): void {
  db.transaction((tx) => {
    for (const root of preset) {
      const id = presetCategoryId(root.key);
      const rows = [
        { id, parentId: null, namePt: root.pt, nameEn: root.en },
        ...(root.children ?? []).map((child) => ({
          id: presetCategoryId(child.key),
          parentId: id,
          namePt: child.pt,
          nameEn: child.en,
        })),
      ];
      tx.insert(categories)
        .values(rows.map((row) => ({ ...row, source: 'user' as const, reportGroup: root.group })))
        .onConflictDoNothing()
        .run();
    }
  });
}

/** The whole tree, archived categories flagged: the user's first (in creation order), then Pluggy's by id. */
export function listCategories(db: Db): CategorySummary[] {
  return db
    .select()
    .from(categories)
    .orderBy(
      sql`${categories.source} = 'pluggy'`,
      sql`case when ${categories.source} = 'pluggy' then ${categories.id} end`,
      sql`rowid`,
    )
    .all()
    .map(toSummary);
}

function toSummary(row: CategoryRow): CategorySummary {
  return {
    id: row.id,
    parentId: row.parentId,
    source: row.source,
    namePt: row.namePt,
    nameEn: row.nameEn,
    reportGroup: row.reportGroup,
    review: reviewReason(row),
    archived: row.archivedAt !== null,
  };
}

/** Why the category's group waits for the user's word, if it does (see ReviewReason). */
export function reviewReason(row: Pick<CategoryRow, 'reportGroup' | 'reportGroupSetAt' | 'reportGroupReview'>) {
  if (row.reportGroup === null) return 'unclassified' as const;
  return row.reportGroupSetAt === null ? row.reportGroupReview : null;
}

function requireCategory(db: DbOrTx, id: string): CategoryRow {
  const row = db.select().from(categories).where(eq(categories.id, id)).get();
  if (!row) throw new AppError('CATEGORY_NOT_FOUND', `No category ${id}`);
  return row;
}

/** A category a transaction, split, parent or merge may point at from now on: it exists and is not archived. */
export function requireAssignableCategory(db: DbOrTx, id: string): CategoryRow {
  const row = requireCategory(db, id);
  if (row.archivedAt !== null) throw new AppError('CATEGORY_ARCHIVED', `Category ${id} is archived`);
  return row;
}

/** Renaming and merging away change what the user named: Pluggy's own names stay Pluggy's. */
function requireUserCategory(db: DbOrTx, id: string): CategoryRow {
  const row = requireCategory(db, id);
  if (row.source !== 'user') throw new AppError('CATEGORY_READ_ONLY', `Category ${id} is Pluggy's`);
  return row;
}

/**
 * A new category of the user's. A subcategory sits under a top-level category (Pluggy's or
 * the user's) and, unless told otherwise, reports in its parent's group.
 */
export function createCategory(db: Db, input: CategoryCreate): CategorySummary {
  return db.transaction((tx) => {
    const parent = input.parentId ? requireAssignableCategory(tx, input.parentId) : null;
    if (parent && parent.parentId !== null) {
      throw new AppError('CATEGORY_PARENT_INVALID', `Category ${parent.id} is itself a subcategory`);
    }
    const row = tx
      .insert(categories)
      .values({
        id: `user:${randomUUID()}`,
        parentId: parent?.id ?? null,
        source: 'user',
        namePt: input.name,
        nameEn: input.nameEn ?? input.name,
        reportGroup: input.reportGroup ?? parent?.reportGroup ?? null,
      })
      .returning()
      .get();
    return toSummary(row);
  });
}

export function renameCategory(db: Db, input: CategoryRename): CategorySummary {
  return db.transaction((tx) => {
    requireUserCategory(tx, input.id);
    const row = tx
      .update(categories)
      .set({ namePt: input.name, nameEn: input.nameEn ?? input.name })
      .where(eq(categories.id, input.id))
      .returning()
      .get();
    return toSummary(row);
  });
}

/**
 * Hides a category from pickers (or shows it again). Rows that already point at it keep
 * it: archiving never changes the books. Pluggy's categories too, as the user may never
 * want to see some of them.
 */
export function archiveCategory(db: Db, id: string, archived: boolean, now: Date): CategorySummary {
  return db.transaction((tx) => {
    requireCategory(tx, id);
    const row = tx
      .update(categories)
      .set({ archivedAt: archived ? now.toISOString() : null })
      .where(eq(categories.id, id))
      .returning()
      .get();
    return toSummary(row);
  });
}

/**
 * Merges one of the user's categories into another: every transaction, split and rule
 * that used `from` uses `into` instead, its subcategories move under `into` (which must
 * then be a top-level category, the tree being two levels deep), and `from` is archived,
 * so no row points at it any more. One transaction: all of it or nothing.
 */
export function mergeCategories(db: Db, { from, into, confirmReconciled }: CategoryMerge, now: Date): CategorySummary {
  return db.transaction((tx) => {
    const source = requireUserCategory(tx, from);
    const target = requireAssignableCategory(tx, into);
    if (source.id === target.id || target.parentId === source.id) {
      throw new AppError('CATEGORY_MERGE_INVALID', `Cannot merge ${from} into itself or its subcategory ${into}`);
    }
    const hasChildren = tx.select({ id: categories.id }).from(categories).where(eq(categories.parentId, from)).get();
    if (hasChildren && target.parentId !== null) {
      throw new AppError('CATEGORY_MERGE_INVALID', `${from} has subcategories and ${into} is a subcategory`);
    }
    const moving = db.$client
      .prepare(
        `SELECT transaction_id FROM transaction_user_data WHERE category_id = ?
         UNION SELECT transaction_id FROM transaction_splits WHERE category_id = ?`,
      )
      .pluck()
      .all(from, from) as string[];
    guardReconciledEdit(tx, moving, {
      kind: 'categorized',
      detail: { categoryId: into, mergedFrom: from },
      at: now,
      confirmReconciled,
    });
    tx.update(transactionUserData).set({ categoryId: into }).where(eq(transactionUserData.categoryId, from)).run();
    tx.update(transactionSplits).set({ categoryId: into }).where(eq(transactionSplits.categoryId, from)).run();
    tx.update(rules)
      .set({ actions: sql`json_set(${rules.actions}, '$.categoryId', ${into})`, updatedAt: now.toISOString() })
      .where(sql`json_extract(${rules.actions}, '$.categoryId') = ${from}`)
      .run();
    tx.update(categories).set({ parentId: into }).where(eq(categories.parentId, from)).run();
    tx.update(categories).set({ archivedAt: now.toISOString() }).where(eq(categories.id, from)).run();
    return toSummary(requireCategory(tx, into));
  });
}
