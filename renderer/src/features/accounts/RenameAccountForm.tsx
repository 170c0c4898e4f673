import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../electron/shared/models.ts';
import { useUpdateAccount } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/** As the contract takes it: trimmed, 1–60 characters (empty clears the nickname). */
const nicknameMax = 60;

/**
 * The account's nickname, typed under the register's title: Enter saves, Esc leaves it as
 * it was, an empty box gives the bank's name back. Every screen and file follows, since
 * they all name the account as core does.
 */
export function RenameAccountForm({ account, onDone }: { account: AccountSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateAccount();
  const [text, setText] = useState(account.nickname ?? '');
  const nickname = text.trim();
  const tooLong = nickname.length > nicknameMax;
  const save = () => {
    if (tooLong || update.isPending) return;
    if (nickname === (account.nickname ?? '')) {
      onDone();
      return;
    }
    update.mutate({ id: account.id, nickname: nickname || null }, { onSuccess: onDone });
  };
  return (
    <form
      className="account-rename"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <label htmlFor={`${id}-nickname`}>{t('accounts.rename.label')}</label>
      <div className="account-rename-row">
        <input
          id={`${id}-nickname`}
          value={text}
          autoFocus
          placeholder={account.name}
          aria-invalid={tooLong}
          aria-describedby={`${id}-help`}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="primary" disabled={tooLong || update.isPending}>
          {t('accounts.rename.save')}
        </button>
        <button type="button" onClick={onDone} disabled={update.isPending}>
          {t('accounts.rename.cancel')}
        </button>
      </div>
      <p id={`${id}-help`} className={tooLong ? 'field-problem' : 'field-help'}>
        {tooLong ? t('accounts.rename.tooLong') : t('accounts.rename.help', { name: account.name })}
      </p>
      {update.isError && <ErrorNotice error={update.error} />}
    </form>
  );
}
