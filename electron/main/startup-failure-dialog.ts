import { app, dialog, shell } from 'electron';
import { startupFailureReason, startupFailureText } from '../core/startup/startup-failure.ts';
import { readStoredLanguage, startupLanguage } from '../core/startup/startup-language.ts';
import type { Logger } from '../core/log.ts';

/**
 * Start-up failed: say why in the user's language, with a button that opens the data
 * folder. Resolves once the user has answered; the caller then quits.
 */
export async function showStartupFailure(
  error: unknown,
  where: { dataDirectory: string; databaseFile: string },
  log: Logger,
): Promise<void> {
  const language = startupLanguage(readStoredLanguage(where.databaseFile), app.getPreferredSystemLanguages());
  const text = startupFailureText(error, { language, dataDirectory: where.dataDirectory });
  // The message shown is logged too: the Electron suite reads it there, a native dialog being out of its reach.
  log.error('app.start-failed', { error, reason: startupFailureReason(error), shown: text.message });
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.openDataFolder, text.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return;
  const problem = await shell.openPath(where.dataDirectory);
  if (problem) log.warn('app.open-data-folder-failed', { problem });
}
