import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { useCategories, useCategoryChange } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { buildCategoryTree, categoryName, parentIds, visibleNodes } from './category-tree.ts';
import { type CategoryAction, CategoryDetails } from './CategoryDetails.tsx';
import { CategoryTree, treeItemId } from './CategoryTree.tsx';
import { ChangeGroupDialog } from './ChangeGroupDialog.tsx';
import { GroupToast, useGroupToast } from '../classification/GroupToast.tsx';
import { CreateCategoryDialog } from './CreateCategoryDialog.tsx';
import { MergeCategoryDialog } from './MergeCategoryDialog.tsx';
import { RenameCategoryDialog } from './RenameCategoryDialog.tsx';
import './categories.css';

type OpenDialog =
  { kind: 'create'; parentId: string | null } | { kind: 'rename' | 'merge' | 'group'; category: CategorySummary };

/** Pluggy's categories and the user's, as a tree: find, create, rename, merge and archive them. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();
  const all = useMemo(() => categories.data ?? [], [categories.data]);
  const [filter, setFilter] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  /** Opened or closed by the user; otherwise the user's own top-level categories start open, Pluggy's closed. */
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [message, setMessage] = useState('');
  const archive = useCategoryChange('categories:archive');
  const groupToast = useGroupToast();
  /** A tree item to focus once it is rendered (after a change moved or hid the one in focus). */
  const focusAfterRender = useRef<string | null>(null);

  const tree = useMemo(
    () => buildCategoryTree(all, language, { showArchived, filter }),
    [all, language, showArchived, filter],
  );
  const expanded = useMemo(() => {
    // While filtering, every match shows.
    if (filter.trim()) return new Set(parentIds(tree));
    return new Set(
      all
        .filter((category) => toggled.get(category.id) ?? (category.source === 'user' && category.parentId === null))
        .map((category) => category.id),
    );
  }, [all, tree, filter, toggled]);
  const visible = visibleNodes(tree, expanded);
  const current = visible.find((node) => node.category.id === selectedId) ?? visible[0];
  const byId = useMemo(() => new Map(all.map((category) => [category.id, category])), [all]);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    focusAfterRender.current = null;
    document.getElementById(treeItemId(id))?.focus();
  });

  /** Selects a category, opening its parents so it shows, and focuses it in the tree. */
  const reveal = (category: CategorySummary) => {
    setToggled((map) => {
      const next = new Map(map);
      for (let parent = byId.get(category.parentId ?? ''); parent; parent = byId.get(parent.parentId ?? '')) {
        next.set(parent.id, true);
      }
      return next;
    });
    setSelectedId(category.id);
    focusAfterRender.current = category.id;
  };

  const toggleArchived = (category: CategorySummary) => {
    const archived = !category.archived;
    const index = visible.findIndex((node) => node.category.id === category.id);
    const neighbour = visible[index + 1] ?? visible[index - 1];
    archive.mutate(
      { id: category.id, archived },
      {
        onSuccess: () => {
          const name = categoryName(category, language);
          setMessage(archived ? t('categories.archivedDone', { name }) : t('categories.unarchivedDone', { name }));
          // An archived category leaves the tree unless archived ones show: focus its neighbour, not a stale button.
          if (archived && !showArchived && neighbour) {
            setSelectedId(neighbour.category.id);
            focusAfterRender.current = neighbour.category.id;
          }
        },
      },
    );
  };

  const onAction = (action: CategoryAction) => {
    if (!current) return;
    const { category } = current;
    setMessage('');
    archive.reset();
    if (action === 'archive') toggleArchived(category);
    else if (action === 'add-child') setDialog({ kind: 'create', parentId: category.id });
    else setDialog({ kind: action, category });
  };

  return (
    <Page
      name="categories"
      title={t('categories.title')}
      subtitle={t('categories.subtitle')}
      actions={
        <button
          type="button"
          className="primary"
          onClick={() => {
            setMessage('');
            setDialog({ kind: 'create', parentId: null });
          }}
        >
          {t('categories.new')}
        </button>
      }
    >
      <div className="category-toolbar">
        <input
          type="search"
          className="category-filter"
          aria-label={t('categories.filter.label')}
          placeholder={t('categories.filter.placeholder')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="filter-check">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t('categories.showArchived')}
        </label>
      </div>
      {categories.error && <ErrorNotice error={categories.error} onRetry={() => void categories.refetch()} />}
      {archive.error && <ErrorNotice error={archive.error} />}
      <p className="category-message" role="status">
        {message}
      </p>
      <div className="category-layout">
        <div className="category-tree-pane">
          {tree.length > 0 ? (
            <CategoryTree
              tree={tree}
              expanded={expanded}
              onToggle={(id, open) => setToggled((map) => new Map(map).set(id, open))}
              selectedId={current?.category.id ?? null}
              onSelect={setSelectedId}
              onRename={() => current?.category.source === 'user' && onAction('rename')}
            />
          ) : (
            categories.isSuccess && <p className="muted category-empty">{t('categories.noMatch')}</p>
          )}
          <p className="tx-help muted">{t('categories.keyboardHelp')}</p>
        </div>
        {current && (
          <CategoryDetails
            category={current.category}
            parent={byId.get(current.category.parentId ?? '')}
            archiving={archive.isPending}
            onAction={onAction}
          />
        )}
      </div>
      {dialog?.kind === 'create' && (
        <CreateCategoryDialog
          categories={all}
          parentId={dialog.parentId}
          onCreated={(category) => {
            setDialog(null);
            setFilter('');
            setMessage(t('categories.createdDone', { name: categoryName(category, language) }));
            reveal(category);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && <RenameCategoryDialog category={dialog.category} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'group' && (
        <ChangeGroupDialog
          category={dialog.category}
          categories={all}
          onChanged={({ undoId }, group) => {
            setDialog(null);
            groupToast.show({
              kind: 'changed',
              name: categoryName(dialog.category, language),
              group,
              confirmed: group === dialog.category.reportGroup,
              undoId,
            });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {groupToast.toast && (
        <GroupToast
          toast={groupToast.toast}
          onUndone={() => groupToast.show({ kind: 'undone' })}
          onClose={groupToast.dismiss}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeCategoryDialog
          category={dialog.category}
          categories={all}
          onMerged={(into) => {
            setDialog(null);
            setMessage(
              t('categories.mergedDone', {
                from: categoryName(dialog.category, language),
                into: categoryName(into, language),
              }),
            );
            reveal(into);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
