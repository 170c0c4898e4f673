import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryOption, searchCategories } from './category-options.ts';

/** More matches than this are cut: typing another letter narrows them faster than scrolling. */
const shownLimit = 50;

/**
 * A combobox over the non-archived categories: type to narrow (accents and case ignored),
 * ↑/↓ to move, Enter to choose, Esc to close. Opens with focus in the text box; leaving it
 * closes it. Nothing is highlighted until the user types or moves with ↑/↓: an Enter pressed
 * on opening (a double Enter, a click then Enter) must not silently recategorize.
 */
export function CategoryPicker({
  options,
  onPick,
  onClose,
  onDismiss,
}: {
  options: readonly CategoryOption[];
  onPick: (categoryId: string) => void;
  /** Esc: the user backed out, focus goes back where it was. */
  onClose: () => void;
  /** Focus moved elsewhere: close without taking it back. */
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  /** The highlighted match; -1 while the user has neither typed nor moved. */
  const [active, setActive] = useState(-1);
  const matches = searchCategories(options, text).slice(0, shownLimit);
  const current = active < 0 ? undefined : matches[Math.min(active, matches.length - 1)];
  const currentId = current ? `${id}-${current.id}` : undefined;
  // ↓ past the list's bottom edge keeps the highlighted option in sight.
  useEffect(() => {
    if (currentId) document.getElementById(currentId)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The table under the picker must not see these keys too.
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // The first ↓ (or ↑) highlights the first match.
      setActive((index) =>
        index < 0 ? 0 : Math.min(Math.max(0, Math.min(index, matches.length - 1) + step), matches.length - 1),
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="category-picker">
      <input
        role="combobox"
        aria-label={t('transactions.picker.label')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={currentId}
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
      <ul role="listbox" id={`${id}-list`} aria-label={t('transactions.picker.label')}>
        {matches.map((option) => (
          <li
            key={option.id}
            id={`${id}-${option.id}`}
            role="option"
            aria-selected={option === current}
            // Chosen on mousedown: a click would first blur the box, which closes the picker.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(option.id);
            }}
          >
            {option.path}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">{t('transactions.picker.none')}</li>}
      </ul>
    </div>
  );
}
