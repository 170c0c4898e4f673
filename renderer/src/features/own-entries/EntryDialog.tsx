import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookkeepingDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import { useAccounts, useCategories } from '../../api/queries.ts';
import { TextInput } from '../../components/fields.tsx';
import { useMoneyText } from '../../components/text-formats.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { FormDialog } from '../categories/FormDialog.tsx';
import { categoryOptions } from '../transactions/category-options.ts';
import { CategorySelect } from '../transactions/CategorySelect.tsx';
import {
  AccountSelect,
  AmountInput,
  CounterpartyInput,
  DateInput,
  DescriptionInput,
  focusFirstProblem,
  useDayAndAmountText,
  useSaveAttempt,
} from './fields.tsx';
import { useCreateTransaction, useCreateTransfer, useEditTransaction } from './queries.ts';
import './own-entries.css';

type Tab = 'transaction' | 'transfer';
type Direction = 'in' | 'out';

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
  const accounts = useAccounts();
  const all = accounts.data ?? [];
  const [accountId, setAccountId] = useState(preselected ?? '');
  const offered = offeredAccounts(all, [accountId]);
  // One account to choose from: it is the one.
  const chosenId = accountId || (offered.length === 1 ? (offered[0]?.id ?? '') : '');
  const { amount, ...dayAndAmount } = useDayAndAmountText(bookkeepingDate(new Date()));
  const { date } = dayAndAmount;
  const [description, setDescription] = useState('');
  const [direction, setDirection] = useState<Direction>('out');
  const [counterparty, setCounterparty] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const { submitted, attempt, required, requiredDay } = useSaveAttempt();
  const problems = {
    account: required(chosenId),
    date: requiredDay(date),
    description: required(description),
    amount: amountProblem(dayAndAmount.amountText, amount, submitted, t),
  };
  return {
    offered,
    account: all.find((each) => each.id === chosenId),
    fields: {
      accountId: chosenId,
      setAccountId,
      ...dayAndAmount,
      description,
      setDescription,
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
    submit() {
      attempt();
      if (!chosenId || !date || !description.trim() || amount === undefined || amount === 0) return null;
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
  const { fields, problems, account } = form;
  return (
    <div className="entry-grid">
      <AccountSelect
        label={t('transactions.entry.account')}
        value={fields.accountId}
        onChange={fields.setAccountId}
        accounts={form.offered}
        problem={problems.account}
        autoFocusHere
      />
      <DateInput value={fields.date} onChange={fields.setDate} problem={problems.date} />
      <DirectionChoice direction={fields.direction} onChange={fields.setDirection} />
      <DescriptionInput value={fields.description} onChange={fields.setDescription} problem={problems.description} />
      <AmountInput
        text={fields.amountText}
        onText={fields.setAmountText}
        currency={account?.currencyCode}
        problem={problems.amount}
      />
      <CounterpartyInput value={fields.counterparty} onChange={fields.setCounterparty} />
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
  const labelId = useId();
  return (
    <div className="field entry-category entry-wide">
      <span className="field-label">{t('transactions.entry.category')}</span>
      <span className="entry-category-row">
        <CategorySelect
          options={options}
          value={categoryId}
          label={t('transactions.entry.category')}
          placeholder={t('transactions.entry.noCategory')}
          describedBy={`${labelId}-help`}
          onChange={onChange}
        />
        {categoryId && (
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            {t('transactions.entry.clearCategory')}
          </button>
        )}
      </span>
      <p id={`${labelId}-help`} className="field-help">
        {t('transactions.entry.categoryHelp')}
      </p>
    </div>
  );
}

function useTransferForm(preselected: string | undefined) {
  const { t } = useTranslation();
  const money = useMoneyText();
  const accounts = useAccounts();
  const all = accounts.data ?? [];
  const [fromId, setFromId] = useState(preselected ?? '');
  const [toId, setToId] = useState('');
  const { amount, ...dayAndAmount } = useDayAndAmountText(bookkeepingDate(new Date()));
  const { date } = dayAndAmount;
  const [receivedText, setReceivedText] = useState('');
  const [description, setDescription] = useState(t('transactions.entry.transferDescription'));
  const { submitted, attempt, required, requiredDay } = useSaveAttempt();
  const from = all.find((each) => each.id === fromId);
  const to = all.find((each) => each.id === toId);
  const twoCurrencies = Boolean(from && to && from.currencyCode !== to.currencyCode);
  const received = money.parse(receivedText);
  const problems = {
    from: required(fromId),
    to: fromId && toId === fromId ? t('transactions.entry.sameAccount') : required(toId),
    date: requiredDay(date),
    amount: amountProblem(dayAndAmount.amountText, amount, submitted, t),
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
      ...dayAndAmount,
      receivedText,
      setReceivedText,
      description,
      setDescription,
    },
    problems,
    submit() {
      attempt();
      if (!fromId || !toId || fromId === toId || !date || !description.trim()) return null;
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
  const { fields, problems } = form;
  return (
    <div className="entry-grid">
      <p className="entry-wide entry-intro muted">{t('transactions.entry.transferHelp')}</p>
      <AccountSelect
        label={t('transactions.entry.from')}
        value={fields.fromId}
        onChange={fields.setFromId}
        accounts={form.offered}
        problem={problems.from}
        autoFocusHere
      />
      <AccountSelect
        label={t('transactions.entry.to')}
        value={fields.toId}
        onChange={fields.setToId}
        accounts={form.offered}
        problem={problems.to}
      />
      <DateInput value={fields.date} onChange={fields.setDate} problem={problems.date} />
      <AmountInput
        text={fields.amountText}
        onText={fields.setAmountText}
        currency={form.from?.currencyCode}
        problem={problems.amount}
      />
      {form.twoCurrencies && form.to && (
        <AmountInput
          className="entry-wide"
          label={t('transactions.entry.received', { currency: form.to.currencyCode })}
          text={fields.receivedText}
          onText={fields.setReceivedText}
          help={t('transactions.entry.receivedHelp')}
          problem={problems.received}
        />
      )}
      <DescriptionInput value={fields.description} onChange={fields.setDescription} problem={problems.description} />
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
  const edit = useEditTransaction();
  const saved = split(row.amountCents);
  const { date, setDate, amountText, setAmountText, amount } = useDayAndAmountText(row.date, saved.size);
  const [description, setDescription] = useState(row.description);
  const [direction, setDirection] = useState<Direction>(saved.direction);
  const [counterparty, setCounterparty] = useState(savedCounterparty ?? '');
  const { submitted, attempt, required, requiredDay } = useSaveAttempt();

  return (
    <FormDialog
      title={t('transactions.entry.editTitle')}
      confirmLabel={t('transactions.entry.save')}
      change={edit}
      className="entry-dialog"
      onConfirm={() => {
        attempt();
        if (!date || !description.trim() || amount === undefined || amount === 0) {
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
        <DateInput value={date} onChange={setDate} problem={requiredDay(date)} autoFocusHere />
        <DirectionChoice direction={direction} onChange={setDirection} />
        <DescriptionInput value={description} onChange={setDescription} problem={required(description)} />
        <AmountInput
          text={amountText}
          onText={setAmountText}
          currency={row.currencyCode}
          problem={amountProblem(amountText, amount, submitted, t)}
        />
        <CounterpartyInput value={counterparty} onChange={setCounterparty} />
      </div>
    </FormDialog>
  );
}
