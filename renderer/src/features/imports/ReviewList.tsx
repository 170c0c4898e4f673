import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ImportPreview } from '../../../../electron/shared/imports.ts';
import { Money } from '../../components/Money.tsx';

type ReviewRow = ImportPreview['review'][number];

/**
 * The file's rows that look like ones the account holds, each beside the one it looks like
 * (and where that came from: the bank, the user, another import). Skipped unless the user
 * ticks "Manter mesmo assim": never a silent merge, never a silent double.
 */
export function ReviewList({
  rows,
  currency,
  keep,
  onKeep,
}: {
  rows: readonly ReviewRow[];
  /** The account's. */
  currency: string;
  keep: ReadonlySet<number>;
  onKeep: (lines: ReadonlySet<number>) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const toggle = (line: number, kept: boolean) => {
    const next = new Set(keep);
    if (kept) next.add(line);
    else next.delete(line);
    onKeep(next);
  };
  return (
    <section className="import-review" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('imports.review.title', { count: rows.length })}</h3>
      <p className="muted import-section-note">{t('imports.review.note')}</p>
      <ul className="import-review-list">
        {rows.map((row) => (
          <li
            key={row.line}
            className="import-review-item"
            aria-label={t('imports.review.rowLabel', { line: row.line })}
          >
            <div className="import-review-side">
              <span className="import-review-label">{t('imports.review.inFile', { line: row.line })}</span>
              <span className="import-review-when">
                {formatDate(row.date)}
                <Money cents={row.amountCents} currency={currency} />
              </span>
              <span className="import-review-description" title={row.description}>
                {row.description}
              </span>
            </div>
            <span className="import-review-arrow" aria-hidden="true">
              ≈
            </span>
            <div className="import-review-side import-review-existing">
              <span className="import-review-label">
                {t('imports.review.inAccount')}{' '}
                <span className={`import-origin import-origin-${row.existing.origin}`}>
                  {t(`imports.review.origin.${row.existing.origin}`)}
                </span>
              </span>
              <span className="import-review-when">
                {formatDate(row.existing.date)}
                <Money cents={row.existing.amountCents} currency={currency} />
              </span>
              <span className="import-review-description" title={row.existing.description}>
                {row.existing.description}
              </span>
            </div>
            <label className="import-keep">
              <input
                type="checkbox"
                checked={keep.has(row.line)}
                onChange={(event) => toggle(row.line, event.target.checked)}
              />
              {t('imports.review.keep')}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
