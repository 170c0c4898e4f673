import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationLine } from '../../../../electron/shared/reconciliation.ts';
import { useReconciliationHelp } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMoneyFormatter } from '../../components/Money.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import { lineAmounts } from './line-amounts.ts';

/**
 * Where the difference may come from: sets of unticked lines that add up to it, pending
 * lines, likely duplicates, and what the bank may have dated before the statement. Each
 * draft line can be ticked or unticked from here; its current state is the draft's.
 */
export function HelperPanel({
  draftId,
  cleared,
  onTick,
  onClose,
}: {
  draftId: number;
  /** The lines ticked now, from the draft (the help was worked out a moment ago). */
  cleared: ReadonlySet<string>;
  onTick: (ids: string[], cleared: boolean) => void;
  /** Esc in the panel: it closes, as the button that opened it would. */
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormatter();
  const help = useReconciliationHelp(draftId, true);
  const toggle = (line: ReconciliationLine) => {
    const ticked = cleared.has(line.id);
    return (
      <button type="button" className="link-button" onClick={() => onTick([line.id], !ticked)}>
        {ticked ? t('reconciliation.help.untick') : t('reconciliation.help.tick')}
      </button>
    );
  };

  let body: ReactNode;
  if (help.isError) body = <ErrorNotice error={help.error} onRetry={() => void help.refetch()} />;
  else if (!help.data) body = <p className="muted">{t('common.loading')}</p>;
  else {
    const { differenceCents, explaining, pending, duplicates, afterStatement } = help.data;
    const nothing = explaining.length + pending.length + duplicates.length + afterStatement.length === 0;
    body = (
      <>
        <p className="recon-help-lead">
          {differenceCents === 0
            ? t('reconciliation.help.balanced')
            : t('reconciliation.help.lead', { amount: money(differenceCents) })}
        </p>
        {explaining.length > 0 && (
          <HelpSection title={t('reconciliation.help.explaining')} note={t('reconciliation.help.explainingNote')}>
            {explaining.map((set) => (
              <li key={set.map((line) => line.id).join(' ')} className="recon-help-set">
                <ul>
                  {set.map((line) => (
                    <HelpLine key={line.id} line={line} />
                  ))}
                </ul>
                <button
                  type="button"
                  onClick={() =>
                    onTick(
                      set.map((line) => line.id),
                      true,
                    )
                  }
                >
                  {t('reconciliation.help.tickSet', { count: set.length })}
                </button>
              </li>
            ))}
          </HelpSection>
        )}
        {pending.length > 0 && (
          <HelpSection title={t('reconciliation.help.pending')} note={t('reconciliation.help.pendingNote')}>
            {pending.map((line) => (
              <HelpLine key={line.id} line={line} action={toggle(line)} />
            ))}
          </HelpSection>
        )}
        {duplicates.length > 0 && (
          <HelpSection title={t('reconciliation.help.duplicates')} note={t('reconciliation.help.duplicatesNote')}>
            {duplicates.map(([first, second]) => (
              <li key={`${first.id} ${second.id}`} className="recon-help-set">
                <ul>
                  <HelpLine line={first} action={toggle(first)} />
                  <HelpLine line={second} action={toggle(second)} />
                </ul>
              </li>
            ))}
          </HelpSection>
        )}
        {afterStatement.length > 0 && (
          <HelpSection title={t('reconciliation.help.after')} note={t('reconciliation.help.afterNote')}>
            {afterStatement.map((line) => (
              <HelpLine key={line.id} line={line} />
            ))}
          </HelpSection>
        )}
        {nothing && differenceCents !== 0 && <p className="muted">{t('reconciliation.help.nothing')}</p>}
      </>
    );
  }
  return (
    <aside
      className="recon-help"
      aria-label={t('reconciliation.help.title')}
      aria-busy={help.isFetching}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <h3>{t('reconciliation.help.title')}</h3>
      {body}
    </aside>
  );
}

function HelpSection({ title, note, children }: { title: string; note: string; children: ReactNode }) {
  return (
    <section className="recon-help-section" aria-label={title}>
      <h4>{title}</h4>
      <p className="field-help">{note}</p>
      <ul>{children}</ul>
    </section>
  );
}

function HelpLine({ line, action }: { line: ReconciliationLine; action?: ReactNode }) {
  return (
    <li className="recon-help-line">
      <span className="recon-help-date">{formatDate(line.date)}</span>
      <span className="recon-help-description" title={line.description}>
        {line.description}
      </span>
      <TransactionAmount amount={lineAmounts(line)} />
      {action}
    </li>
  );
}
