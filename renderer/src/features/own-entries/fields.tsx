import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { DateField, type DayValue } from '../../components/DateField.tsx';
import { AccountOptions, FormattedInput, SelectInput, TextInput } from '../../components/fields.tsx';
import { useMoneyText } from '../../components/text-formats.ts';

// The imports screens take these from here.
export { AccountOptions, SelectInput };

/** Focus the first field that says what is wrong, once the messages are on screen. */
export const focusFirstProblem = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('dialog[open] [aria-invalid="true"]')?.focus());

/** Whether the user tried to save yet: no field says it is required before that. */
export function useSaveAttempt() {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState(false);
  return {
    submitted,
    attempt: () => setSubmitted(true),
    required: (text: string) => (submitted && text.trim() === '' ? t('transactions.entry.required') : null),
    /** A day left empty (one that does not read, the date field says so itself). */
    requiredDay: (day: DayValue) => (submitted && day === null ? t('transactions.entry.required') : null),
  };
}

/** A dialog's day and amount boxes: the day, and the amount's text as typed and what it reads as (undefined when it does not). */
export function useDayAndAmountText(initialDay: string, initialCents?: number) {
  const money = useMoneyText();
  const [date, setDate] = useState<DayValue>(initialDay);
  const [amountText, setAmountText] = useState(() => (initialCents === undefined ? '' : money.format(initialCents)));
  return {
    date,
    setDate,
    amountText,
    setAmountText,
    amount: money.parse(amountText),
  };
}

/** An account to enter into (or move money from or to), by bank. */
export function AccountSelect({
  label,
  value,
  onChange,
  accounts,
  problem,
  autoFocusHere = false,
}: {
  label: string;
  value: string;
  onChange: (accountId: string) => void;
  accounts: readonly AccountSummary[];
  problem: string | null;
  autoFocusHere?: boolean;
}) {
  return (
    <SelectInput
      className="entry-wide"
      label={label}
      value={value}
      onChange={onChange}
      problem={problem}
      autoFocusHere={autoFocusHere}
    >
      <AccountOptions accounts={accounts} />
    </SelectInput>
  );
}

/** The day's box, "Data" unless named otherwise. */
export function DateInput({
  label,
  value,
  onChange,
  problem,
  autoFocusHere = false,
}: {
  label?: string;
  value: DayValue;
  onChange: (day: DayValue) => void;
  problem: string | null;
  autoFocusHere?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DateField
      label={label ?? t('transactions.entry.date')}
      value={value}
      onChange={onChange}
      problem={problem}
      autoFocusHere={autoFocusHere}
    />
  );
}

/** The amount's box, named with the account's currency when it is not reais (unless named otherwise). */
export function AmountInput({
  label,
  text,
  onText,
  currency,
  help,
  problem,
  className,
}: {
  label?: string;
  text: string;
  onText: (text: string) => void;
  currency?: string;
  help?: string;
  problem: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const money = useMoneyText();
  return (
    <FormattedInput
      className={className}
      label={
        label ??
        (currency && currency !== 'BRL'
          ? t('transactions.entry.amountIn', { currency })
          : t('transactions.entry.amount'))
      }
      text={text}
      onText={onText}
      format={money}
      help={help}
      problem={problem}
    />
  );
}

/** What the entry is, as the lists show it. */
export function DescriptionInput({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange: (description: string) => void;
  problem: string | null;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      className="entry-wide"
      label={t('transactions.entry.description')}
      value={value}
      onChange={onChange}
      maxLength={200}
      problem={problem}
    />
  );
}

/** Who the money went to or came from, when the user says. */
export function CounterpartyInput({ value, onChange }: { value: string; onChange: (counterparty: string) => void }) {
  const { t } = useTranslation();
  return <TextInput label={t('transactions.entry.counterparty')} value={value} onChange={onChange} maxLength={200} />;
}
