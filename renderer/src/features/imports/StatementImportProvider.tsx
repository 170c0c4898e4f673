import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import type { ImportResult } from '../../../../electron/shared/imports.ts';
import { isStatementFile, readStatementFile, type StatementFile } from './file-bytes.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { ImportToast } from './ImportToast.tsx';
import './imports.css';

export interface ImportRequest {
  /** The account to import into, when the screen has one (an account's register). */
  accountId?: string;
  /** A file already chosen (dropped on the window). */
  file?: File;
}

/** A file dropped on the window: being read, read, or unreadable. */
export interface DroppedFile {
  id: number;
  name: string;
  file: StatementFile | null;
  failed: boolean;
}

interface StatementImport {
  open: (request?: ImportRequest) => void;
}

const StatementImportContext = createContext<StatementImport | null>(null);

/** Opens the import flow; null outside the main window's shell. */
export function useStatementImport(): StatementImport | null {
  return useContext(StatementImportContext);
}

/** Whether a drag carries files (not text or a link dragged within the page). */
const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));

/**
 * The statement import flow for the whole main window: the dialog (opened by "Importar
 * extrato…" or by dropping a file anywhere on the window), and after an import the notice
 * with Desfazer. Dropped while the dialog is open, a file replaces the one in it.
 */
export function StatementImportProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const register = useMatch('/accounts/:id');
  const registerAccount = register?.params.id;
  const [session, setSession] = useState<{ accountId?: string; id: number } | null>(null);
  const [dropped, setDropped] = useState<DroppedFile | null>(null);
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [toast, setToast] = useState<ImportResult | null>(null);
  const counter = useRef(0);
  const next = () => (counter.current += 1);

  const open = useCallback((request: ImportRequest = {}) => {
    setToast(null);
    setSession((current) => current ?? { accountId: request.accountId, id: next() });
    const { file } = request;
    if (!file) return;
    // Read here, in the drop's own handler: the dialog shows it being read, then takes it.
    const id = next();
    setDropped({ id, name: file.name, file: null, failed: false });
    readStatementFile(file).then(
      (read) => setDropped((current) => (current?.id === id ? { ...current, file: read } : current)),
      () => setDropped((current) => (current?.id === id ? { ...current, failed: true } : current)),
    );
  }, []);

  // Dropping a file anywhere on the window: the browser would otherwise open it in place of the app.
  const latest = useRef({ open, registerAccount });
  useEffect(() => {
    latest.current = { open, registerAccount };
  });
  useEffect(() => {
    let leaving: ReturnType<typeof setTimeout> | undefined;
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      clearTimeout(leaving);
      // No dragover for a moment: the drag left the window (dragleave fires for every child crossed).
      leaving = setTimeout(() => setDragging(false), 200);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      clearTimeout(leaving);
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (!isStatementFile(file.name)) {
        setRefused(file.name);
        return;
      }
      setRefused(null);
      latest.current.open({ accountId: latest.current.registerAccount, file });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(leaving);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const value = useMemo(() => ({ open }), [open]);
  const close = useCallback(() => {
    setSession(null);
    setDropped(null);
  }, []);
  const dismissRefused = useCallback(() => setRefused(null), []);
  const dismissToast = useCallback(() => setToast(null), []);

  return (
    <StatementImportContext.Provider value={value}>
      {children}
      {dragging && !session && (
        <div className="import-drop-overlay" aria-hidden="true">
          <p>{t('imports.drop.overlay')}</p>
        </div>
      )}
      {session && (
        <ImportDialog
          key={session.id}
          initialAccountId={session.accountId}
          dropped={dropped}
          onClose={(imported) => {
            close();
            if (imported) setToast(imported);
          }}
        />
      )}
      {refused && <ImportToast kind="refused" fileName={refused} onClose={dismissRefused} />}
      {toast && !refused && <ImportToast kind="imported" result={toast} onClose={dismissToast} />}
    </StatementImportContext.Provider>
  );
}
