import { useEffect, useRef, useState } from 'react';
import type { CategoryOption } from './category-options.ts';
import { CategoryPicker, type ExtraChoice } from './CategoryPicker.tsx';

/**
 * A category field: a chip showing the choice (its own name first, the path on hover and in
 * its name), which opens the category picker in its place. Esc or a choice puts focus back
 * on the chip, so the keys of what holds it (a dialog's Esc, Ctrl+Enter) keep working.
 */
export function CategorySelect({
  options,
  value,
  onChange,
  label,
  placeholder,
  extras,
  action,
  describedBy,
}: {
  options: readonly CategoryOption[];
  value: string | null;
  /** Called on every choice, the current one too (choosing a suggested category confirms it). */
  onChange: (categoryId: string) => void;
  /** The field's name: "Categoria", "Categoria da parte 1". */
  label: string;
  /** What the chip says while nothing is chosen. */
  placeholder: string;
  extras?: readonly ExtraChoice[];
  /** A primary button with this text instead of the chip, where choosing is an action (bulk categorize). */
  action?: string;
  describedBy?: string;
}) {
  const [open, setOpen] = useState(false);
  const chip = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // The chip is back only once the picker is gone: focus it then.
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    chip.current?.focus();
  }, [open]);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  if (open) {
    return (
      <CategoryPicker
        options={options}
        extras={extras}
        currentId={value}
        label={label}
        onPick={(picked) => {
          onChange(picked);
          close();
        }}
        onClose={close}
        onDismiss={() => setOpen(false)}
      />
    );
  }
  const extra = extras?.find((each) => each.id === value);
  const category = extra ? undefined : options.find((option) => option.id === value);
  const shown = extra?.label ?? category?.label;
  const show = () => setOpen(true);
  if (action !== undefined) {
    return (
      <button ref={chip} type="button" className="primary" aria-haspopup="listbox" onClick={show}>
        {action}
      </button>
    );
  }
  return (
    <button
      ref={chip}
      type="button"
      className={shown ? 'category-chip' : 'category-chip category-missing'}
      aria-haspopup="listbox"
      aria-describedby={describedBy}
      // The chip shows the category's own name; its path is on hover and read out.
      aria-label={`${label}: ${category?.path ?? shown ?? placeholder}`}
      title={category?.path}
      onClick={show}
    >
      {shown ?? placeholder}
    </button>
  );
}
