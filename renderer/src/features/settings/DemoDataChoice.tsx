import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoData } from '../../../../electron/shared/models.ts';
import { ReconciledToDelete } from '../../components/ReconciledToDelete.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import './demo-data.css';

/** What demo mode left, in one sentence: "1 conexão (Pluggy Bank), 3 contas e 1.234 transações". */
export function useDemoDataSummary(demo: DemoData): string {
  const { t } = useTranslation();
  const language = useLanguage();
  const parts = [
    ...(demo.connections.length > 0
      ? [
          t('demoData.connections', {
            count: demo.connections.length,
            names: [...new Set(demo.connections)].join(', '),
          }),
        ]
      : []),
    t('demoData.accounts', { count: demo.accounts }),
    t('demoData.transactions', { count: demo.transactions }),
  ];
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}

/** The user's answer about demo data: remove it all (the default), or keep it, marked. */
export interface DemoDataAnswer {
  remove: boolean;
  /** Ticked "delete the reconciled ones too": needed to remove when some are reconciled. */
  reconciledConfirmed: boolean;
}

/** Whether the answer can be acted on: removing reconciled demo rows needs the tick. */
export const answered = (demo: DemoData, answer: DemoDataAnswer) =>
  !answer.remove || demo.reconciledCount === 0 || answer.reconciledConfirmed;

/**
 * Offered when the user chooses their own Pluggy application while demo data is in the
 * books: remove the demo connections and everything they brought (the default, so demo
 * and real data never mix), or keep them, marked as demo and never updated. Reconciled
 * demo transactions are named, and removing them needs one more tick.
 */
export function DemoDataChoice({
  demo,
  answer,
  onAnswer,
}: {
  demo: DemoData;
  answer: DemoDataAnswer;
  onAnswer: (answer: DemoDataAnswer) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const summary = useDemoDataSummary(demo);
  return (
    <div className="demo-data-choice" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('demoData.offer.title')}</h3>
      <p>{t('demoData.offer.intro', { summary })}</p>
      <fieldset className="choice">
        <legend className="visually-hidden">{t('demoData.offer.question')}</legend>
        <label>
          <input
            type="radio"
            name="demo-data"
            checked={answer.remove}
            onChange={() => onAnswer({ ...answer, remove: true })}
          />
          <span>
            {t('demoData.offer.remove')}
            <span className="field-help">{t('demoData.offer.removeHelp')}</span>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="demo-data"
            checked={!answer.remove}
            onChange={() => onAnswer({ ...answer, remove: false })}
          />
          <span>
            {t('demoData.offer.keep')}
            <span className="field-help">{t('demoData.offer.keepHelp')}</span>
          </span>
        </label>
      </fieldset>
      {answer.remove && demo.reconciledCount > 0 && (
        <ReconciledDemoRows
          demo={demo}
          confirmed={answer.reconciledConfirmed}
          onConfirm={(reconciledConfirmed) => onAnswer({ ...answer, reconciledConfirmed })}
        />
      )}
    </div>
  );
}

/** The reconciled demo transactions removing would delete, by name, and the tick that allows it. */
export function ReconciledDemoRows({
  demo,
  confirmed,
  onConfirm,
}: {
  demo: DemoData;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation();
  const count = demo.reconciledCount;
  return (
    <ReconciledToDelete
      rows={demo.reconciled}
      warning={t('demoData.reconciled', { count })}
      more={count > demo.reconciled.length ? t('demoData.more', { count: count - demo.reconciled.length }) : null}
      confirmLabel={t('demoData.confirmReconciled', { count })}
      confirmed={confirmed}
      onConfirm={onConfirm}
    />
  );
}
