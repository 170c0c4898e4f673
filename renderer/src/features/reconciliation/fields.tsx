import { useState } from 'react';
import { DateField, type DayValue } from '../../components/DateField.tsx';
import { FormattedInput } from '../../components/fields.tsx';
import type { TextFormat } from '../../components/text-formats.ts';

/**
 * A field of a saved draft: what is typed is kept while it is being typed and saved on
 * Enter or on leaving the field, when it reads as something new; the saved value shows
 * again when it changes underneath (e.g. the answer of the save).
 */
export function CommitField<T>({
  label,
  value,
  format,
  help,
  onCommit,
}: {
  label: string;
  value: T;
  format: TextFormat<T>;
  help?: string;
  onCommit: (value: T) => void;
}) {
  const shown = format.format(value);
  const [text, setText] = useState(shown);
  const [savedText, setSavedText] = useState(shown);
  if (savedText !== shown) {
    setSavedText(shown);
    setText(shown);
  }
  const commit = () => {
    const parsed = format.parse(text);
    if (parsed !== undefined && parsed !== value) onCommit(parsed);
  };
  return (
    <FormattedInput
      className="recon-field"
      label={label}
      text={text}
      onText={setText}
      format={format}
      help={help}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

/** The draft's statement day, saved like a CommitField: on Enter or on leaving the box. */
export function CommitDateField({
  label,
  value,
  help,
  onCommit,
}: {
  label: string;
  value: string;
  help?: string;
  onCommit: (day: string) => void;
}) {
  const [day, setDay] = useState<DayValue>(value);
  const [savedDay, setSavedDay] = useState(value);
  if (savedDay !== value) {
    setSavedDay(value);
    setDay(value);
  }
  const commit = () => {
    if (day && day !== value) onCommit(day);
  };
  return (
    <DateField
      className="recon-field"
      label={label}
      value={day}
      onChange={setDay}
      help={help}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
