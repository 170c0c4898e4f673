import { app, BrowserWindow, dialog, type Session, shell, type WebContents } from 'electron';
import { externalLinkQuestion, externalLinkVerdict } from '../core/connect/external-links.ts';
import { isTrustedOrigin } from '../core/ipc/trusted-origin.ts';
import type { Logger } from '../core/log.ts';
import type { Language } from '../shared/models.ts';

export interface HardeningOptions {
  trustedOrigins: readonly string[];
  /** The hosts of the OAuth pages Pluggy named for the open Connect flow (core/connect/oauth-flow.ts). */
  oauthHosts: () => ReadonlySet<string>;
  /** The language the question about an unknown site is asked in. */
  language: () => Language;
  log: Logger;
}

/**
 * Locks down every web contents and session the app creates, whichever window they
 * belong to: no pop-ups, no navigation away from our own pages, no <webview>, no
 * permissions, and links to the web open in the user's browser instead, at once for the
 * sites Balancete knows and after asking for any other (core/connect/external-links.ts).
 * Must run before the app is ready, so the default session is covered too.
 */
export function hardenWebContents(options: HardeningOptions): void {
  app.on('session-created', denyPermissions);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url, contents, options);
      return { action: 'deny' };
    });
    const blockForeignNavigation = (event: Electron.Event<Electron.WebContentsWillNavigateEventParams>) => {
      if (!isTrustedOrigin(event.url, options.trustedOrigins)) {
        event.preventDefault();
        openInBrowser(event.url, contents, options);
      }
    };
    contents.on('will-navigate', blockForeignNavigation);
    contents.on('will-redirect', blockForeignNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Camera, notifications via the web API, geolocation…: Balancete's pages need none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Hands a link to the user's browser if its verdict allows (asking first where it says so). */
function openInBrowser(url: string, from: WebContents, options: HardeningOptions): void {
  decideAndOpen(url, from, options).catch((error: unknown) => options.log.warn('external-link.failed', { error }));
}

async function decideAndOpen(url: string, from: WebContents, options: HardeningOptions): Promise<void> {
  const verdict = externalLinkVerdict(url, options.oauthHosts());
  if (verdict.action === 'refuse') {
    // Not logged as it is: a refused address may carry anything.
    options.log.warn('external-link.refused', { length: url.length });
    return;
  }
  if (verdict.action === 'ask' && !(await userAgrees(verdict.host, from, options.language()))) {
    options.log.info('external-link.declined', { host: verdict.host });
    return;
  }
  // Only https links the verdict let through (known, or the user said yes to the host named).
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Asks, over the window the link came from, whether to open a site Balancete does not know. */
async function userAgrees(host: string, from: WebContents, language: Language): Promise<boolean> {
  const question = externalLinkQuestion(host, language);
  const box = {
    type: 'question' as const,
    message: question.message,
    detail: question.detail,
    buttons: [question.open, question.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = BrowserWindow.fromWebContents(from);
  const { response } = await (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  return response === 0;
}
