import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryPicker } from '../transactions/CategoryPicker.tsx';
import type { CategoryOption } from '../transactions/category-options.ts';

/**
 * One or more categories chosen with the transactions screen's picker: chips with a remove
 * button each, and a button that opens the picker. `multiple` false keeps one category.
 */
export function CategoryField({
  label,
  options,
  value,
  multiple,
  onChange,
  describedBy,
}: {
  label: string;
  options: readonly CategoryOption[];
  value: readonly string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Closing the picker removes the focused box: focus comes back to the button that opened it,
  // not to the page (where the dialog's keys, like Ctrl+Enter, would no longer be heard).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (picking || !returnFocus.current) return;
    returnFocus.current = false;
    button.current?.focus();
  }, [picking]);
  const close = () => {
    returnFocus.current = true;
    setPicking(false);
  };
  const byId = new Map(options.map((option) => [option.id, option]));
  return (
    <div className="rule-category-field" role="group" aria-label={label} aria-describedby={describedBy}>
      {value.map((id) => (
        // Its own name first; the path on hover and in the remove button's name.
        <span key={id} className="category-chip" title={byId.get(id)?.path}>
          {byId.get(id)?.label ?? id}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('rules.editor.removeCategory', { name: byId.get(id)?.path ?? id })}
            onClick={() => onChange(value.filter((each) => each !== id))}
          >
            ×
          </button>
        </span>
      ))}
      {picking ? (
        <CategoryPicker
          options={options}
          onPick={(id) => {
            onChange(multiple ? [...new Set([...value, id])] : [id]);
            close();
          }}
          onClose={close}
          onDismiss={() => setPicking(false)}
        />
      ) : (
        <button type="button" ref={button} onClick={() => setPicking(true)}>
          {value.length === 0
            ? t('rules.editor.chooseCategory')
            : t(multiple ? 'rules.editor.addCategory' : 'rules.editor.changeCategory')}
        </button>
      )}
    </div>
  );
}
