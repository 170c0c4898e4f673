import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportTab, reportTabs } from './report-view.ts';

/**
 * The reports as WAI-ARIA tabs: one tab stop, arrows (and Home/End) move between the tabs
 * and show each at once; Tab then goes into the report itself.
 */
export function ReportTabs({
  tab,
  onChange,
  children,
}: {
  tab: ReportTab;
  onChange: (tab: ReportTab) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const buttons = useRef(new Map<ReportTab, HTMLButtonElement>());
  const select = (next: ReportTab) => {
    onChange(next);
    buttons.current.get(next)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = reportTabs.indexOf(tab);
    const last = reportTabs.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    const next = target === undefined ? undefined : reportTabs[target];
    if (!next) return;
    event.preventDefault();
    select(next);
  };
  return (
    <>
      <div className="report-tabs" role="tablist" aria-label={t('reports.tabs.label')} onKeyDown={onKeyDown}>
        {reportTabs.map((each) => (
          <button
            key={each}
            ref={(element) => {
              if (element) buttons.current.set(each, element);
              else buttons.current.delete(each);
            }}
            type="button"
            role="tab"
            id={`${id}-${each}`}
            aria-selected={each === tab}
            aria-controls={each === tab ? `${id}-panel` : undefined}
            tabIndex={each === tab ? 0 : -1}
            onClick={() => onChange(each)}
          >
            {t(`reports.tabs.${each}`)}
          </button>
        ))}
      </div>
      <div className="report-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
