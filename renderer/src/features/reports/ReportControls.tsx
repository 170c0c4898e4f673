import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, type DayValue } from '../../components/DateField.tsx';
import { matchingPeriod, presetRange, type ReportPeriod, reportPeriods, type ReportView } from './report-view.ts';

/**
 * The period (a preset, or any from/to) and the business-only switch. The shown preset
 * is read back from the dates, so a link or Back shows "Este ano" rather than two dates;
 * "Personalizado" chosen on dates that happen to match a preset keeps the date fields open.
 */
export function ReportControls({
  view,
  today,
  onChange,
}: {
  view: ReportView;
  today: string;
  onChange: (patch: Partial<ReportView>, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [customChosen, setCustomChosen] = useState(false);
  const period: ReportPeriod = customChosen ? 'custom' : matchingPeriod(view, today);
  // The range the date fields hold: a half-typed or reversed one stays in them, unapplied,
  // while the report keeps showing the last good one. New dates from outside (Back, a preset) replace it.
  const [draft, setDraft] = useState<{ from: DayValue; to: DayValue }>({ from: view.from, to: view.to });
  const [shown, setShown] = useState({ from: view.from, to: view.to });
  if (shown.from !== view.from || shown.to !== view.to) {
    setShown({ from: view.from, to: view.to });
    setDraft({ from: view.from, to: view.to });
  }
  const reversed = Boolean(draft.from && draft.to && draft.from > draft.to);
  const changeDay = (edge: 'from' | 'to', day: DayValue) => {
    const next = { ...draft, [edge]: day };
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) {
      const range = { from: next.from, to: next.to };
      // Known as shown already: when the view catches up, it does not overwrite what was typed since.
      setShown(range);
      // Typing a date fires a change per keystroke: one history entry for the lot, not one per key.
      onChange(range, { replace: true });
    }
  };
  return (
    <div className="report-controls" role="group" aria-label={t('reports.controls')}>
      <label className="filter-field">
        <span>{t('reports.period')}</span>
        <select
          value={period}
          onChange={(event) => {
            const chosen = reportPeriods.find((each) => each === event.target.value) ?? 'last-12';
            setCustomChosen(chosen === 'custom');
            if (chosen !== 'custom') onChange(presetRange(chosen, today));
          }}
        >
          {reportPeriods.map((each) => (
            <option key={each} value={each}>
              {t(`reports.periods.${each}`)}
            </option>
          ))}
        </select>
      </label>
      {period === 'custom' && (
        <>
          <DateField
            className="filter-field"
            label={t('reports.from')}
            value={draft.from}
            problem={draft.from === null ? t('reports.badDay') : null}
            onChange={(day) => changeDay('from', day)}
          />
          <DateField
            className="filter-field"
            label={t('reports.to')}
            value={draft.to}
            problem={draft.to === null ? t('reports.badDay') : reversed ? t('reports.badRange') : null}
            onChange={(day) => changeDay('to', day)}
          />
        </>
      )}
      <label className="report-switch">
        <input
          type="checkbox"
          role="switch"
          checked={view.businessOnly}
          onChange={(event) => onChange({ businessOnly: event.target.checked })}
        />
        <span>{t('reports.businessOnly')}</span>
      </label>
    </div>
  );
}
