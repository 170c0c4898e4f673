import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../electron/shared/models.ts';
import { useAnswerMfa } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/**
 * The answer to the question a bank waits on (an MFA code): full size in the Connect
 * window, a single line in the Connections list.
 */
export function MfaAnswerForm(props: {
  connection: ConnectionSummary;
  waitingFor: NonNullable<ConnectionSummary['waitingFor']>;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const id = useId();
  const answer = useAnswerMfa(props.connection.id, props.waitingFor.name);
  const field = (
    <>
      <label htmlFor={id}>{props.waitingFor.label}</label>
      <input
        id={id}
        inputMode={props.waitingFor.type === 'number' ? 'numeric' : undefined}
        autoComplete="one-time-code"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        autoFocus={!props.inline}
      />
    </>
  );
  return (
    <form
      className={props.inline ? 'inline-form' : 'credentials'}
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate(value);
      }}
    >
      {!props.inline && <h2>{t('connect.mfa')}</h2>}
      {!props.inline && <p className="field-help">{t('connect.mfaHelp')}</p>}
      {props.inline ? field : <div className="field">{field}</div>}
      {answer.isError && <ErrorNotice error={answer.error} />}
      <button
        type="submit"
        className={props.inline ? undefined : 'primary'}
        disabled={answer.isPending || value.trim() === ''}
      >
        {t('connect.send')}
      </button>
    </form>
  );
}
