import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB, ptBR } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { useTranslation } from 'react-i18next';
import { bookkeepingDate, formatDate } from '../../../electron/shared/format.ts';
import type { Language } from '../../../electron/shared/models.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { type DayReading, maskDayTyping, readDay } from './day-text.ts';
import { FieldFrame, described } from './fields.tsx';
import './DateField.css';

/** Month and weekday names, and the calendar's own button labels, in the app's language. */
const calendarLocales: Record<Language, typeof ptBR> = { 'pt-BR': ptBR, en: enGB };

/** What the field holds: a day `YYYY-MM-DD`, `null` when empty, `undefined` while its text is not a day. */
export type DayValue = string | null | undefined;

const dayOf = (reading: DayReading): DayValue => ('day' in reading ? reading.day : undefined);
// The calendar works in local Dates; a day is not an instant, so it is built from its parts.
const toDate = (day: string) =>
  new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The one box for a day the user types (see day-text.ts): dd/mm/aaaa in either language,
 * separators put in while typing, a calendar beside it. Tells the outside what the text
 * reads as on every change; a new value from outside (a preset, Back, a save) replaces the text.
 */
export function DateField({
  label,
  value,
  onChange,
  help,
  problem,
  autoFocusHere = false,
  className,
  onBlur,
  onKeyDown,
}: {
  label: string;
  value: DayValue;
  onChange: (day: DayValue) => void;
  help?: string | null;
  /** Why the day is refused beyond not reading (empty, too early, after the end). */
  problem?: string | null;
  autoFocusHere?: boolean;
  className?: string;
  /** After the text is tidied, on leaving the box. */
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const calendarId = `${id}-calendar`;
  const input = useRef<HTMLInputElement>(null);
  const calendar = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [seen, setSeen] = useState(value);
  const [open, setOpen] = useState(false);
  // A half-typed day is not an error yet: its shape is judged once the user leaves the box.
  const [left, setLeft] = useState(false);
  const reading = readDay(text);
  if (seen !== value) {
    setSeen(value);
    if (value !== dayOf(reading)) setText(value ? formatDate(value) : '');
  }

  const type = (next: string) => {
    setText(next);
    setLeft(false);
    const day = dayOf(readDay(next));
    if (day === dayOf(reading)) return;
    // A day sent out is not news when it comes back: a late echo must not undo keys typed since.
    if (day !== undefined) setSeen(day);
    onChange(day);
  };
  const unfinished = 'problem' in reading && ['shape', 'shortYear'].includes(reading.problem) && !left;
  const message = 'problem' in reading ? (unfinished ? null : t(`dateField.problem.${reading.problem}`)) : problem;
  const day = dayOf(reading);

  // The calendar sits in the top layer (never clipped by a scrolling bar or a dialog), placed
  // under the field, or above it when the window has no room below. Set on the element itself
  // as it opens (CSSOM, which the CSP allows), before it is drawn.
  const place = (popover: HTMLElement) => {
    const box = input.current?.parentElement?.getBoundingClientRect();
    if (!box) return;
    const [width, height] = [300, 340];
    const below = box.bottom + 4;
    popover.style.top = `${below + height > window.innerHeight ? Math.max(8, box.top - height - 4) : below}px`;
    popover.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
  };
  const closeCalendar = () => {
    calendar.current?.hidePopover();
    input.current?.focus();
  };

  return (
    <FieldFrame id={id} label={label} help={help} problem={message} className={['date-field', className].join(' ')}>
      <div className="date-field-control">
        <input
          ref={input}
          id={id}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dateField.placeholder')}
          value={text}
          maxLength={10}
          aria-invalid={Boolean(message)}
          aria-describedby={described(id, message || help)}
          data-autofocus={autoFocusHere ? '' : undefined}
          onChange={(event) => type(maskDayTyping(event.target.value))}
          onBlur={() => {
            setLeft(true);
            if (day) setText(formatDate(day));
            onBlur?.();
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              calendar.current?.togglePopover(true);
            }
            onKeyDown?.(event);
          }}
        />
        <button
          type="button"
          className="date-field-button"
          // Named without the field's label, which only the box itself carries (a search by
          // label finds the box alone); the label describes the button.
          aria-label={t('dateField.open')}
          aria-describedby={`${id}-label`}
          title={t('dateField.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          popoverTarget={calendarId}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="2.5" width="13" height="12" rx="2" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" />
          </svg>
        </button>
      </div>
      <div
        ref={calendar}
        id={calendarId}
        popover="auto"
        role="dialog"
        aria-label={t('dateField.calendar')}
        aria-describedby={`${id}-label`}
        className="date-field-calendar"
        onBeforeToggle={(event) => {
          if (event.newState === 'open') place(event.currentTarget);
        }}
        onToggle={(event) => setOpen(event.newState === 'open')}
        onKeyDown={(event) => {
          // Esc closes the calendar only: not the dialog it sits in, nor a screen's shortcut.
          if (event.key === 'Escape') {
            event.preventDefault();
            closeCalendar();
          }
          event.stopPropagation();
        }}
      >
        {open && (
          <DayPicker
            mode="single"
            required
            autoFocus
            locale={calendarLocales[language]}
            today={toDate(bookkeepingDate(new Date()))}
            defaultMonth={day ? toDate(day) : undefined}
            selected={day ? toDate(day) : undefined}
            startMonth={new Date(1900, 0)}
            endMonth={new Date(2199, 11)}
            onSelect={(date) => {
              type(formatDate(fromDate(date)));
              closeCalendar();
            }}
          />
        )}
      </div>
    </FieldFrame>
  );
}
