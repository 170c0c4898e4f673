import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvReading, ImportResult } from '../../../../electron/shared/imports.ts';
import { useAccounts } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useModalDialog } from '../../components/focus.ts';
import { AccountOptions, SelectInput } from '../own-entries/fields.tsx';
import { type CsvDraft, completeReading } from './csv-reading.ts';
import { statementAccept, readStatementFile, type StatementFile } from './file-bytes.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { useApplyImport, useImportPreview, useUndoImport } from './queries.ts';
import type { DroppedFile } from './StatementImportProvider.tsx';
import { csvOfProblem, statementProblem } from './statement-problem.ts';

/**
 * Importing a statement file (issue 19): the account and the file, then what the file holds
 * as it will be read (an OFX's statement, or a CSV's columns to map), what is new, what the
 * account already holds and what looks like a row it holds, side by side; then what was
 * added, with Desfazer. Nothing is written before "Importar"; a file that cannot be read is
 * said why, naming the line.
 */
export function ImportDialog({
  initialAccountId,
  dropped,
  onClose,
}: {
  initialAccountId?: string;
  /** A file dropped on the window (again while open: it replaces the one chosen). */
  dropped: DroppedFile | null;
  /** The import made, if it stands (not undone): the screen then offers Desfazer a while longer. */
  onClose: (imported: ImportResult | null) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog);
  const accounts = useAccounts();
  const [accountId, setAccountId] = useState(initialAccountId ?? '');
  const account = accounts.data?.find((each) => each.id === accountId);
  const [file, setFile] = useState<StatementFile | null>(null);
  const [reading, setReading] = useState<{ name: string } | null>(null);
  const [readFailed, setReadFailed] = useState<string | null>(null);
  // The CSV reading as the user left it, and the last complete one (what the preview reads with).
  const [draft, setDraft] = useState<CsvDraft | null>(null);
  const [sent, setSent] = useState<CsvReading | undefined>(undefined);
  const [keep, setKeep] = useState<ReadonlySet<number>>(new Set());
  const [adopt, setAdopt] = useState<boolean | null>(null);
  const preview = useImportPreview(file, accountId, sent);
  const apply = useApplyImport();
  const undo = useUndoImport();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  const busy = apply.isPending || undo.isPending;

  const take = (read: StatementFile) => {
    setReading(null);
    setReadFailed(null);
    setFile(read);
    // A new file is read afresh: the account's remembered reading, else what the file suggests.
    setDraft(null);
    setSent(undefined);
    setKeep(new Set());
    setAdopt(null);
  };

  const choose = (chosen: File) => {
    setReading({ name: chosen.name });
    setReadFailed(null);
    readStatementFile(chosen).then(take, () => {
      setReading(null);
      setReadFailed(chosen.name);
    });
  };

  // A file dropped on the window: shown while it is read, then taken as if chosen here.
  const droppedKey = dropped ? `${dropped.id}:${dropped.file ? 'read' : dropped.failed ? 'failed' : 'reading'}` : '';
  const [seenDrop, setSeenDrop] = useState('');
  if (droppedKey !== seenDrop && !result) {
    setSeenDrop(droppedKey);
    if (dropped?.file) take(dropped.file);
    else if (dropped?.failed) {
      setReading(null);
      setReadFailed(dropped.name);
    } else if (dropped) setReading({ name: dropped.name });
  }

  // The field to start in: the account when none is chosen, else the file.
  useEffect(() => {
    const target = accountId ? '.import-file-button input' : '.import-account select';
    dialog.current?.querySelector<HTMLElement>(target)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const changeAccount = (id: string) => {
    setAccountId(id);
    setDraft(null);
    setSent(undefined);
    setKeep(new Set());
    setAdopt(null);
  };

  const changeDraft = (next: CsvDraft) => {
    setDraft(next);
    const complete = completeReading(next);
    if (complete) setSent(complete);
  };

  const data = preview.data;
  const manual = account?.mode === 'manual';
  const canAdopt = Boolean(manual && data?.ofx?.ledgerBalance);
  const adoptBalance = canAdopt && (adopt ?? true);
  const reviewLines = new Set(data?.review.map((row) => row.line) ?? []);
  const kept = [...keep].filter((line) => reviewLines.has(line));
  const count = (data?.newCount ?? 0) + kept.length;
  const csvIncomplete = draft !== null && completeReading(draft) === null;
  // A CSV that does not read as it stands still shows its reading (split as tried, when the
  // error says how), for the user to change it.
  const csvShown = preview.csv;
  const readingChanged = draft !== null && csvShown !== null;
  const problem = preview.error ? statementProblem(preview.error, t, readingChanged) : null;
  const adjustable = csvOfProblem(preview.error) !== null || readingChanged;
  const ready = Boolean(file && account && data && !preview.pending && !preview.error && !csvIncomplete);

  const doApply = () => {
    if (!file || !account || !data || !ready || count === 0) return;
    apply.mutate(
      {
        accountId: account.id,
        fileName: file.name,
        contentBase64: file.contentBase64,
        ...(data.csv ? { csv: sent ?? data.csv.reading } : {}),
        keepLines: kept,
        ...(canAdopt ? { adoptBalance } : {}),
      },
      {
        onSuccess: setResult,
      },
    );
  };

  // The summary shown: focus on Fechar (the button that was pressed is gone).
  const summaryShown = result !== null;
  useEffect(() => {
    if (summaryShown) dialog.current?.querySelector<HTMLElement>('[data-summary-close]')?.focus();
  }, [summaryShown]);

  const doUndo = () => {
    if (!result) return;
    undo.mutate(result.id, { onSuccess: () => setUndone(true) });
  };

  return (
    <dialog
      ref={dialog}
      className="dialog import-dialog"
      aria-labelledby={titleId}
      aria-busy={preview.pending || busy || reading !== null}
      onCancel={(event) => {
        // Escape while an import or its undo runs would hide the outcome.
        if (busy) event.preventDefault();
      }}
      onClose={() => onClose(result && !undone ? result : null)}
    >
      <div className="import-dialog-body">
        <h2 id={titleId}>{result ? t('imports.summary.title') : t('imports.dialog.title')}</h2>
        {result ? (
          <ImportSummaryView
            result={result}
            undone={undone}
            undoing={undo.isPending}
            undoError={undo.error}
            onUndo={doUndo}
          />
        ) : (
          <>
            <div className="import-choose">
              <SelectInput
                className="import-account"
                label={t('imports.dialog.account')}
                value={accountId}
                onChange={changeAccount}
                help={accountId ? null : t('imports.dialog.accountHelp')}
              >
                <AccountOptions accounts={accounts.data?.filter((each) => !each.closed) ?? []} />
              </SelectInput>
              <FilePicker
                file={file}
                reading={reading?.name ?? null}
                onChoose={choose}
                label={file ? t('imports.dialog.otherFile') : t('imports.dialog.chooseFile')}
              />
            </div>
            {readFailed && (
              <div className="notice notice-error" role="alert">
                <p>{t('imports.dialog.readFailed', { name: readFailed })}</p>
              </div>
            )}
            {!file && !reading && <p className="import-drop-hint muted">{t('imports.dialog.dropHint')}</p>}
            {file && !accountId && <p className="notice">{t('imports.dialog.pickAccount')}</p>}
            {file && account && (
              <ImportPreviewView
                account={account}
                preview={preview}
                problem={problem}
                adjustable={adjustable}
                csv={csvShown}
                draft={draft ?? (csvShown ? { ...csvShown.view.reading } : null)}
                edited={draft !== null}
                csvIncomplete={csvIncomplete}
                onDraft={changeDraft}
                keep={keep}
                onKeep={setKeep}
                adoptBalance={canAdopt ? adoptBalance : null}
                onAdoptBalance={setAdopt}
              />
            )}
          </>
        )}
        {preview.error !== null && !problem && !result && <ErrorNotice error={preview.error} />}
        {apply.isError && apply.variables.contentBase64 === file?.contentBase64 && (
          <div className="notice notice-error" role="alert">
            <p>{statementProblem(apply.error, t) ?? t('imports.dialog.applyFailed')}</p>
          </div>
        )}
      </div>
      <div className="actions import-actions">
        {result ? (
          <>
            <span />
            <button type="button" className="primary" data-summary-close="" onClick={() => dialog.current?.close()}>
              {t('imports.summary.close')}
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => dialog.current?.close()}>
              {t('categories.dialog.cancel')}
            </button>
            <button type="button" className="primary" disabled={!ready || count === 0 || busy} onClick={doApply}>
              {apply.isPending
                ? t('imports.dialog.importing')
                : !data || preview.error || csvIncomplete
                  ? // No count while nothing reads: not the last good reading's, nor "1" for none.
                    t('imports.dialog.importIdle')
                  : ready && count === 0
                    ? t('imports.dialog.nothingNew')
                    : t('imports.dialog.import', { count })}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}

/** "Escolher arquivo…": the file input itself, styled as a button (its label), and the file chosen. */
function FilePicker({
  file,
  reading,
  label,
  onChoose,
}: {
  file: StatementFile | null;
  reading: string | null;
  label: string;
  onChoose: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-file">
      <span className="import-file-label">{t('imports.dialog.file')}</span>
      <div className="import-file-row">
        <label className="import-file-button">
          <input
            type="file"
            className="visually-hidden"
            accept={statementAccept}
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen) onChoose(chosen);
              // The same file chosen again (after fixing it) must read again.
              event.target.value = '';
            }}
          />
          {label}
        </label>
        {reading ? (
          <span className="import-file-name" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('imports.dialog.reading', { name: reading })}
          </span>
        ) : file ? (
          <span className="import-file-name" title={file.name}>
            {file.name} <span className="muted">· {formatSize(file.size)}</span>
          </span>
        ) : (
          <span className="import-file-name muted">{t('imports.dialog.noFile')}</span>
        )}
      </div>
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
