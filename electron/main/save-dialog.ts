import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type { SaveSuggestion } from '../core/exports/file-names.ts';

const formatNames: Record<SaveSuggestion['extension'], string> = {
  csv: 'CSV',
  ofx: 'OFX',
  xlsx: 'Excel (XLSX)',
  pdf: 'PDF',
};

/**
 * Where the user wants an export written: the native save dialog, over the main window,
 * starting in Documents with the suggested name. Null when the user closes it.
 */
export async function chooseExportPath(
  parent: BrowserWindow | null,
  { name, extension }: SaveSuggestion,
): Promise<string | null> {
  const options = {
    defaultPath: join(app.getPath('documents'), name),
    filters: [{ name: formatNames[extension], extensions: [extension] }],
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
