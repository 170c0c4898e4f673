import { ReportQuery } from './reports.ts';

/**
 * The report page (renderer/report.html): the accountant's report of a period, laid out
 * for A4, that the report printer turns into the PDF export. Its address carries the
 * query; it tells the printer how it stands on <html data-report-state>.
 */
export type ReportPageState = 'loading' | 'ready' | 'failed';

/** The report page's address for a query, below the app's origin. */
export function reportPagePath(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.businessOnly) params.set('business', '1');
  for (const accountId of query.accountIds ?? []) params.append('account', accountId);
  return `/report.html?${params.toString()}`;
}

/** The query back from the page's address; null when it names no valid period. */
export function reportPageQuery(search: URLSearchParams): ReportQuery | null {
  const accountIds = search.getAll('account');
  const parsed = ReportQuery.safeParse({
    from: search.get('from'),
    to: search.get('to'),
    ...(search.get('business') === '1' ? { businessOnly: true } : {}),
    ...(accountIds.length > 0 ? { accountIds } : {}),
  });
  return parsed.success ? parsed.data : null;
}
