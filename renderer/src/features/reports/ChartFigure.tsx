import type { ReactNode } from 'react';

/**
 * A dashboard card holding a chart. The drawing is one image to assistive technology,
 * named by a sentence that says what it shows; `children` after it (a table, a list) are
 * read and reached as usual.
 */
export function ChartFigure({
  title,
  summary,
  chart,
  children,
  className,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <section className={`report-card${className ? ` ${className}` : ''}`} aria-label={title}>
      <h2>{title}</h2>
      <div className="report-card-body">
        <div className="report-chart" role="img" aria-label={summary}>
          {chart}
        </div>
        {children}
      </div>
    </section>
  );
}
