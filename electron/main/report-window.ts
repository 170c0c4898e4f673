import type { BrowserWindow } from 'electron';
import type { ReportPrinter } from '../core/exports/report-printer.ts';
import type { ReportPageState } from '../shared/report-page.ts';
import { createAppWindow } from './app-window.ts';

const millimetresPerInch = 25.4;
/** A report that has not drawn in this long is stuck (a dead query, say), not slow. */
const readyTimeoutMs = 60_000;

/**
 * The report printer of the app (see ReportPrinter): the report page in a hidden window of
 * its own, as secure as the others, printed with Chromium's printToPDF once it says it has
 * drawn everything. The window goes when the PDF is out, on failure, or on cancel.
 */
export function windowReportPrinter(options: { preloadPath: string; origin: string }): ReportPrinter {
  return async ({ path, layout }, signal) => {
    const window = createAppWindow({
      kind: 'report',
      preloadPath: options.preloadPath,
      window: { show: false, width: layout.viewportPx.width, height: layout.viewportPx.height },
      // A hidden window is throttled like a background tab; the report would draw slowly.
      backgroundThrottling: false,
    });
    const close = () => {
      if (!window.isDestroyed()) window.destroy();
    };
    signal.addEventListener('abort', close, { once: true });
    try {
      await window.loadURL(new URL(path, options.origin).toString());
      const state = await waitForReport(window, signal);
      if (state !== 'ready') throw new Error('The report page could not read the report');
      const inches = (mm: number) => mm / millimetresPerInch;
      const { top, right, bottom, left } = layout.marginsMm;
      const pdf = await window.webContents.printToPDF({
        pageSize: layout.pageSize,
        printBackground: true,
        preferCSSPageSize: false,
        margins: { top: inches(top), right: inches(right), bottom: inches(bottom), left: inches(left) },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: layout.footerTemplate,
      });
      return new Uint8Array(pdf);
    } finally {
      signal.removeEventListener('abort', close);
      close();
    }
  };
}

/** Waits for the page's `data-report-state` to leave 'loading'. */
async function waitForReport(window: BrowserWindow, signal: AbortSignal): Promise<ReportPageState> {
  const deadline = Date.now() + readyTimeoutMs;
  while (!signal.aborted && !window.isDestroyed() && Date.now() < deadline) {
    const state = (await window.webContents.executeJavaScript(
      'document.documentElement.dataset.reportState ?? "loading"',
    )) as ReportPageState;
    if (state !== 'loading') return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(signal.aborted ? 'cancelled' : 'The report page did not finish drawing');
}
