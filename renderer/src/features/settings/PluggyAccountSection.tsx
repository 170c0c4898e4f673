import { type SyntheticEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluggyMode } from '../../../../electron/shared/models.ts';
import {
  usePluggyAccount,
  useRemovePluggyAccount,
  useSavePluggyAccount,
  useChoosePluggyMode,
} from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/**
 * Demo mode or the user's own Pluggy application. The keys typed here go to main, which
 * checks them with Pluggy and keeps them in the OS keychain; this screen never gets them
 * back, only whether they are set and how the client id ends.
 */
export function PluggyAccountSection() {
  const { t } = useTranslation();
  const account = usePluggyAccount();
  const chooseMode = useChoosePluggyMode();
  const save = useSavePluggyAccount();
  const remove = useRemovePluggyAccount();
  const [chosen, setChosen] = useState<PluggyMode | null>(null);
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null);
  const titleId = useId();

  if (account.isError) return <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return null;
  const status = account.data;
  const mode = chosen ?? status.mode;

  const choose = (next: PluggyMode) => {
    setChosen(next);
    setNotice(null);
    // Own mode takes effect once keys are saved; with keys already kept, at once.
    if (next === 'demo' || status.configured) chooseMode.mutate(next, { onSuccess: () => setChosen(null) });
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.pluggy.title')}</h2>
      <p className="field-help">{t('settings.pluggy.intro')}</p>
      <fieldset className="choice">
        <legend>{t('settings.pluggy.modeLabel')}</legend>
        {(['demo', 'own'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="pluggy-mode"
              value={option}
              checked={mode === option}
              onChange={() => choose(option)}
            />
            {t(`settings.pluggy.modes.${option}`)}
          </label>
        ))}
      </fieldset>
      {status.keychain === 'unavailable' && (
        <div className="notice notice-error" role="alert">
          {t('errors.KEYCHAIN_UNAVAILABLE')}
        </div>
      )}
      {chooseMode.isError && <ErrorNotice error={chooseMode.error} />}
      {status.keychain === 'available' && status.configured && (
        <div className="configured">
          <p>{t('settings.pluggy.configured', { ending: status.clientIdEnding ?? '' })}</p>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  setChosen('demo');
                  setNotice('removed');
                },
              })
            }
          >
            {t('settings.pluggy.remove')}
          </button>
          {remove.isError && <ErrorNotice error={remove.error} />}
        </div>
      )}
      {mode === 'own' && status.keychain === 'available' && !status.configured && (
        <CredentialsForm
          pending={save.isPending}
          error={save.isError ? save.error : null}
          onSubmit={(input) =>
            save.mutate(input, {
              onSuccess: () => {
                setChosen(null);
                setNotice('saved');
              },
            })
          }
        />
      )}
      {notice && (
        <p className="notice notice-ok" role="status">
          {t(`settings.pluggy.${notice}`)}
        </p>
      )}
      <p className="field-help">{t('settings.pluggy.keychainHelp')}</p>
    </section>
  );
}

function CredentialsForm(props: {
  pending: boolean;
  error: unknown;
  onSubmit: (input: { clientId: string; clientSecret: string }) => void;
}) {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const idField = useId();
  const secretField = useId();
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit({ clientId: clientId.trim(), clientSecret: clientSecret.trim() });
  };
  return (
    <form className="credentials" onSubmit={submit}>
      <div className="field">
        <label htmlFor={idField}>{t('settings.pluggy.clientId')}</label>
        <input
          id={idField}
          autoComplete="off"
          spellCheck={false}
          required
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={secretField}>{t('settings.pluggy.clientSecret')}</label>
        <input
          id={secretField}
          type="password"
          autoComplete="off"
          required
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
        />
      </div>
      {Boolean(props.error) && <ErrorNotice error={props.error} />}
      <button type="submit" className="primary" disabled={props.pending}>
        {props.pending ? t('settings.pluggy.saving') : t('settings.pluggy.save')}
      </button>
    </form>
  );
}
