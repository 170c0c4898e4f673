import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { ReconciliationLine } from '../../../../electron/shared/reconciliation.ts';
import { useFocusWhenLost } from '../../components/focus.ts';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import { lineAmounts } from './line-amounts.ts';

const rowHeight = 44;
/** Rows a Page Up/Down moves: about what the list shows at once. */
const pageRows = 10;

/**
 * The draft's lines, one checkbox each. The list holds focus and points at a row (arrows,
 * Home/End, Page Up/Down move; Space ticks); only the rows in view are rendered, so a
 * year of history on a first reconciliation scrolls as lightly as a month.
 */
export function ReconciliationLines({
  lines,
  label,
  onTick,
}: {
  lines: readonly ReconciliationLine[];
  label: string;
  onTick: (line: ReconciliationLine) => void;
}) {
  const { t } = useTranslation();
  const gridRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // A reconciliation just started replaces its form: the lines are where the user goes on.
  useFocusWhenLost(gridRef);
  const [focused, setFocused] = useState(0);
  const current = Math.min(focused, lines.length - 1);

  // No React Compiler here: the virtualizer re-renders this component as the body scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    useFlushSync: false,
  });

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(lines.length - 1, index));
    setFocused(next);
    virtualizer.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: lines.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
      return;
    }
    const line = lines[current];
    if (event.key === ' ' && line) {
      event.preventDefault();
      onTick(line);
    }
  };

  if (lines.length === 0) return <p className="recon-empty muted">{t('reconciliation.lines.empty')}</p>;
  return (
    <div
      ref={gridRef}
      className="recon-lines"
      role="grid"
      aria-label={label}
      aria-rowcount={lines.length}
      aria-activedescendant={`recon-line-${current}`}
      aria-keyshortcuts="ArrowUp ArrowDown Space"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div ref={bodyRef} className="recon-lines-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            return (
              <LineRow
                key={line.id}
                line={line}
                index={item.index}
                top={item.start}
                focused={item.index === current}
                onClick={() => {
                  setFocused(item.index);
                  onTick(line);
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function LineRow({
  line,
  index,
  top,
  focused,
  onClick,
}: {
  line: ReconciliationLine;
  index: number;
  top: number;
  focused: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  const classes = ['recon-line'];
  if (focused) classes.push('recon-line-focused');
  if (line.cleared) classes.push('recon-line-cleared');
  return (
    // A click anywhere on the row ticks it, the checkbox included (its click reaches the row).
    <div
      id={`recon-line-${index}`}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={line.cleared}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
      onClick={onClick}
    >
      <span role="gridcell" className="recon-cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={line.cleared}
          readOnly
          aria-label={t('reconciliation.lines.tick', { description: line.description, date: formatDate(line.date) })}
        />
      </span>
      <span role="gridcell" className="recon-cell-date">
        {formatDate(line.date)}
      </span>
      <span role="gridcell" className="recon-cell-description">
        <span className="recon-description" title={line.description}>
          {line.description}
        </span>
        {line.pending && <span className="badge badge-pending">{t('reconciliation.lines.pending')}</span>}
      </span>
      <span role="gridcell" className="recon-cell-amount">
        <TransactionAmount amount={lineAmounts(line)} stacked />
      </span>
    </div>
  );
}
