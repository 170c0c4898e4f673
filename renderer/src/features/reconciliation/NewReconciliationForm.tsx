import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationSetup } from '../../../../electron/shared/reconciliation.ts';
import { useStartReconciliation } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DateField, type DayValue } from '../../components/DateField.tsx';
import { FormattedInput } from '../../components/fields.tsx';
import { useFocusWhenLost } from '../../components/focus.ts';
import { Money } from '../../components/Money.tsx';
import { useMoneyText } from '../../components/text-formats.ts';

/** The statement to reconcile to, prefilled with what the bank reported (its balance, or a card's last bill). */
export function NewReconciliationForm({ setup }: { setup: ReconciliationSetup }) {
  const { t } = useTranslation();
  const money = useMoneyText();
  const start = useStartReconciliation();
  // A draft discarded (or undone) is replaced by this form: focus lands on its title, not on the page.
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title);
  const previous = setup.previousStatementDate;
  // Null when the bank reported nothing newer than the last statement reconciled.
  const suggested = setup.suggestedStatement;
  const [statementDate, setStatementDate] = useState<DayValue>(suggested ? suggested.date : null);
  const [balanceText, setBalanceText] = useState(suggested ? money.format(suggested.balanceCents) : '');
  const [openingText, setOpeningText] = useState(money.format(setup.openingBalanceCents));
  const [submitted, setSubmitted] = useState(false);
  const openingEditable = setup.openingSource === 'account-start';

  const statementBalanceCents = money.parse(balanceText);
  const openingBalanceCents = openingEditable ? money.parse(openingText) : setup.openingBalanceCents;
  const tooEarly = typeof statementDate === 'string' && previous !== null && statementDate <= previous;
  const required = (text: string) => (submitted && text.trim() === '' ? t('reconciliation.fields.required') : null);

  return (
    <form
      className="recon-card recon-new"
      aria-labelledby="recon-new-title"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!statementDate || statementBalanceCents === undefined || openingBalanceCents === undefined) return;
        if (tooEarly) return;
        start.mutate({
          accountId: setup.accountId,
          statementDate,
          statementBalanceCents,
          ...(openingEditable ? { openingBalanceCents } : {}),
        });
      }}
    >
      <h2 id="recon-new-title" ref={title} tabIndex={-1}>
        {t('reconciliation.new.title')}
      </h2>
      <p className="muted">
        {suggested
          ? t(`reconciliation.new.suggested.${suggested.source}`, { date: formatDate(suggested.date) })
          : t('reconciliation.new.noSuggestion')}
      </p>
      <div className="recon-fields">
        <DateField
          className="recon-field"
          label={t('reconciliation.fields.statementDate')}
          value={statementDate}
          onChange={setStatementDate}
          help={previous ? t('reconciliation.fields.after', { date: formatDate(previous) }) : undefined}
          problem={
            tooEarly && previous
              ? t('reconciliation.fields.tooEarly', { date: formatDate(previous) })
              : submitted && statementDate === null
                ? t('reconciliation.fields.required')
                : null
          }
        />
        <FormattedInput
          className="recon-field"
          label={t('reconciliation.fields.statementBalance')}
          text={balanceText}
          onText={setBalanceText}
          format={money}
          help={t('reconciliation.fields.balanceHelp')}
          problem={required(balanceText)}
        />
        {openingEditable ? (
          <FormattedInput
            className="recon-field"
            label={t('reconciliation.fields.opening')}
            text={openingText}
            onText={setOpeningText}
            format={money}
            help={t('reconciliation.fields.openingStart')}
            problem={required(openingText)}
          />
        ) : (
          <div className="field recon-field">
            <span className="recon-field-label">{t('reconciliation.fields.opening')}</span>
            <span className="recon-field-value">
              <Money cents={setup.openingBalanceCents} />
            </span>
            <p className="field-help">
              {previous && t('reconciliation.fields.openingPrevious', { date: formatDate(previous) })}
            </p>
          </div>
        )}
      </div>
      {start.isError && <ErrorNotice error={start.error} />}
      <button type="submit" className="primary" disabled={start.isPending}>
        {t('reconciliation.new.start')}
      </button>
    </form>
  );
}
