import { MemoryRouter } from 'react-router';
import { bootPage } from './app/boot.tsx';
import { reportPageQuery } from '../../electron/shared/report-page.ts';
import { ReportDocument } from './features/reports/document/ReportDocument.tsx';

/**
 * The report page: the accountant's report of a period, laid out for A4, that the report
 * printer turns into the PDF export (see electron/core/exports/report-printer.ts). Its
 * links go nowhere from paper; the router is there for the components that have them.
 */
void bootPage(() => (
  <MemoryRouter>
    <ReportDocument query={reportPageQuery(new URLSearchParams(window.location.search))} />
  </MemoryRouter>
));
