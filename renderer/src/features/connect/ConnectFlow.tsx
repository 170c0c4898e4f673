import { useMutation } from '@tanstack/react-query';
import { type SyntheticEvent, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary, ConnectorSummary } from '../../../../electron/shared/models.ts';
import { useApi, useConnections, useConnectors } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ConnectTitle } from './ConnectTitle.tsx';
import { ConnectionProgress, failureReason, type ShownFailure } from './ConnectionProgress.tsx';

/** What the user typed in the login form: kept in this window's memory only, to try again with. */
type Values = Record<string, string>;

type Step =
  | { kind: 'choose' }
  | { kind: 'login'; connector: ConnectorSummary; reconnect?: string; values?: Values; failure?: ShownFailure }
  | { kind: 'following'; connector: ConnectorSummary; itemId: string; reconnect?: string; values: Values };

/**
 * Linking a bank in demo mode, against the embedded sandbox: choose it, log in with the
 * form its connector describes, answer the MFA question if the bank asks one, and watch
 * until the first sync is done. Everything goes through main, which holds the Pluggy keys.
 * A failed attempt comes back to the same form, filled in as it was, saying why.
 */
export function ConnectFlow({ reconnect }: { reconnect: string | undefined }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const reconnecting = useReconnectTarget(reconnect);
  // Opened to reconnect: straight to that bank's login, once we know which bank it is.
  const current: Step = step.kind === 'choose' && reconnecting ? { kind: 'login', ...reconnecting } : step;
  // The existing connection the user chose over a new link of the same bank: followed, and
  // logged in to again if trying again.
  const follow = useCallback(
    (itemId: string) =>
      setStep((shown) => (shown.kind === 'following' ? { ...shown, itemId, reconnect: itemId } : shown)),
    [],
  );
  return (
    <main className="connect">
      <ConnectTitle
        reconnect={current.kind !== 'choose' ? current.reconnect : undefined}
        title={current.kind !== 'choose' && current.reconnect ? t('connect.reconnectTitle') : t('connect.title')}
      />
      {current.kind === 'choose' && <ChooseBank onChoose={(connector) => setStep({ kind: 'login', connector })} />}
      {current.kind === 'login' && (
        <LoginForm
          connector={current.connector}
          {...(current.reconnect ? { reconnect: current.reconnect } : {})}
          {...(current.values ? { initialValues: current.values } : {})}
          {...(current.failure ? { failure: current.failure } : {})}
          onBack={() => setStep({ kind: 'choose' })}
          onCreated={(itemId, values) =>
            setStep({
              kind: 'following',
              connector: current.connector,
              itemId,
              values,
              ...(current.reconnect ? { reconnect: current.reconnect } : {}),
            })
          }
        />
      )}
      {current.kind === 'following' && (
        <ConnectionProgress
          itemId={current.itemId}
          parameters={current.values}
          onFollow={follow}
          onRetry={(failure) => {
            // A new link that failed is gone: trying again links anew. A kept connection is logged in to again.
            const again = failure.cleared ? current.reconnect : current.itemId;
            setStep({
              kind: 'login',
              connector: current.connector,
              values: current.values,
              failure,
              ...(again ? { reconnect: again } : {}),
            });
          }}
        />
      )}
    </main>
  );
}

/** The connection and bank to log in to again, when this window was opened for that. */
function useReconnectTarget(
  reconnectId: string | undefined,
): { connector: ConnectorSummary; reconnect: string } | null {
  const connections = useConnections();
  const connectors = useConnectors('');
  if (!reconnectId) return null;
  const connection = connections.data?.find((candidate) => candidate.id === reconnectId);
  const connector = connectors.data?.find((candidate) => candidate.id === connection?.connectorId);
  return connector ? { connector, reconnect: reconnectId } : null;
}

function ChooseBank({ onChoose }: { onChoose: (connector: ConnectorSummary) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const connectors = useConnectors(search.trim());
  const searchId = useId();
  return (
    <section aria-labelledby={`${searchId}-title`}>
      <h2 id={`${searchId}-title`}>{t('connect.choose')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('connect.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoFocus
        />
      </div>
      {connectors.isError && <ErrorNotice error={connectors.error} onRetry={() => void connectors.refetch()} />}
      {connectors.isPending && <p className="muted">{t('common.loading')}</p>}
      {connectors.data?.length === 0 && <p className="muted">{t('connect.noBank')}</p>}
      <ul className="connector-list">
        {connectors.data?.map((connector) => (
          <li key={connector.id}>
            <button type="button" className="connector" onClick={() => onChoose(connector)}>
              <span
                className="institution-mark"
                style={{ backgroundColor: connector.primaryColor ? `#${connector.primaryColor}` : undefined }}
                aria-hidden="true"
              />
              {connector.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LoginForm(props: {
  connector: ConnectorSummary;
  /** Log in again to this connection instead of creating one. */
  reconnect?: string;
  /** What was typed in the last attempt. */
  initialValues?: Values;
  /** Why the last attempt failed, said above the form. */
  failure?: ShownFailure;
  onBack: () => void;
  onCreated: (itemId: string, values: Values) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { connector, reconnect } = props;
  const [values, setValues] = useState<Values>(props.initialValues ?? {});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      reconnect
        ? api.invoke('connections:reconnect', { itemId: reconnect, parameters: values })
        : api.invoke('connections:create', { connectorId: connector.id, parameters: values }),
    onSuccess: (connection: ConnectionSummary) => props.onCreated(connection.id, values),
  });
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The connector's own rules, checked here first so the user sees them at once.
    const found: Record<string, string> = {};
    for (const credential of connector.credentials) {
      const value = values[credential.name] ?? '';
      if (!value && !credential.optional) found[credential.name] = t('connect.required');
      else if (value && credential.validation && !new RegExp(credential.validation).test(value)) {
        found[credential.name] = credential.validationMessage ?? t('connect.invalid');
      }
    }
    setProblems(found);
    if (Object.keys(found).length === 0) create.mutate();
  };
  return (
    <form className="credentials" onSubmit={submit} noValidate>
      <h2>{t('connect.login', { bank: connector.name })}</h2>
      {connector.openFinance && <p className="field-help">{t('connect.openFinance')}</p>}
      {props.failure && (
        <p className="form-problem" role="alert">
          {failureReason(t, props.failure)}
        </p>
      )}
      {connector.credentials.map((credential) => (
        <CredentialField
          key={credential.name}
          credential={credential}
          value={values[credential.name] ?? ''}
          problem={problems[credential.name]}
          onChange={(value) => setValues((current) => ({ ...current, [credential.name]: value }))}
        />
      ))}
      {create.isError && <ErrorNotice error={create.error} />}
      <div className="actions">
        {reconnect ? (
          <span />
        ) : (
          <button type="button" onClick={props.onBack}>
            {t('connect.back')}
          </button>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('connect.connecting') : t('connect.connect')}
        </button>
      </div>
    </form>
  );
}

function CredentialField(props: {
  credential: ConnectorSummary['credentials'][number];
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  const { credential } = props;
  const id = useId();
  const problemId = `${id}-problem`;
  const common = {
    id,
    value: props.value,
    'aria-invalid': props.problem ? true : undefined,
    'aria-describedby': props.problem ? problemId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{credential.label}</label>
      {credential.type === 'select' ? (
        <select {...common} onChange={(event) => props.onChange(event.target.value)}>
          <option value="" />
          {credential.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={credential.type === 'password' ? 'password' : 'text'}
          inputMode={credential.type === 'number' ? 'numeric' : undefined}
          placeholder={credential.placeholder ?? undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.problem && (
        <p id={problemId} className="field-problem">
          {props.problem}
        </p>
      )}
    </div>
  );
}
