import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { formatAmountInput, parseAmountInput } from '../transactions/view-state.ts';
import { parseDayInput } from './day-input.ts';

/** How a statement field reads and writes its text: a day as dd/mm/yyyy, money as the user's decimals. */
interface FieldFormat<T> {
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  placeholder: string;
  inputMode: 'numeric' | 'decimal';
}

export function useDayFormat(): FieldFormat<string> {
  const { t } = useTranslation();
  return {
    parse: parseDayInput,
    format: formatDate,
    placeholder: t('reconciliation.fields.dayHint'),
    inputMode: 'numeric',
  };
}

export function useMoneyFormat(): FieldFormat<number> {
  const { t } = useTranslation();
  const decimalComma = useLanguage() === 'pt-BR';
  return {
    parse: parseAmountInput,
    format: (cents) => formatAmountInput(cents, decimalComma),
    placeholder: t('reconciliation.fields.moneyHint'),
    inputMode: 'decimal',
  };
}

/** A labelled text box, marked invalid while what is typed cannot be read. */
export function TextField<T>({
  label,
  text,
  onText,
  format,
  help,
  problem,
  onBlur,
  onKeyDown,
}: {
  label: string;
  text: string;
  onText: (text: string) => void;
  format: FieldFormat<T>;
  help?: string;
  /** Why the value is refused, beyond not being readable (e.g. a date too early). */
  problem?: string | null;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const unreadable = text.trim() !== '' && format.parse(text) === undefined;
  const message = unreadable ? t('reconciliation.fields.unreadable') : problem;
  return (
    <div className="field recon-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode={format.inputMode}
        placeholder={format.placeholder}
        value={text}
        aria-invalid={Boolean(message)}
        aria-describedby={message || help ? `${id}-help` : undefined}
        onChange={(event) => onText(event.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      {(message || help) && (
        <p id={`${id}-help`} className={message ? 'field-problem' : 'field-help'}>
          {message || help}
        </p>
      )}
    </div>
  );
}

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
  format: FieldFormat<T>;
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
    <TextField
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
