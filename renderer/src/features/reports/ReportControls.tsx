import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDay } from '../../../../electron/shared/calendar-day.ts';
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
  // The date fields' own text: a half-typed or reversed range stays in them, unapplied,
  // while the report keeps showing the last good one. New dates from outside (Back, a preset) replace it.
  const [draft, setDraft] = useState({ from: view.from, to: view.to });
  const [shown, setShown] = useState({ from: view.from, to: view.to });
  if (shown.from !== view.from || shown.to !== view.to) {
    setShown({ from: view.from, to: view.to });
    setDraft({ from: view.from, to: view.to });
  }
  // A year being typed passes through 0002, 0020, 0202…: such a day is not applied.
  const usable = (range: { from: string; to: string }) =>
    isCalendarDay(range.from) && isCalendarDay(range.to) && range.from <= range.to;
  const problem = !usable(draft);
  const changeDay = (edge: 'from' | 'to', value: string) => {
    const next = { ...draft, [edge]: value };
    setDraft(next);
    // Typing a date fires a change per part: one history entry for the lot, not one per keystroke.
    if (usable(next)) onChange(next, { replace: true });
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
          <label className="filter-field">
            <span>{t('reports.from')}</span>
            <input
              type="date"
              value={draft.from}
              aria-invalid={problem || undefined}
              onChange={(event) => changeDay('from', event.target.value)}
            />
          </label>
          <label className="filter-field">
            <span>{t('reports.to')}</span>
            <input
              type="date"
              value={draft.to}
              aria-invalid={problem || undefined}
              onChange={(event) => changeDay('to', event.target.value)}
            />
          </label>
          {problem && (
            <p className="field-problem" role="alert">
              {isCalendarDay(draft.from) && isCalendarDay(draft.to) ? t('reports.badRange') : t('reports.badDay')}
            </p>
          )}
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
