import type { BrowserContext, Page } from '@playwright/test';
import type { ReportPrinter } from '../../../electron/core/exports/report-printer.ts';
import type { ReportPageState } from '../../../electron/shared/report-page.ts';

/**
 * The E2E bridge's report printer: the app's own (electron/main/report-window.ts) with
 * Playwright in place of a hidden window — the report page opened in a new page of the
 * bridged browser context, at A4's width, and printed by Chromium's PDF printer with the
 * same layout once the page says it has drawn. `opened` hears of each page before it loads
 * (the E2E bridge makes it a report window).
 */
export function chromiumReportPrinter(
  context: BrowserContext,
  origin: string,
  opened: (page: Page) => void = () => {},
): ReportPrinter {
  return async ({ path, layout }, signal) => {
    const page = await context.newPage();
    opened(page);
    const close = () => void page.close().catch(() => {});
    signal.addEventListener('abort', close, { once: true });
    try {
      await page.setViewportSize(layout.viewportPx);
      await page.goto(new URL(path, origin).toString());
      const state = (await (
        await page.waitForFunction(() => {
          const current = document.documentElement.dataset.reportState;
          return current && current !== 'loading' ? current : null;
        })
      ).jsonValue()) as ReportPageState;
      if (state !== 'ready') throw new Error('The report page could not read the report');
      const mm = (value: number) => `${value}mm`;
      const { top, right, bottom, left } = layout.marginsMm;
      return await page.pdf({
        format: layout.pageSize,
        printBackground: true,
        margin: { top: mm(top), right: mm(right), bottom: mm(bottom), left: mm(left) },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: layout.footerTemplate,
      });
    } finally {
      signal.removeEventListener('abort', close);
      close();
    }
  };
}
