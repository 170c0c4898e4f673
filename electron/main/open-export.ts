import { shell } from 'electron';
import type { ExportOpening } from '../core/exports/exporter.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Opens a finished export's file in the system's app for its type, or shows it selected in
 * the file manager. The books checked first that an export of this session wrote it and that
 * it is still there; what can still fail is the system's side (no app for the type).
 */
export async function openExport({ path, action }: ExportOpening): Promise<null> {
  if (action === 'reveal') {
    shell.showItemInFolder(path);
    return null;
  }
  // openPath answers with an error message, empty when it opened the file.
  const problem = await shell.openPath(path);
  if (problem) throw new AppError('EXPORT_OPEN_FAILED', `The file could not be opened: ${problem}`, { path });
  return null;
}
