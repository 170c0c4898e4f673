import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryNode, visibleNodes } from './category-tree.ts';
import { CategoryBadges } from './CategoryBadges.tsx';

export const treeItemId = (categoryId: string) => `category-${categoryId}`;

/**
 * The WAI-ARIA tree pattern, single-select with selection following focus: one item in the
 * tab order; ↑/↓ move, → opens or goes to the first child, ← closes or goes to the parent,
 * Home/End jump, F2 asks to rename.
 */
export function CategoryTree({
  tree,
  expanded,
  onToggle,
  selectedId,
  onSelect,
  onRename,
}: {
  tree: readonly CategoryNode[];
  expanded: ReadonlySet<string>;
  onToggle: (categoryId: string, open: boolean) => void;
  selectedId: string | null;
  onSelect: (categoryId: string) => void;
  onRename: () => void;
}) {
  const { t } = useTranslation();
  const visible = visibleNodes(tree, expanded);
  const current = visible.find((node) => node.category.id === selectedId) ?? visible[0];
  const focusNext = useRef(false);

  // Moving with the keyboard moves focus; a selection made elsewhere (a dialog) does not.
  useEffect(() => {
    if (!focusNext.current || !current) return;
    focusNext.current = false;
    document.getElementById(treeItemId(current.category.id))?.focus();
  });

  const moveTo = (node: CategoryNode | undefined) => {
    if (!node) return;
    focusNext.current = true;
    onSelect(node.category.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = visible.indexOf(current);
    const { id } = current.category;
    const open = expanded.has(id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(visible[index + 1]),
      ArrowUp: () => moveTo(visible[index - 1]),
      Home: () => moveTo(visible[0]),
      End: () => moveTo(visible.at(-1)),
      ArrowRight: () => {
        if (current.children.length === 0) return;
        if (open) moveTo(current.children[0]);
        else onToggle(id, true);
      },
      ArrowLeft: () => {
        if (open) onToggle(id, false);
        else moveTo(visible.find((node) => node.category.id === current.category.parentId));
      },
      F2: onRename,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const renderNode = (node: CategoryNode) => {
    const { category } = node;
    const open = expanded.has(category.id);
    const selected = current?.category.id === category.id;
    const nameId = `${treeItemId(category.id)}-name`;
    return (
      <li
        key={category.id}
        id={treeItemId(category.id)}
        role="treeitem"
        aria-level={node.level}
        aria-expanded={node.children.length > 0 ? open : undefined}
        aria-selected={selected}
        aria-labelledby={nameId}
        aria-describedby={`${treeItemId(category.id)}-badges`}
        tabIndex={selected ? 0 : -1}
        data-archived={category.archived || undefined}
        onClick={(event) => {
          // The click lands on the innermost item only.
          event.stopPropagation();
          onSelect(category.id);
        }}
      >
        <div className="category-row" style={{ paddingLeft: `${(node.level - 1) * 22 + 6}px` }}>
          {node.children.length > 0 ? (
            <span
              className="category-twisty"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                onToggle(category.id, !open);
              }}
            >
              {open ? '▾' : '▸'}
            </span>
          ) : (
            <span className="category-twisty" aria-hidden="true" />
          )}
          <span id={nameId} className="category-name">
            {node.name}
          </span>
          <CategoryBadges id={`${treeItemId(category.id)}-badges`} category={category} />
        </div>
        {open && node.children.length > 0 && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <ul role="tree" className="category-tree" aria-label={t('categories.tree')} onKeyDown={onKeyDown}>
      {tree.map(renderNode)}
    </ul>
  );
}
