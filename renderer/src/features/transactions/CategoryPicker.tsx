import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryOption, foldForSearch, searchCategories } from './category-options.ts';
import './category-picker.css';

/** A choice listed before the categories, such as a filter's "Todas as categorias". */
export interface ExtraChoice {
  id: string;
  label: string;
}

/**
 * The one way a category is chosen (the table's rows, the details, the split's parts, bulk,
 * rules, own entries, the filter): a combobox over the non-archived categories, the user's
 * under one heading and then Pluggy's under another. Type to narrow by name or path (accents
 * and case ignored), ↑/↓ to move, Enter to choose, Esc to close. Opens with focus in the
 * text box; leaving it closes it. Nothing is highlighted until the user types or moves with
 * ↑/↓: an Enter pressed on opening (a double Enter, a click then Enter) must not silently
 * recategorize.
 */
export function CategoryPicker({
  options,
  extras = [],
  currentId,
  label,
  onPick,
  onClose,
  onDismiss,
}: {
  options: readonly CategoryOption[];
  /** Choices above the categories ("Sem categoria"), narrowed by what is typed as they are. */
  extras?: readonly ExtraChoice[];
  /** What is chosen now, marked in the list. */
  currentId?: string | null;
  /** The text box's name; "Escolher categoria" unless the field needs its own. */
  label?: string;
  onPick: (categoryId: string) => void;
  /** Esc: the user backed out, focus goes back where it was. */
  onClose: () => void;
  /** Focus moved elsewhere: close without taking it back. */
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  /** The highlighted choice; -1 while the user has neither typed nor moved. */
  const [active, setActive] = useState(-1);
  const matches = searchCategories(options, text);
  const words = foldForSearch(text).split(/\s+/).filter(Boolean);
  const shownExtras = extras.filter((extra) => words.every((word) => foldForSearch(extra.label).includes(word)));
  const groups = (['user', 'pluggy'] as const)
    .map((source) => ({ source, options: matches.filter((option) => option.source === source) }))
    .filter((group) => group.options.length > 0);
  // ↑/↓ walk the choices in the order shown: the extras, then each group's.
  const choices: readonly ExtraChoice[] = [...shownExtras, ...groups.flatMap((group) => group.options)];
  const current = active < 0 ? undefined : choices[Math.min(active, choices.length - 1)];
  const optionId = (choice: ExtraChoice) => `${id}-${choice.id}`;
  const activeId = current ? optionId(current) : undefined;
  // ↓ past the list's bottom edge keeps the highlighted option in sight.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The table or dialog around the picker must not see these keys too.
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const last = choices.length - 1;
      // The first ↓ (or ↑) highlights the first choice.
      setActive((index) => (index < 0 ? 0 : Math.min(Math.max(0, Math.min(index, last) + step), last)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const option = (choice: ExtraChoice, parent: string | null, name: string) => (
    <div
      key={choice.id}
      id={optionId(choice)}
      role="option"
      aria-selected={choice === current}
      aria-label={name}
      title={name}
      data-current={choice.id === currentId || undefined}
      // Chosen on mousedown: a click would first blur the box, which closes the picker.
      onMouseDown={(event) => {
        event.preventDefault();
        onPick(choice.id);
      }}
    >
      <span className="category-picker-label">{choice.label}</span>
      {parent && <span className="category-picker-parent">{parent}</span>}
    </div>
  );

  return (
    <div className="category-picker">
      <input
        role="combobox"
        aria-label={label ?? t('transactions.picker.label')}
        // Nothing matches: no list, only the sentence that says so (an empty listbox is invalid).
        aria-expanded={choices.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder={t('transactions.picker.placeholder')}
        value={text}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          // Typing narrows to what the user means: the best match is the choice, until emptied again.
          setActive(event.target.value.trim() ? 0 : -1);
        }}
        onKeyDown={onKeyDown}
        onBlur={onDismiss}
      />
      {choices.length === 0 ? (
        <div className="category-picker-list category-picker-none" role="status">
          {t('transactions.picker.none')}
        </div>
      ) : (
        <div
          className="category-picker-list"
          role="listbox"
          id={`${id}-list`}
          aria-label={label ?? t('transactions.picker.label')}
        >
          {shownExtras.map((extra) => option(extra, null, extra.label))}
          {groups.map((group) => (
            <div key={group.source} role="group" aria-labelledby={`${id}-${group.source}`}>
              <div id={`${id}-${group.source}`} className="category-picker-heading" role="presentation">
                {t(`categories.sourceGroup.${group.source}`)}
              </div>
              {group.options.map((each) => option(each, each.label === each.leaf ? each.parent : null, each.path))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
