import { useEffect } from 'react';
import type { ReportPageState } from '../../../../../electron/shared/report-page.ts';

/** How long to look again for charts still being laid out. */
const pollMs = 25;

/**
 * Tells the report printer where the page stands, on <html data-report-state>. Once the
 * data is in ('drawn'), it is 'ready' only after the fonts have loaded and every chart
 * has its drawing: recharts measures its box first and draws a frame later, and a PDF
 * printed before then would have empty boxes where the charts go.
 */
export function useReportPageState(state: 'loading' | 'drawn' | 'failed'): void {
  useEffect(() => {
    const set = (value: ReportPageState) => {
      document.documentElement.dataset.reportState = value;
    };
    if (state !== 'drawn') {
      set(state);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = () => {
      if (stopped) return;
      const charts = [...document.querySelectorAll('.report-chart')];
      const drawn = charts.every(
        (chart) => chart.childElementCount === 0 || chart.querySelector('svg.recharts-surface'),
      );
      if (drawn) set('ready');
      else timer = setTimeout(check, pollMs);
    };
    void document.fonts.ready.then(check);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state]);
}
