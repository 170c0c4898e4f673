import { formatDate } from '../../../electron/shared/format.ts';
import { Money } from './Money.tsx';
import './ReconciledToDelete.css';

export interface ReconciledRowShown {
  id: string;
  date: string;
  description: string;
  /** In its account's currency. */
  amountCents: number;
  currencyCode: string;
  /** Its account's name, where the rows come from several accounts. */
  account?: string;
}

/**
 * Reconciled transactions a deletion would take with it, by name (the newest; `more` says
 * how many others), and the tick without which it does not go ahead: main refuses it as
 * TRANSACTION_RECONCILED until confirmed. The words are the asking screen's own.
 */
export function ReconciledToDelete({
  rows,
  warning,
  more,
  confirmLabel,
  confirmed,
  onConfirm,
}: {
  rows: readonly ReconciledRowShown[];
  warning: string;
  /** "e mais 12.", when there are more than named; null otherwise. */
  more: string | null;
  confirmLabel: string;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  return (
    <div className="reconciled-to-delete">
      <p className="reconciled-to-delete-warning">{warning}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <span className="muted">{formatDate(row.date)}</span>
            <span className="reconciled-to-delete-description">
              <span title={row.description}>{row.description}</span>
              {row.account && (
                <span className="muted" title={row.account}>
                  {row.account}
                </span>
              )}
            </span>
            <Money cents={row.amountCents} currency={row.currencyCode} />
          </li>
        ))}
      </ul>
      {more && <p className="field-help">{more}</p>}
      <label className="reconciled-to-delete-confirm">
        <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} />
        {confirmLabel}
      </label>
    </div>
  );
}
