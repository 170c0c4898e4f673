import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary, DuplicateOf } from '../../../../electron/shared/models.ts';
import { queryKeys, refreshAccounts, useApi } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './duplicate-question.css';

/**
 * "This bank is already connected": a new link whose accounts the books already get from
 * another connection. Nothing of it is kept until the user answers: reconnect the existing
 * connection (the default; the new link is deleted at Pluggy), or keep both, warned that
 * the same money then counts twice. In the Connect window (with the credentials just typed,
 * to log the existing connection in with) and on the new link's card.
 */
export function DuplicateQuestion(props: {
  connection: ConnectionSummary;
  duplicateOf: DuplicateOf;
  parameters?: Record<string, string>;
  /** On the Connections screen: a smaller heading, inside the card. */
  inline?: boolean;
  onAnswered?: (next: ConnectionSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const id = useId();
  const [keep, setKeep] = useState<'existing' | 'both'>('existing');
  const { connection, duplicateOf } = props;
  const answer = useMutation({
    mutationFn: () =>
      api.invoke('connections:resolve-duplicate', {
        itemId: connection.id,
        keep,
        ...(props.parameters ? { parameters: props.parameters } : {}),
      }),
    onSuccess: (next) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
      void refreshAccounts(queryClient);
      props.onAnswered?.(next);
    },
  });
  const Heading = props.inline ? 'h3' : 'h2';
  return (
    <form
      className={props.inline ? 'duplicate-question inline' : 'duplicate-question'}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate();
      }}
    >
      <Heading id={`${id}-title`}>{t('connect.duplicate.title', { bank: connection.institution })}</Heading>
      <p>{t('connect.duplicate.body', { count: duplicateOf.accounts.length })}</p>
      <ul className="duplicate-accounts">
        {duplicateOf.accounts.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <fieldset className="choice">
        <legend>{t('connect.duplicate.question')}</legend>
        <label>
          <input type="radio" name={`${id}-keep`} checked={keep === 'existing'} onChange={() => setKeep('existing')} />
          <span>
            {t('connect.duplicate.existing')}
            <span className="field-help">{t('connect.duplicate.existingHelp')}</span>
          </span>
        </label>
        <label>
          <input type="radio" name={`${id}-keep`} checked={keep === 'both'} onChange={() => setKeep('both')} />
          <span>
            {t('connect.duplicate.both')}
            <span className="field-help duplicate-warning">{t('connect.duplicate.bothHelp')}</span>
          </span>
        </label>
      </fieldset>
      {answer.isError && <ErrorNotice error={answer.error} />}
      <div className="actions">
        <span />
        <button type="submit" className="primary" disabled={answer.isPending}>
          {answer.isPending ? t('connect.duplicate.answering') : t('connect.duplicate.continue')}
        </button>
      </div>
    </form>
  );
}
