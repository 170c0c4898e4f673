import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  memo,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../electron/shared/format.ts';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import { useAccounts } from '../../api/queries.ts';
import { AccountName, rowAccount } from '../../components/AccountName.tsx';
import { Money } from '../../components/Money.tsx';
import { TransactionAmount } from '../../components/TransactionAmount.tsx';
import { CategoryPicker } from './CategoryPicker.tsx';
import { type Density, rowHeights } from './density.tsx';
import type { CategoryOption } from './category-options.ts';
import { RowMarks } from './RowMarks.tsx';
import { pageSize, type TransactionRows } from './useTransactionRows.ts';
import type { SortKey, ViewState } from './view-state.ts';

/** Rows kept rendered above and below the window, so a fast scroll rarely shows blanks. */
const overscan = 12;

const columns = [
  { key: 'date', labelKey: 'transactions.columns.date', className: 'cell-date' },
  { key: 'description', labelKey: 'transactions.columns.description', className: 'cell-description' },
  { key: 'account', labelKey: 'transactions.columns.account', className: 'cell-account' },
  { key: 'category', labelKey: 'transactions.columns.category', className: 'cell-category' },
  { key: 'amount', labelKey: 'transactions.columns.amount', className: 'cell-amount' },
  { key: null, labelKey: 'transactions.columns.balance', className: 'cell-balance' },
  { key: null, labelKey: 'transactions.columns.flags', className: 'cell-flags' },
] as const satisfies readonly { key: SortKey | null; labelKey: string; className: string }[];

/** An account's register has no account column (it is the page's) but the balance after each row. */
const columnsOf = (register: boolean) =>
  columns.filter((column) => (register ? column.key !== 'account' : column.className !== 'cell-balance'));

interface Selection {
  ids: ReadonlySet<string>;
  set(ids: ReadonlySet<string>): void;
}

/**
 * The filtered transactions as a virtualized grid: only the rows on screen are in the DOM,
 * so 100k rows scroll as smoothly as 100. Keyboard first: ↑/↓ move, Shift extends,
 * Space selects, Ctrl+A selects what is loaded, Enter picks a category, N edits the note,
 * R makes a rule from the row, D opens the details, Esc clears.
 */
export function TransactionTable({
  view,
  rows,
  categories,
  selection,
  register = false,
  density,
  onSort,
  onRange,
  onCategorize,
  onSaveNote,
  onOpenDetails,
  onCloseDetails,
}: {
  view: ViewState;
  rows: TransactionRows;
  categories: readonly CategoryOption[];
  selection: Selection;
  /** An account's register: rows carry their running balance. */
  register?: boolean;
  density: Density;
  onSort: (key: SortKey) => void;
  onRange: (first: number, last: number) => void;
  onCategorize: (row: TransactionRow, categoryId: string) => void;
  onSaveNote: (row: TransactionRow, notes: string) => void;
  onOpenDetails: (row: TransactionRow) => void;
  /** Given while the details panel is open: the grid's Esc closes it before it clears the selection. */
  onCloseDetails?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rowHeight = rowHeights[density];
  const tableRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const [pickerAt, setPickerAt] = useState<number | null>(null);
  const [noteAt, setNoteAt] = useState<number | null>(null);
  const categoryById = useMemo(() => new Map(categories.map((option) => [option.id, option])), [categories]);
  // Hidden accounts' rows show only when asked for ("Mostrar contas ocultas", or the account chosen): marked so.
  const accounts = useAccounts();
  const hiddenAccounts = useMemo(
    () => new Set(accounts.data?.filter((account) => account.hidden).map((account) => account.id)),
    [accounts.data],
  );

  // No React Compiler here: the virtualizer re-renders this component as the body scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => rowHeight,
    overscan,
    // Scroll updates render in the next frame rather than inside the scroll event.
    useFlushSync: false,
  });
  // Rows of another height: the virtualizer places them anew.
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // Reported by page: the screen around the table only re-renders when another page is needed.
  const firstPage = Math.floor((items[0]?.index ?? 0) / pageSize);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / pageSize);
  useEffect(() => onRange(firstPage * pageSize, lastPage * pageSize), [firstPage, lastPage, onRange]);

  // A new filter or sort starts at the top with nothing focused further down.
  const viewKey = JSON.stringify(view);
  const [shownView, setShownView] = useState(viewKey);
  if (shownView !== viewKey) {
    setShownView(viewKey);
    setFocused(0);
    setAnchor(0);
    setPickerAt(null);
    setNoteAt(null);
  }
  useEffect(() => virtualizer.scrollToOffset(0), [viewKey, virtualizer]);

  const move = (index: number, extend: boolean) => {
    const target = Math.min(Math.max(0, index), rows.total - 1);
    if (target < 0) return;
    setFocused(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    if (!extend) {
      setAnchor(target);
      return;
    }
    const ids = new Set(selection.ids);
    for (let at = Math.min(anchor, target); at <= Math.max(anchor, target); at += 1) {
      const row = rows.rowAt(at);
      if (row) ids.add(row.id);
    }
    selection.set(ids);
  };

  const toggle = (row: TransactionRow) => {
    const ids = new Set(selection.ids);
    if (ids.has(row.id)) ids.delete(row.id);
    else ids.add(row.id);
    selection.set(ids);
  };
  const latestToggle = useRef(toggle);
  const latestOpenDetails = useRef(onOpenDetails);
  useLayoutEffect(() => {
    latestToggle.current = toggle;
    latestOpenDetails.current = onOpenDetails;
  });
  const actions = useMemo<RowActions>(
    () => ({
      toggle: (row) => latestToggle.current(row),
      openPicker: (index) => {
        setFocused(index);
        setPickerAt(index);
      },
      editNote: (index) => {
        setFocused(index);
        setNoteAt(index);
      },
      openDetails: (index, row) => {
        setFocused(index);
        latestOpenDetails.current(row);
      },
    }),
    [],
  );

  const pageRows = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys typed in the picker or the note box
    const row = rows.rowAt(focused);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
      Home: -rows.total,
      End: rows.total,
    };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(focused + step, event.shiftKey);
    } else if (event.key === ' ') {
      event.preventDefault();
      if (row) toggle(row);
      setAnchor(focused);
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      selection.set(new Set(rows.loadedRows().map((each) => each.id)));
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      setPickerAt(focused);
    } else if (event.key.toLowerCase() === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey && row) {
      event.preventDefault();
      setNoteAt(focused);
    } else if (event.key.toLowerCase() === 'r' && !event.ctrlKey && !event.metaKey && !event.altKey && row) {
      // "Create a rule from this transaction": the rules screen opens its editor prefilled.
      event.preventDefault();
      void navigate(`/rules?fromTransaction=${encodeURIComponent(row.id)}`);
    } else if (event.key.toLowerCase() === 'd' && !event.ctrlKey && !event.metaKey && !event.altKey && row) {
      event.preventDefault();
      onOpenDetails(row);
    } else if (event.key === 'Escape' && onCloseDetails) {
      event.preventDefault();
      onCloseDetails();
    } else if (event.key === 'Escape' && selection.ids.size > 0) {
      event.preventDefault();
      selection.set(new Set());
    }
  };

  const onRowClick = (event: MouseEvent, index: number, row: TransactionRow | undefined) => {
    if (!row) return;
    if (event.shiftKey) move(index, true);
    else if (event.ctrlKey || event.metaKey) {
      toggle(row);
      setFocused(index);
      setAnchor(index);
    } else {
      setFocused(index);
      setAnchor(index);
    }
    tableRef.current?.focus();
  };

  const backToGrid = () => {
    setPickerAt(null);
    setNoteAt(null);
    tableRef.current?.focus();
  };

  return (
    // The grid holds focus (rows are pointed at with aria-activedescendant); only its body scrolls.
    <div
      ref={tableRef}
      className={['tx-table', `tx-${density}`, register ? 'tx-register' : ''].filter(Boolean).join(' ')}
      role="grid"
      aria-label={t('transactions.table')}
      aria-rowcount={rows.total + 1}
      aria-multiselectable="true"
      aria-activedescendant={rows.total > 0 ? `tx-row-${focused}` : undefined}
      aria-busy={rows.isStale}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup">
        <div className="tx-row tx-header" role="row" aria-rowindex={1}>
          <span className="cell-select" role="columnheader" aria-label={t('transactions.columns.select')} />
          {columnsOf(register).map((column) => {
            const { key } = column;
            const sorted = key !== null && view.sort === key;
            return (
              <span
                key={column.labelKey}
                role="columnheader"
                className={column.className}
                aria-sort={sorted ? (view.descending ? 'descending' : 'ascending') : undefined}
                title={column.className === 'cell-balance' ? t('accounts.register.balanceHelp') : undefined}
              >
                {key !== null ? (
                  <button type="button" className="sort-button" onClick={() => onSort(key)}>
                    {t(column.labelKey)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted ? (view.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                ) : (
                  t(column.labelKey)
                )}
              </span>
            );
          })}
        </div>
      </div>
      <div ref={bodyRef} className="tx-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const selected = row ? selection.ids.has(row.id) : false;
            const classes = ['tx-row'];
            if (item.index === focused) classes.push('tx-focused');
            if (selected) classes.push('tx-selected');
            // Above the rows below it, so the picker's list is not painted under them.
            if (pickerAt === item.index || noteAt === item.index) classes.push('tx-editing');
            return (
              <div
                key={item.key}
                id={`tx-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={classes.join(' ')}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={(event) => onRowClick(event, item.index, row)}
              >
                {row ? (
                  <RowCells
                    row={row}
                    selected={selected}
                    category={row.categoryId ? categoryById.get(row.categoryId) : undefined}
                    picker={
                      pickerAt === item.index ? (
                        <CategoryPicker
                          options={categories}
                          currentId={row.categoryId}
                          onPick={(categoryId) => {
                            onCategorize(row, categoryId);
                            backToGrid();
                          }}
                          onClose={backToGrid}
                          onDismiss={() => setPickerAt(null)}
                        />
                      ) : null
                    }
                    noteEditor={
                      noteAt === item.index ? (
                        <NoteEditor
                          initial={row.notes ?? ''}
                          onSave={(notes) => {
                            if (notes !== (row.notes ?? '')) onSaveNote(row, notes);
                            backToGrid();
                          }}
                          onCancel={backToGrid}
                        />
                      ) : null
                    }
                    index={item.index}
                    actions={actions}
                    register={register}
                    accountHidden={hiddenAccounts.has(row.accountId)}
                  />
                ) : (
                  <span role="gridcell" className="tx-loading muted">
                    {t('transactions.loadingRow')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        {!rows.isPending && rows.total === 0 && <p className="tx-empty muted">{t('transactions.empty')}</p>}
      </div>
    </div>
  );
}

/** What a row's own controls do; one stable object, so unchanged rows skip rendering while the list scrolls. */
interface RowActions {
  toggle(row: TransactionRow): void;
  openPicker(index: number): void;
  editNote(index: number): void;
  openDetails(index: number, row: TransactionRow): void;
}

const RowCells = memo(function RowCells({
  row,
  selected,
  category,
  picker,
  noteEditor,
  index,
  actions,
  register,
  accountHidden,
}: {
  row: TransactionRow;
  selected: boolean;
  category: CategoryOption | undefined;
  picker: ReactNode;
  noteEditor: ReactNode;
  index: number;
  actions: RowActions;
  register: boolean;
  accountHidden: boolean;
}) {
  const { t } = useTranslation();
  const direction = row.accountAmountCents < 0 ? 'out' : 'in';
  const subline = row.notes ? `${row.counterparty ?? ''} ✎ ${row.notes}` : row.counterparty;
  return (
    <>
      <span role="gridcell" className="cell-select">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={row.description}
          onClick={(event) => event.stopPropagation()}
          onChange={() => actions.toggle(row)}
        />
      </span>
      <span role="gridcell" className="cell-date">
        {formatDate(row.date)}
      </span>
      <span role="gridcell" className="cell-description">
        {noteEditor ?? (
          <>
            <span className="tx-description" title={row.description}>
              {row.description}
            </span>
            {/* Cut to the column's width like the description: the title shows all of it. */}
            {subline && (
              <span className="tx-sub muted" title={subline}>
                {subline}
              </span>
            )}
          </>
        )}
      </span>
      {!register && (
        <span role="gridcell" className="cell-account">
          <AccountName account={{ ...rowAccount(row), hidden: accountHidden }} short />
        </span>
      )}
      <span role="gridcell" className="cell-category">
        {picker ??
          (row.split ? (
            // A split row has no single category to pick: its parts are edited in the details.
            <button
              type="button"
              tabIndex={-1}
              className="category-chip split-chip"
              onClick={(event) => {
                event.stopPropagation();
                actions.openDetails(index, row);
              }}
            >
              {t('transactions.details.split.marker', { count: row.splitParts })}
            </button>
          ) : (
            <button
              type="button"
              tabIndex={-1}
              className={category ? 'category-chip' : 'category-chip category-missing'}
              data-source={row.categorySource ?? undefined}
              // The chip shows the category's own name; its parent's is on hover and read out.
              title={category?.path}
              aria-label={category?.path}
              onClick={(event) => {
                event.stopPropagation();
                actions.openPicker(index);
              }}
            >
              {category?.label ?? t('transactions.uncategorized')}
            </button>
          ))}
      </span>
      <span role="gridcell" className={`cell-amount amount-${direction}`}>
        <span aria-hidden="true" className="direction-mark">
          {direction === 'in' ? '↑' : '↓'}
        </span>
        <TransactionAmount amount={row} stacked />
      </span>
      {register && (
        <span role="gridcell" className="cell-balance">
          {row.runningBalanceCents !== undefined && (
            <Money cents={row.runningBalanceCents} currency={row.accountCurrencyCode} />
          )}
        </span>
      )}
      <span role="gridcell" className="cell-flags">
        <RowMarks row={row} />
        {row.pending && <span className="badge badge-pending">{t('transactions.pending')}</span>}
        {row.adjustment && (
          <span className="badge badge-adjustment" title={t('transactions.adjustmentHelp')}>
            {t('transactions.adjustment')}
          </span>
        )}
        {row.reconciled && (
          // An icon drawn here: the machine may have no emoji font.
          <svg className="flag lock" role="img" aria-label={t('transactions.reconciled')} viewBox="0 0 16 16">
            <title>{t('transactions.reconciled')}</title>
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
        )}
        <button
          type="button"
          tabIndex={-1}
          className={row.notes ? 'flag note-flag has-note' : 'flag note-flag'}
          aria-label={row.notes ? t('transactions.hasNotes') : t('transactions.notes.edit')}
          title={row.notes ?? t('transactions.notes.edit')}
          onClick={(event) => {
            event.stopPropagation();
            actions.editNote(index);
          }}
        >
          ✎
        </button>
        <button
          type="button"
          tabIndex={-1}
          className="flag details-flag"
          aria-label={t('transactions.details.open')}
          title={t('transactions.details.open')}
          onClick={(event) => {
            event.stopPropagation();
            actions.openDetails(index, row);
          }}
        >
          ⋯
        </button>
      </span>
    </>
  );
});

/** The note of one row, edited in place: Enter saves, Esc leaves it as it was. */
function NoteEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (notes: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  // Saving or cancelling moves focus away, which blurs the box: it must not save a second time.
  const finished = useRef(false);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save) onSave(text.trim());
    else onCancel();
  };
  return (
    <input
      className="note-input"
      aria-label={t('transactions.notes.label')}
      value={text}
      maxLength={2000}
      autoFocus
      onChange={(event) => setText(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(true);
        if (event.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
