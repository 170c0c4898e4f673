import { type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DemoData, PluggyMode } from '../../../../electron/shared/models.ts';
import {
  useChoosePluggyMode,
  useDemoData,
  usePluggyAccount,
  useRemoveDemoData,
  useRemovePluggyAccount,
  useSavePluggyAccount,
} from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import {
  answered,
  type DemoDataAnswer,
  DemoDataChoice,
  ReconciledDemoRows,
  useDemoDataSummary,
} from './DemoDataChoice.tsx';

/**
 * Demo mode or the user's own Pluggy application. The keys typed here go to main, which
 * checks them with Pluggy and keeps them in the OS keychain; this screen never gets them
 * back, only whether they are set and how the client id ends. Choosing the own application
 * while demo data is in the books first asks what becomes of it (removed by default), and
 * kept demo data can be removed here later.
 */
export function PluggyAccountSection() {
  const { t } = useTranslation();
  const account = usePluggyAccount();
  const demo = useDemoData();
  const chooseMode = useChoosePluggyMode();
  const save = useSavePluggyAccount();
  const remove = useRemovePluggyAccount();
  const removeDemo = useRemoveDemoData();
  const [chosen, setChosen] = useState<PluggyMode | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [demoAnswer, setDemoAnswer] = useState<DemoDataAnswer>({ remove: true, reconciledConfirmed: false });
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const [params] = useSearchParams();
  const loaded = account.data !== undefined;

  // Sent here by the shell's "demo data" marker: this section, in view and in focus.
  useEffect(() => {
    if (!loaded || params.get('section') !== 'pluggy-account') return;
    title.current?.scrollIntoView({ block: 'start' });
    title.current?.focus();
  }, [loaded, params]);

  if (account.isError) return <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return null;
  const status = account.data;
  const mode = chosen ?? status.mode;
  const demoData = demo.data?.present ? demo.data : null;
  // Switching to the own application with demo data in the books: asked first what becomes of it.
  const asking = mode === 'own' && status.mode === 'demo' && demoData !== null;
  const ready = !asking || answered(demoData, demoAnswer);

  /** Once the own application is in use: the demo data goes, if that was the answer. */
  const switched = (notice: Notice | null) => {
    setChosen(null);
    const done = notice ? [notice] : [];
    if (!asking || !demoAnswer.remove) {
      setNotices(done);
      return;
    }
    removeDemo.mutate(demoAnswer.reconciledConfirmed ? { confirmReconciled: true } : {}, {
      onSuccess: () => setNotices([...done, 'demoRemoved']),
      onError: () => setNotices(done),
    });
  };

  const choose = (next: PluggyMode) => {
    setChosen(next);
    setNotices([]);
    // Own mode takes effect once keys are saved; with keys already kept, at once, unless
    // there is demo data to ask about first.
    if (next === 'demo' || (status.configured && !demoData)) {
      chooseMode.mutate(next, { onSuccess: () => setChosen(null) });
    }
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} ref={title} tabIndex={-1}>
        {t('settings.pluggy.title')}
      </h2>
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
      {status.keychain === 'locked' && (
        // Asking again is what unlocks it: the system shows its unlock prompt on the next read.
        <div className="notice notice-error" role="alert">
          <p>{t('errors.KEYCHAIN_LOCKED')}</p>
          <button type="button" disabled={account.isFetching} onClick={() => void account.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {chooseMode.isError && <ErrorNotice error={chooseMode.error} />}
      {asking && status.keychain === 'available' && (
        <DemoDataChoice demo={demoData} answer={demoAnswer} onAnswer={setDemoAnswer} />
      )}
      {asking && status.keychain === 'available' && status.configured && (
        <button
          type="button"
          className="primary"
          disabled={!ready || chooseMode.isPending}
          onClick={() => chooseMode.mutate('own', { onSuccess: () => switched(null) })}
        >
          {t('settings.pluggy.useOwn')}
        </button>
      )}
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
                  setNotices(['removed']);
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
          ready={ready}
          error={save.isError ? save.error : null}
          onSubmit={(input) => save.mutate(input, { onSuccess: () => switched('saved') })}
        />
      )}
      {status.mode === 'own' && !asking && demoData && (
        <DemoDataKept
          demo={demoData}
          removing={removeDemo.isPending}
          onRemove={(confirmReconciled) =>
            removeDemo.mutate(confirmReconciled ? { confirmReconciled } : {}, {
              onSuccess: () => setNotices(['demoRemoved']),
            })
          }
        />
      )}
      {removeDemo.isError && <ErrorNotice error={removeDemo.error} />}
      {notices.length > 0 && (
        <p className="notice notice-ok" role="status">
          {notices.map((notice) => t(`settings.pluggy.${notice}`)).join(' ')}
        </p>
      )}
      <p className="field-help">{t('settings.pluggy.keychainHelp')}</p>
    </section>
  );
}

type Notice = 'saved' | 'removed' | 'demoRemoved';

/**
 * Demo data kept while the own application is in use: said so (it stays marked and is never
 * updated), with the way to remove it after all.
 */
function DemoDataKept({
  demo,
  removing,
  onRemove,
}: {
  demo: DemoData;
  removing: boolean;
  onRemove: (confirmReconciled: boolean) => void;
}) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const summary = useDemoDataSummary(demo);
  const titleId = useId();
  const ready = demo.reconciledCount === 0 || confirmed;
  return (
    <div className="demo-data-kept" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('demoData.offer.title')}</h3>
      <p>{t('demoData.kept', { summary })}</p>
      {demo.reconciledCount > 0 && <ReconciledDemoRows demo={demo} confirmed={confirmed} onConfirm={setConfirmed} />}
      <button type="button" className="quiet-danger" disabled={!ready || removing} onClick={() => onRemove(confirmed)}>
        {removing ? t('demoData.removing') : t('demoData.removeNow')}
      </button>
    </div>
  );
}

function CredentialsForm(props: {
  pending: boolean;
  /** False while a question above (what becomes of demo data) waits for its answer. */
  ready: boolean;
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
      <button type="submit" className="primary" disabled={props.pending || !props.ready}>
        {props.pending ? t('settings.pluggy.saving') : t('settings.pluggy.save')}
      </button>
    </form>
  );
}
