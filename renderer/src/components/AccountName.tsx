import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../electron/shared/models.ts';

/**
 * An account as every screen names it: the names core made (electron/shared/account-names.ts,
 * carried by `accounts:list`, the transactions' rows and the reports), never the bank's bare
 * name, which two accounts can share. `hidden` is there only where the screen knows it
 * (accounts:list).
 */
export interface AccountNaming {
  displayName: string;
  shortName: string;
  disconnected: boolean;
  hidden?: boolean;
}

/** A transaction row's account, as `AccountName` takes it. */
export function rowAccount(row: {
  accountName: string;
  accountShortName: string;
  accountDisconnected: boolean;
}): AccountNaming {
  return { displayName: row.accountName, shortName: row.accountShortName, disconnected: row.accountDisconnected };
}

/** The account's marks in words: its connection removed (data kept), hidden by the user. */
function marks(t: TFunction, account: AccountNaming): string[] {
  return [
    ...(account.disconnected ? [t('accountNames.disconnected')] : []),
    ...(account.hidden ? [t('accountNames.hidden')] : []),
  ];
}

/**
 * The account's full name with its marks, as plain text, for an `<option>`, a `title` or an
 * accessible name: "Itaú · Conta Corrente ·· 2345-0 (desconectada)".
 */
export function accountText(t: TFunction, account: AccountNaming): string {
  const marked = marks(t, account);
  return marked.length === 0
    ? account.displayName
    : t('accountNames.marked', { name: account.displayName, marks: marked.join(', ') });
}

/**
 * A name wrapped over lines never splits the end of its number ("·· 2345-0"): two banks'
 * accounts can differ there alone. The text stays the name as given.
 */
function numberKeptWhole(name: string): ReactNode {
  const at = name.lastIndexOf(' ·· ');
  if (at < 0) return name;
  return (
    <>
      {/* Its own box, so a one-line list can cut the bank's name and keep the number. */}
      <span className="account-name-start">{name.slice(0, at)}</span>{' '}
      <span className="account-number-end">{name.slice(at + 1)}</span>
    </>
  );
}

/**
 * An account's name on screen, with a badge when its connection was removed (as on
 * Contas) or it is hidden. `short` is for tight spaces (a list's column): the short name
 * shows, on up to two lines, and the full one is on hover and in what a screen reader reads.
 */
export function AccountName({ account, short = false }: { account: AccountNaming; short?: boolean }) {
  const { t } = useTranslation();
  const marks = (
    <>
      {account.disconnected && <span className="badge account-mark">{t('accounts.disconnected')}</span>}
      {account.hidden && <span className="badge account-mark">{t('accountNames.hiddenBadge')}</span>}
    </>
  );
  if (!short) {
    return (
      <span className="account-label">
        {numberKeptWhole(account.displayName)}
        {marks}
      </span>
    );
  }
  return (
    <span className="account-label account-label-short" title={accountText(t, account)}>
      <span className="account-short-name" aria-hidden="true">
        {numberKeptWhole(account.shortName)}
      </span>
      <span className="visually-hidden">{account.displayName}</span>
      {marks}
    </span>
  );
}

export interface InstitutionAccounts<Account> {
  institution: string;
  accounts: Account[];
}

/**
 * Accounts by institution, for a picker's groups: in the order `accounts:list` gives them
 * (by institution, each connection's together, then by name), a bank linked twice in one
 * group, its accounts told apart by their names.
 */
export function byInstitution<Account extends Pick<AccountSummary, 'institution'>>(
  accounts: readonly Account[],
): InstitutionAccounts<Account>[] {
  const groups = new Map<string, Account[]>();
  for (const account of accounts) {
    const group = groups.get(account.institution);
    if (group) group.push(account);
    else groups.set(account.institution, [account]);
  }
  return [...groups].map(([institution, list]) => ({ institution, accounts: list }));
}

/** A `<select>`'s options for accounts: a group per institution, each account by its full name and marks. */
export function AccountOptions({ accounts }: { accounts: readonly AccountSummary[] }) {
  const { t } = useTranslation();
  return byInstitution(accounts).map((group) => (
    <optgroup key={group.institution} label={group.institution}>
      {group.accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {accountText(t, account)}
        </option>
      ))}
    </optgroup>
  ));
}
