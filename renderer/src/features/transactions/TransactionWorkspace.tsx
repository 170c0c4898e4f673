import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TransactionRow } from '../../../../electron/shared/transactions.ts';
import { useCategories } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { modalOpen, typedInField } from '../../components/keys.ts';
import { Money } from '../../components/Money.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { ImportStatementButton } from '../imports/ImportStatementButton.tsx';
import { EditEntryDialog, NewEntryDialog } from '../own-entries/EntryDialog.tsx';
import { NewEntryButton, useNewEntryShortcut } from '../own-entries/NewEntryButton.tsx';
import { BulkBar } from './BulkBar.tsx';
import { categoryOptions } from './category-options.ts';
import { DensitySwitch, useDensity } from './density.tsx';
import { type ChangeView, FilterBar, SearchBox } from './FilterBar.tsx';
import { TransactionDetails } from './TransactionDetails.tsx';
import { TransactionTable } from './TransactionTable.tsx';
import { UndoToast } from './UndoToast.tsx';
import { RuleSuggestionOffer } from '../rules/RuleSuggestionOffer.tsx';
import { useTransactionEdits } from './useTransactionEdits.ts';
import { useTransactionRows } from './useTransactionRows.ts';
import { readViewState, type SortKey, toQuery, writeViewState } from './view-state.ts';
import './transactions.css';

/** Ctrl+F or "/" (outside a text box) jumps to the search box; not from under a dialog. */
function useSearchShortcut() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
      if (!find && !(event.key === '/' && !typedInField(event))) return;
      if (modalOpen()) return;
      event.preventDefault();
      const box = document.getElementById('transactions-search');
      if (box instanceof HTMLInputElement) {
        box.focus();
        box.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * The view in the address (filters, sort), so that Back and Forward walk through them. In an
 * account's register the account is the page's own (`accountId`), never in the query string.
 */
function useAddressView(accountId: string | undefined) {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => {
    const read = readViewState(new URLSearchParams(paramsKey));
    return accountId === undefined ? read : { ...read, accountIds: [accountId], includeHidden: false };
  }, [paramsKey, accountId]);
  // Changes apply to the view as last changed, not as last rendered: a second change made
  // before the router re-renders (a quick user, a test) must not bring back what the first undid.
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  }, [view]);
  const changeView = useCallback<ChangeView>(
    (patch, options) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      const written = accountId === undefined ? next : { ...next, accountIds: [], includeHidden: false };
      setParams(writeViewState(written), { replace: options?.replace ?? false });
    },
    [setParams, accountId],
  );
  return { view, paramsKey, changeView };
}

/**
 * The transactions workspace: search, filters, the filtered set's totals, the virtualized
 * table with its keyboard, the category picker, bulk categorize with undo, and the details
 * panel. Transações shows it over every account; an account's register (`accountId`) over
 * that one, with the balance after each transaction in place of the account column.
 */
export function TransactionWorkspace({
  name,
  title,
  subtitle,
  breadcrumb,
  toolbar,
  accountId,
  children,
}: {
  name: string;
  title: string;
  subtitle: string;
  breadcrumb?: ReactNode;
  /**
   * The screen's own actions: given, they lead a row under the title that the search box and
   * Exportar close (a long title then keeps the header's whole width); else those two sit in
   * the header, as on Transações.
   */
  toolbar?: ReactNode;
  accountId?: string;
  /** Notices above the filters. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { view, paramsKey, changeView } = useAddressView(accountId);
  const query = useMemo(
    () => (accountId === undefined ? toQuery(view) : { ...toQuery(view), runningBalance: true }),
    [view, accountId],
  );
  const sortBy = (key: SortKey) =>
    // A second click on the sorted column turns it around; a new column starts with the natural order.
    changeView({
      sort: key,
      descending: view.sort === key ? !view.descending : key === 'date' || key === 'amount',
    });

  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRange = useCallback((first: number, last: number) => setRange([first, last]), []);
  const rows = useTransactionRows(query, range[0], range[1], { countApart: accountId !== undefined });

  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data ?? [], language), [categories.data, language]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Rows hidden by a new filter must not stay selected behind the user's back.
  const [selectionView, setSelectionView] = useState(paramsKey);
  if (selectionView !== paramsKey) {
    setSelectionView(paramsKey);
    setSelected(new Set());
  }
  const edits = useTransactionEdits();
  useSearchShortcut();
  const [density, setDensity] = useDensity();

  const [detailsRow, setDetailsRow] = useState<TransactionRow | null>(null);
  const [exporting, setExporting] = useState(false);
  /** A new entry (Ctrl+N, "Nova transação"), or the user's own transaction being changed. */
  const [entry, setEntry] = useState<
    { mode: 'new' } | { mode: 'edit'; row: TransactionRow; counterparty: string | null } | null
  >(null);
  const newEntry = () => setEntry({ mode: 'new' });
  useNewEntryShortcut(newEntry);
  // Where a new entry goes first: the register's account, or the one account the list is filtered to.
  const entryAccount = accountId ?? (view.accountIds.length === 1 ? view.accountIds[0] : undefined);
  // Tags already on the loaded rows, offered while typing one, without asking main for them.
  const [tagSuggestions, setTagSuggestions] = useState<string[]>([]);
  const openDetails = (row: TransactionRow) => {
    edits.clearDetailError();
    edits.clearDeleteError();
    setTagSuggestions([...new Set(rows.loadedRows().flatMap((each) => each.tags))].sort((a, b) => a.localeCompare(b)));
    setDetailsRow(row);
  };
  /** Back to the table, on its current row: where a panel, a bar or a toast that goes away leaves the user. */
  const focusTable = () => document.querySelector<HTMLElement>(`.${name}-page [role="grid"]`)?.focus();
  const closeDetails = () => {
    setDetailsRow(null);
    focusTable();
  };

  const search = (
    <div className="tx-header-actions">
      <NewEntryButton onClick={newEntry} />
      <ImportStatementButton accountId={entryAccount} />
      <SearchBox view={view} onChange={changeView} />
      <button type="button" onClick={() => setExporting(true)}>
        {t('exports.open')}
      </button>
    </div>
  );

  return (
    <Page
      name={name}
      title={title}
      subtitle={subtitle}
      breadcrumb={breadcrumb}
      className="tx-workspace"
      actions={toolbar === undefined ? search : undefined}
    >
      {exporting && <ExportDialog filters={query.filters ?? {}} onClose={() => setExporting(false)} />}
      {toolbar !== undefined && (
        <div className="tx-toolbar">
          {toolbar}
          <div className="tx-toolbar-end">{search}</div>
        </div>
      )}
      {children}
      <FilterBar view={view} onChange={changeView} categories={options} accountFixed={accountId !== undefined} />
      <div className="tx-summary">
        <dl className="tx-totals" aria-label={t('transactions.totals.label')}>
          <div>
            <dt>{t('transactions.totals.count')}</dt>
            <dd className="money">{rows.isPending ? '…' : rows.total.toLocaleString(language)}</dd>
          </div>
          <div>
            <dt>{t('transactions.totals.in')}</dt>
            <dd>{rows.totals ? <Money cents={rows.totals.inCents} /> : '…'}</dd>
          </div>
          <div>
            <dt>{t('transactions.totals.out')}</dt>
            <dd>{rows.totals ? <Money cents={rows.totals.outCents} /> : '…'}</dd>
          </div>
          <div>
            <dt>{t('transactions.totals.net')}</dt>
            <dd>{rows.totals ? <Money cents={rows.totals.netCents} /> : '…'}</dd>
          </div>
        </dl>
        <DensitySwitch density={density} onChange={setDensity} />
      </div>
      {(rows.error ?? edits.error) && (
        <ErrorNotice error={rows.error ?? edits.error} onRetry={() => void edits.retry()} />
      )}
      <RuleSuggestionOffer />
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          options={options}
          onCategorize={(categoryId) => {
            edits.bulkCategorize([...selected], categoryId);
            setSelected(new Set());
            focusTable();
          }}
          onClear={() => {
            setSelected(new Set());
            focusTable();
          }}
        />
      )}
      <TransactionTable
        view={view}
        rows={rows}
        categories={options}
        selection={{ ids: selected, set: setSelected }}
        register={accountId !== undefined}
        density={density}
        onSort={sortBy}
        onRange={onRange}
        onCategorize={(row, categoryId) => edits.categorize(row.id, categoryId)}
        onSaveNote={(row, notes) => edits.saveNote(row.id, notes)}
        onOpenDetails={openDetails}
        onCloseDetails={detailsRow ? closeDetails : undefined}
      />
      {detailsRow && (
        <TransactionDetails
          row={detailsRow}
          options={options}
          tagSuggestions={tagSuggestions}
          error={edits.detailError ?? edits.deleteError}
          revision={edits.detailRevision}
          onSave={(patch) => void edits.saveDetails({ id: detailsRow.id, patch })}
          onSplit={(parts) => edits.saveDetails({ id: detailsRow.id, parts })}
          onEditOwn={(counterparty) => setEntry({ mode: 'edit', row: detailsRow, counterparty })}
          onDeleteOwn={() =>
            void edits.deleteOwn([detailsRow.id]).then((deleted) => {
              if (deleted) closeDetails();
            })
          }
          onClose={closeDetails}
        />
      )}
      {entry?.mode === 'new' && <NewEntryDialog accountId={entryAccount} onClose={() => setEntry(null)} />}
      {entry?.mode === 'edit' && (
        <EditEntryDialog
          row={entry.row}
          counterparty={entry.counterparty}
          onSaved={(changed) => {
            // The panel shows the row as saved: fresh from the list when it is still in it.
            const fresh = rows.loadedRows().find((each) => each.id === entry.row.id);
            setDetailsRow(fresh ?? { ...entry.row, ...changed, accountAmountCents: changed.amountCents });
            setEntry(null);
          }}
          onClose={() => setEntry(null)}
        />
      )}
      <p className="tx-help muted">{t('transactions.keyboardHelp')}</p>
      {edits.toast && (
        <UndoToast
          toast={edits.toast}
          onUndo={() => {
            edits.undo();
            focusTable();
          }}
          onClose={edits.dismiss}
        />
      )}
      {edits.confirmDialog}
    </Page>
  );
}
