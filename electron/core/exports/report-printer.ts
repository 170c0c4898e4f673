import type { Language } from '../../shared/models.ts';

/**
 * Prints the report page (electron/shared/report-page.ts) for a period to PDF bytes: a hidden window
 * and Electron's printToPDF in the app, Chromium's PDF printer through Playwright in the
 * tests — the same page and the same printer options either way. Rejects when `signal`
 * aborts.
 */
export type ReportPrinter = (request: ReportPrintRequest, signal: AbortSignal) => Promise<Uint8Array>;

export interface ReportPrintRequest {
  /** The page to print, below the app's origin: `/report.html?from=…`. */
  path: string;
  layout: ReportPdfLayout;
}

/** A4, margins in millimetres, and a footer numbering the pages in the user's language. */
export interface ReportPdfLayout {
  pageSize: 'A4';
  /** The window the page lays out in: A4 at 96 dpi, so charts are drawn at the width they print at. */
  viewportPx: { width: number; height: number };
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** Chromium's footer template: its own little document, filled in per page. */
  footerTemplate: string;
}

const pageWords: Record<Language, { page: string; of: string }> = {
  'pt-BR': { page: 'Página', of: 'de' },
  en: { page: 'Page', of: 'of' },
};

export function reportPdfLayout(language: Language): ReportPdfLayout {
  const words = pageWords[language];
  return {
    pageSize: 'A4',
    viewportPx: { width: 794, height: 1123 },
    marginsMm: { top: 14, right: 14, bottom: 16, left: 14 },
    // The template's text needs its own size and font: it inherits nothing from the page.
    footerTemplate:
      '<div style="width:100%;padding:0 14mm;font:8px system-ui,sans-serif;color:#555;display:flex;justify-content:space-between">' +
      '<span>Balancete</span>' +
      `<span>${words.page} <span class="pageNumber"></span> ${words.of} <span class="totalPages"></span></span></div>`,
  };
}
