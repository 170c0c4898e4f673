import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookkeepingDate } from '../../../../electron/shared/format.ts';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { type ManualAccountKind, manualAccountKinds } from '../../../../electron/shared/own-entries.ts';
import { SelectInput, TextInput } from '../../components/fields.tsx';
import { FormDialog } from '../categories/FormDialog.tsx';
import { AmountInput, DateInput, focusFirstProblem, useDayAndAmountText, useSaveAttempt } from './fields.tsx';
import { useCreateManualAccount, useEditManualAccount } from './queries.ts';
import './own-entries.css';

/** Currencies offered for a new account: reais first, then those a freelancer is paid or holds in. */
const currencies = ['BRL', 'USD', 'EUR', 'GBP'] as const;

const isKind = (value: string | null): value is ManualAccountKind =>
  (manualAccountKinds as readonly (string | null)[]).includes(value);

/**
 * A manual account, new or to edit: where it is, what it is called, its kind, its number,
 * its currency (fixed once created) and where it starts: its opening balance and day. For a
 * card the user types what was owed, kept negative as every card balance is.
 */
export function ManualAccountDialog({
  account,
  onSaved,
  onClose,
}: {
  /** The account to edit; none for a new one. */
  account?: AccountSummary;
  onSaved: (account: AccountSummary) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateManualAccount();
  const edit = useEditManualAccount();
  const change = account ? edit : create;
  const initialKind = account && isKind(account.subtype) ? account.subtype : 'CASH';
  const [institution, setInstitution] = useState(account?.institution ?? '');
  const [name, setName] = useState(account?.name ?? '');
  const [kind, setKind] = useState<ManualAccountKind>(initialKind);
  const [number, setNumber] = useState(account?.number ?? '');
  const [currency, setCurrency] = useState(account?.currencyCode ?? 'BRL');
  const opening = account?.openingBalanceCents ?? 0;
  const {
    date: openingDate,
    setDate: setOpeningDate,
    amountText: openingText,
    setAmountText: setOpeningText,
    amount: typed,
  } = useDayAndAmountText(
    account?.openingBalanceDate ?? bookkeepingDate(new Date()),
    initialKind === 'CREDIT_CARD' ? -opening : opening,
  );
  const { attempt, required, requiredDay } = useSaveAttempt();

  const card = kind === 'CREDIT_CARD';
  const problems = {
    institution: required(institution),
    name: required(name),
    opening: required(openingText),
    date: requiredDay(openingDate),
  };

  const save = () => {
    attempt();
    if (!institution.trim() || !name.trim() || typed === undefined || !openingDate) {
      focusFirstProblem();
      return;
    }
    // A card's balance is what is owed: negative in the books.
    const openingBalanceCents = card ? -typed : typed;
    const fields = {
      institution: institution.trim(),
      name: name.trim(),
      kind,
      number: number.trim() || null,
      openingBalanceCents,
      openingBalanceDate: openingDate,
    };
    if (account) edit.mutate({ id: account.id, ...fields }, { onSuccess: onSaved });
    else create.mutate({ ...fields, currencyCode: currency }, { onSuccess: onSaved });
  };

  return (
    <FormDialog
      title={
        account
          ? t('accounts.manual.dialog.editTitle', { name: account.displayName })
          : t('accounts.manual.dialog.newTitle')
      }
      confirmLabel={account ? t('accounts.manual.dialog.save') : t('accounts.manual.dialog.create')}
      change={change}
      className="entry-dialog"
      onConfirm={save}
      onClose={onClose}
    >
      {!account && <p className="entry-intro muted">{t('accounts.manual.dialog.intro')}</p>}
      <div className="entry-grid">
        <TextInput
          className="entry-wide"
          label={t('accounts.manual.dialog.institution')}
          value={institution}
          onChange={setInstitution}
          maxLength={80}
          help={t('accounts.manual.dialog.institutionHelp')}
          problem={problems.institution}
        />
        <TextInput
          className="entry-wide"
          label={t('accounts.manual.dialog.name')}
          value={name}
          onChange={setName}
          maxLength={60}
          problem={problems.name}
        />
        <SelectInput
          label={t('accounts.manual.dialog.kind')}
          value={kind}
          onChange={(value) => {
            if (isKind(value)) setKind(value);
          }}
        >
          {manualAccountKinds.map((each) => (
            <option key={each} value={each}>
              {t(`accounts.types.${each}`)}
            </option>
          ))}
        </SelectInput>
        <TextInput label={t('accounts.manual.dialog.number')} value={number} onChange={setNumber} maxLength={40} />
        <SelectInput
          label={t('accounts.manual.dialog.currency')}
          value={currency}
          onChange={setCurrency}
          disabled={Boolean(account)}
          help={account ? t('accounts.manual.dialog.currencyFixed') : null}
        >
          {[...new Set([...currencies, currency])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectInput>
        <DateInput
          label={t('accounts.manual.dialog.openingDate')}
          value={openingDate}
          onChange={setOpeningDate}
          problem={problems.date}
        />
        <AmountInput
          className="entry-wide"
          label={card ? t('accounts.manual.dialog.openingOwed') : t('accounts.manual.dialog.openingBalance')}
          text={openingText}
          onText={setOpeningText}
          help={card ? t('accounts.manual.dialog.openingOwedHelp') : t('accounts.manual.dialog.openingBalanceHelp')}
          problem={problems.opening}
        />
      </div>
    </FormDialog>
  );
}
