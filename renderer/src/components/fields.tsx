import { type KeyboardEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../electron/shared/models.ts';
import { groupByInstitution } from '../features/accounts/account-totals.ts';
import type { TextFormat } from './text-formats.ts';
import './fields.css';

/** The label, the control, and under it either why the value is refused or a line of help. */
export function FieldFrame({
  id,
  label,
  help,
  problem,
  className,
  children,
}: {
  id: string;
  label: string;
  help?: string | null;
  problem?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      {children}
      {(problem || help) && (
        <p id={`${id}-note`} className={problem ? 'field-problem' : 'field-help'}>
          {problem || help}
        </p>
      )}
    </div>
  );
}

/** The note under a field (see FieldFrame), when there is one, for aria-describedby. */
export const described = (id: string, note: unknown) => (note ? `${id}-note` : undefined);

/** A plain text box (a textarea when `multiline`). */
export function TextInput({
  label,
  value,
  onChange,
  maxLength,
  help,
  problem,
  autoFocusHere = false,
  multiline = false,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  help?: string | null;
  problem?: string | null;
  /** The field the dialog starts in. */
  autoFocusHere?: boolean;
  multiline?: boolean;
  className?: string;
}) {
  const id = useId();
  const common = {
    id,
    value,
    maxLength,
    'aria-invalid': Boolean(problem),
    'aria-describedby': described(id, problem || help),
    'data-autofocus': autoFocusHere ? '' : undefined,
  };
  return (
    <FieldFrame id={id} label={label} help={help} problem={problem} className={className}>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldFrame>
  );
}

/**
 * A box for a day or an amount (see text-formats.ts): what is typed stays as typed, marked
 * invalid (and said why) while it cannot be read; on leaving it, what reads is written back
 * tidy ("1234,5" → "1.234,50", "5/3/2026" → "05/03/2026").
 */
export function FormattedInput<T>({
  label,
  text,
  onText,
  format,
  help,
  problem,
  autoFocusHere = false,
  className,
  onBlur,
  onKeyDown,
}: {
  label: string;
  text: string;
  onText: (text: string) => void;
  format: TextFormat<T>;
  help?: string | null;
  /** Why the value is refused beyond not reading (empty, zero, a date too early). */
  problem?: string | null;
  autoFocusHere?: boolean;
  className?: string;
  /** After the text is tidied, on leaving the box. */
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const id = useId();
  const unreadable = text.trim() !== '' && format.parse(text) === undefined;
  const message = unreadable ? format.unreadable : problem;
  return (
    <FieldFrame id={id} label={label} help={help} problem={message} className={className}>
      <input
        id={id}
        className="formatted-input"
        inputMode={format.inputMode}
        placeholder={format.placeholder}
        value={text}
        aria-invalid={Boolean(message)}
        aria-describedby={described(id, message || help)}
        data-autofocus={autoFocusHere ? '' : undefined}
        onChange={(event) => onText(event.target.value)}
        onBlur={() => {
          const value = format.parse(text);
          if (value !== undefined) onText(format.format(value));
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
    </FieldFrame>
  );
}

/** A choice among fixed options. */
export function SelectInput({
  label,
  value,
  onChange,
  help,
  problem,
  disabled = false,
  autoFocusHere = false,
  className,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string | null;
  problem?: string | null;
  disabled?: boolean;
  autoFocusHere?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} help={help} problem={problem} className={className}>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={Boolean(problem)}
        aria-describedby={described(id, problem || help)}
        data-autofocus={autoFocusHere ? '' : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** The accounts by bank, each by its full name (and its currency when not reais). */
export function AccountOptions({ accounts }: { accounts: readonly AccountSummary[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('transactions.entry.chooseAccount')}</option>
      {groupByInstitution(accounts).map((group) => (
        <optgroup key={group.connectionId} label={group.institution}>
          {group.accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.currencyCode === 'BRL'
                ? account.displayName
                : `${account.displayName} (${account.currencyCode})`}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
