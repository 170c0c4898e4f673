import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookkeepingDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import { useAccounts, useCategories } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { FormDialog } from '../categories/FormDialog.tsx';
import { categoryOptions } from '../transactions/category-options.ts';
import { CategoryPicker } from '../transactions/CategoryPicker.tsx';
import {
  AccountOptions,
  FormattedInput,
  SelectInput,
  type TextFormat,
  TextInput,
  useDayText,
  useMoneyText,
} from './fields.tsx';
import { useCreateTransaction, useCreateTransfer, useEditTransaction } from './queries.ts';
import './own-entries.css';

type Tab = 'transaction' | 'transfer';
type Direction = 'in' | 'out';

/** Focus the first field that says what is wrong, once the messages are on screen. */
const focusFirstProblem = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('dialog[open] [aria-invalid="true"]')?.focus());

/** The accounts one may enter into: not the hidden or closed ones, unless that is the one chosen. */
function offeredAccounts(accounts: readonly AccountSummary[], chosen: readonly string[]): AccountSummary[] {
  return accounts.filter((account) => (!account.hidden && !account.closed) || chosen.includes(account.id));
}

/** Why an amount box is refused: empty once the user tried to save, or zero. */
function amountProblem(
  text: string,
  cents: number | undefined,
  submitted: boolean,
  t: (key: 'transactions.entry.required' | 'transactions.entry.zero') => string,
) {
  if (text.trim() === '') return submitted ? t('transactions.entry.required') : null;
  return cents === 0 ? t('transactions.entry.zero') : null;
}

/**
 * "Nova transação": a transaction entered by hand in one account (tab Transação), or money
 * moved between two of the user's accounts, entered once (tab Transferência). The account
 * is preselected when the screen is on one. Saving closes the dialog once the lists and
 * balances show the change; focus goes back to where it was.
 */
export function NewEntryDialog({ accountId, onClose }: { accountId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('transaction');
  const tabsId = useId();
  const createTransaction = useCreateTransaction();
  const createTransfer = useCreateTransfer();
  const transaction = useTransactionForm(accountId);
  const transfer = useTransferForm(accountId);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ transaction: null, transfer: null });
  const tabs: Tab[] = ['transaction', 'transfer'];
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'transaction' ? 'transfer' : 'transaction';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <FormDialog
      title={t('transactions.entry.title')}
      confirmLabel={
        tab === 'transaction' ? t('transactions.entry.saveTransaction') : t('transactions.entry.saveTransfer')
      }
      change={tab === 'transaction' ? createTransaction : createTransfer}
      className="entry-dialog"
      onConfirm={() => {
        if (tab === 'transaction') {
          const input = transaction.submit();
          if (input) createTransaction.mutate(input, { onSuccess: onClose });
          else focusFirstProblem();
        } else {
          const input = transfer.submit();
          if (input) createTransfer.mutate(input, { onSuccess: onClose });
          else focusFirstProblem();
        }
      }}
      onClose={onClose}
    >
      <div className="entry-tabs" role="tablist" aria-label={t('transactions.entry.tabs.label')}>
        {tabs.map((each) => (
          <button
            key={each}
            ref={(element) => {
              tabRefs.current[each] = element;
            }}
            type="button"
            role="tab"
            id={`${tabsId}-${each}`}
            aria-selected={tab === each}
            aria-controls={`${tabsId}-panel`}
            tabIndex={tab === each ? 0 : -1}
            onClick={() => setTab(each)}
            onKeyDown={onTabKey}
          >
            {t(`transactions.entry.tabs.${each}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
        {tab === 'transaction' ? <TransactionFields form={transaction} /> : <TransferFields form={transfer} />}
      </div>
    </FormDialog>
  );
}

/** Direction and size of an amount, from its sign. */
const split = (cents: number): { direction: Direction; size: number } => ({
  direction: cents < 0 ? 'out' : 'in',
  size: Math.abs(cents),
});

function useTransactionForm(preselected: string | undefined) {
  const { t } = useTranslation();
  const day = useDayText();
  const money = useMoneyText();
  const accounts = useAccounts();
  const all = accounts.data ?? [];
  const [accountId, setAccountId] = useState(preselected ?? '');
  const offered = offeredAccounts(all, [accountId]);
  // One account to choose from: it is the one.
  const chosenId = accountId || (offered.length === 1 ? (offered[0]?.id ?? '') : '');
  const [dateText, setDateText] = useState(day.format(bookkeepingDate(new Date())));
  const [description, setDescription] = useState('');
  const [amountText, setAmountText] = useState('');
  const [direction, setDirection] = useState<Direction>('out');
  const [counterparty, setCounterparty] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const date = day.parse(dateText);
  const amount = money.parse(amountText);
  const required = (text: string) => (submitted && text.trim() === '' ? t('transactions.entry.required') : null);
  const problems = {
    account: required(chosenId),
    date: required(dateText),
    description: required(description),
    amount: amountProblem(amountText, amount, submitted, t),
  };
  return {
    offered,
    account: all.find((each) => each.id === chosenId),
    fields: {
      accountId: chosenId,
      setAccountId,
      dateText,
      setDateText,
      description,
      setDescription,
      amountText,
      setAmountText,
      direction,
      setDirection,
      counterparty,
      setCounterparty,
      categoryId,
      setCategoryId,
      notes,
      setNotes,
    },
    problems,
    day,
    money,
    submit() {
      setSubmitted(true);
      if (!chosenId || date === undefined || !description.trim() || amount === undefined || amount === 0) return null;
      const size = Math.abs(amount);
      return {
        accountId: chosenId,
        date,
        description: description.trim(),
        amountCents: direction === 'out' ? -size : size,
        counterparty: counterparty.trim() || null,
        ...(categoryId ? { categoryId } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      };
    },
  };
}

type TransactionForm = ReturnType<typeof useTransactionForm>;

function TransactionFields({ form }: { form: TransactionForm }) {
  const { t } = useTranslation();
  const { fields, problems, day, money, account } = form;
  return (
    <div className="entry-grid">
      <SelectInput
        className="entry-wide"
        label={t('transactions.entry.account')}
        value={fields.accountId}
        onChange={fields.setAccountId}
        problem={problems.account}
        autoFocusHere
      >
        <AccountOptions accounts={form.offered} />
      </SelectInput>
      <FormattedInput
        label={t('transactions.entry.date')}
        text={fields.dateText}
        onText={fields.setDateText}
        format={day}
        problem={problems.date}
      />
      <DirectionChoice direction={fields.direction} onChange={fields.setDirection} />
      <TextInput
        className="entry-wide"
        label={t('transactions.entry.description')}
        value={fields.description}
        onChange={fields.setDescription}
        maxLength={200}
        problem={problems.description}
      />
      <AmountInput
        text={fields.amountText}
        onText={fields.setAmountText}
        format={money}
        currency={account?.currencyCode}
        problem={problems.amount}
      />
      <TextInput
        label={t('transactions.entry.counterparty')}
        value={fields.counterparty}
        onChange={fields.setCounterparty}
        maxLength={200}
      />
      <CategoryChoice categoryId={fields.categoryId} onChange={fields.setCategoryId} />
      <TextInput
        className="entry-wide"
        label={t('transactions.entry.notes')}
        value={fields.notes}
        onChange={fields.setNotes}
        maxLength={2000}
        multiline
      />
    </div>
  );
}

/** The amount's box, named with the account's currency when it is not reais. */
function AmountInput({
  label,
  text,
  onText,
  format,
  currency,
  problem,
}: {
  label?: string;
  text: string;
  onText: (text: string) => void;
  format: TextFormat<number>;
  currency: string | undefined;
  problem: string | null;
}) {
  const { t } = useTranslation();
  return (
    <FormattedInput
      label={
        label ??
        (currency && currency !== 'BRL'
          ? t('transactions.entry.amountIn', { currency })
          : t('transactions.entry.amount'))
      }
      text={text}
      onText={onText}
      format={format}
      problem={problem}
    />
  );
}

/** Money in or out, as two buttons of one choice (radio buttons: arrows move between them). */
function DirectionChoice({ direction, onChange }: { direction: Direction; onChange: (direction: Direction) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="field entry-direction">
      <legend>{t('transactions.entry.direction')}</legend>
      <div className="entry-direction-choices">
        {(['out', 'in'] as const).map((each) => (
          <label key={each} className={`entry-direction-${each}`}>
            <input type="radio" name={name} value={each} checked={direction === each} onChange={() => onChange(each)} />
            <span aria-hidden="true">{each === 'in' ? '↑' : '↓'}</span> {t(`transactions.entry.${each}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The category, chosen with the picker of Transações (type to search); none leaves it to the rules. */
function CategoryChoice({
  categoryId,
  onChange,
}: {
  categoryId: string | null;
  onChange: (categoryId: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data ?? [], language), [categories.data, language]);
  const [picking, setPicking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const chosen = categoryId ? options.find((option) => option.id === categoryId) : undefined;
  const closePicker = () => {
    setPicking(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <div className="field entry-category entry-wide">
      <span className="field-label" id={labelId}>
        {t('transactions.entry.category')}
      </span>
      {picking ? (
        <CategoryPicker
          options={options}
          onPick={(picked) => {
            onChange(picked);
            closePicker();
          }}
          onClose={closePicker}
          onDismiss={() => setPicking(false)}
        />
      ) : (
        <span className="entry-category-row">
          <button
            ref={button}
            type="button"
            className={chosen ? 'category-chip' : 'category-chip category-missing'}
            aria-labelledby={`${labelId} ${labelId}-value`}
            aria-describedby={`${labelId}-help`}
            onClick={() => setPicking(true)}
          >
            <span id={`${labelId}-value`}>{chosen?.path ?? t('transactions.entry.noCategory')}</span>
          </button>
          {chosen && (
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              {t('transactions.entry.clearCategory')}
            </button>
          )}
        </span>
      )}
      <p id={`${labelId}-help`} className="field-help">
        {t('transactions.entry.categoryHelp')}
      </p>
    </div>
  );
}

function useTransferForm(preselected: string | undefined) {
  const { t } = useTranslation();
  const day = useDayText();
  const money = useMoneyText();
  const accounts = useAccounts();
  const all = accounts.data ?? [];
  const [fromId, setFromId] = useState(preselected ?? '');
  const [toId, setToId] = useState('');
  const [dateText, setDateText] = useState(day.format(bookkeepingDate(new Date())));
  const [amountText, setAmountText] = useState('');
  const [receivedText, setReceivedText] = useState('');
  const [description, setDescription] = useState(t('transactions.entry.transferDescription'));
  const [submitted, setSubmitted] = useState(false);
  const from = all.find((each) => each.id === fromId);
  const to = all.find((each) => each.id === toId);
  const twoCurrencies = Boolean(from && to && from.currencyCode !== to.currencyCode);
  const date = day.parse(dateText);
  const amount = money.parse(amountText);
  const received = money.parse(receivedText);
  const required = (text: string) => (submitted && text.trim() === '' ? t('transactions.entry.required') : null);
  const problems = {
    from: required(fromId),
    to: fromId && toId === fromId ? t('transactions.entry.sameAccount') : required(toId),
    date: required(dateText),
    amount: amountProblem(amountText, amount, submitted, t),
    received: twoCurrencies ? amountProblem(receivedText, received, submitted, t) : null,
    description: required(description),
  };
  return {
    offered: offeredAccounts(all, [fromId, toId]),
    from,
    to,
    twoCurrencies,
    fields: {
      fromId,
      setFromId,
      toId,
      setToId,
      dateText,
      setDateText,
      amountText,
      setAmountText,
      receivedText,
      setReceivedText,
      description,
      setDescription,
    },
    problems,
    day,
    money,
    submit() {
      setSubmitted(true);
      if (!fromId || !toId || fromId === toId || date === undefined || !description.trim()) return null;
      if (amount === undefined || amount === 0) return null;
      if (twoCurrencies && (received === undefined || received === 0)) return null;
      return {
        fromAccountId: fromId,
        toAccountId: toId,
        date,
        amountCents: Math.abs(amount),
        ...(twoCurrencies && received !== undefined ? { receivedCents: Math.abs(received) } : {}),
        description: description.trim(),
      };
    },
  };
}

type TransferForm = ReturnType<typeof useTransferForm>;

function TransferFields({ form }: { form: TransferForm }) {
  const { t } = useTranslation();
  const { fields, problems, day, money } = form;
  return (
    <div className="entry-grid">
      <p className="entry-wide entry-intro muted">{t('transactions.entry.transferHelp')}</p>
      <SelectInput
        className="entry-wide"
        label={t('transactions.entry.from')}
        value={fields.fromId}
        onChange={fields.setFromId}
        problem={problems.from}
        autoFocusHere
      >
        <AccountOptions accounts={form.offered} />
      </SelectInput>
      <SelectInput
        className="entry-wide"
        label={t('transactions.entry.to')}
        value={fields.toId}
        onChange={fields.setToId}
        problem={problems.to}
      >
        <AccountOptions accounts={form.offered} />
      </SelectInput>
      <FormattedInput
        label={t('transactions.entry.date')}
        text={fields.dateText}
        onText={fields.setDateText}
        format={day}
        problem={problems.date}
      />
      <AmountInput
        text={fields.amountText}
        onText={fields.setAmountText}
        format={money}
        currency={form.from?.currencyCode}
        problem={problems.amount}
      />
      {form.twoCurrencies && form.to && (
        <FormattedInput
          className="entry-wide"
          label={t('transactions.entry.received', { currency: form.to.currencyCode })}
          text={fields.receivedText}
          onText={fields.setReceivedText}
          format={money}
          help={t('transactions.entry.receivedHelp')}
          problem={problems.received}
        />
      )}
      <TextInput
        className="entry-wide"
        label={t('transactions.entry.description')}
        value={fields.description}
        onChange={fields.setDescription}
        maxLength={200}
        problem={problems.description}
      />
    </div>
  );
}

/**
 * Changes what the user entered (or imported): date, description, amount and counterparty;
 * the category, notes and the rest stay in the details panel, as for every transaction. A
 * transfer's other side follows its date and amount.
 */
export function EditEntryDialog({
  row,
  counterparty: savedCounterparty,
  onSaved,
  onClose,
}: {
  row: TransactionRow;
  /** The counterparty as entered (the row shows the user's name for it, when given one). */
  counterparty: string | null;
  onSaved: (changed: Pick<TransactionRow, 'date' | 'description' | 'amountCents'>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const day = useDayText();
  const money = useMoneyText();
  const edit = useEditTransaction();
  const saved = split(row.amountCents);
  const [dateText, setDateText] = useState(day.format(row.date));
  const [description, setDescription] = useState(row.description);
  const [amountText, setAmountText] = useState(money.format(saved.size));
  const [direction, setDirection] = useState<Direction>(saved.direction);
  const [counterparty, setCounterparty] = useState(savedCounterparty ?? '');
  const [submitted, setSubmitted] = useState(false);
  const date = day.parse(dateText);
  const amount = money.parse(amountText);
  const required = (text: string) => (submitted && text.trim() === '' ? t('transactions.entry.required') : null);

  return (
    <FormDialog
      title={t('transactions.entry.editTitle')}
      confirmLabel={t('transactions.entry.save')}
      change={edit}
      className="entry-dialog"
      onConfirm={() => {
        setSubmitted(true);
        if (date === undefined || !description.trim() || amount === undefined || amount === 0) {
          focusFirstProblem();
          return;
        }
        const amountCents = direction === 'out' ? -Math.abs(amount) : Math.abs(amount);
        const changed = { date, description: description.trim(), amountCents };
        edit.mutate(
          {
            id: row.id,
            ...(date !== row.date ? { date } : {}),
            ...(changed.description !== row.description ? { description: changed.description } : {}),
            ...(amountCents !== row.amountCents ? { amountCents } : {}),
            ...(counterparty.trim() !== (savedCounterparty ?? '') ? { counterparty: counterparty.trim() || null } : {}),
          },
          { onSuccess: () => onSaved(changed) },
        );
      }}
      onClose={onClose}
    >
      <p className="entry-intro muted">
        {t('transactions.entry.accountFixed')}: <strong>{row.accountName}</strong>
      </p>
      <div className="entry-grid">
        <FormattedInput
          label={t('transactions.entry.date')}
          text={dateText}
          onText={setDateText}
          format={day}
          problem={required(dateText)}
          autoFocusHere
        />
        <DirectionChoice direction={direction} onChange={setDirection} />
        <TextInput
          className="entry-wide"
          label={t('transactions.entry.description')}
          value={description}
          onChange={setDescription}
          maxLength={200}
          problem={required(description)}
        />
        <AmountInput
          text={amountText}
          onText={setAmountText}
          format={money}
          currency={row.currencyCode}
          problem={amountProblem(amountText, amount, submitted, t)}
        />
        <TextInput
          label={t('transactions.entry.counterparty')}
          value={counterparty}
          onChange={setCounterparty}
          maxLength={200}
        />
      </div>
    </FormDialog>
  );
}
