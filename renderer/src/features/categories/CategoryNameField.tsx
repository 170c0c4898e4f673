import { useId } from 'react';

/**
 * A category's name, as the create and rename dialogs ask for it: required, at most the 80
 * characters the backend takes, focused as the dialog opens. `selectOnFocus` selects a name
 * already there, so that typing replaces it.
 */
export function CategoryNameField({
  label,
  value,
  selectOnFocus = false,
  onChange,
}: {
  label: string;
  value: string;
  selectOnFocus?: boolean;
  onChange: (name: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        required
        maxLength={80}
        autoFocus
        onFocus={selectOnFocus ? (event) => event.target.select() : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
