import { app, type Session, shell } from 'electron';
import { isTrustedOrigin } from '../core/ipc/trusted-origin.ts';

/**
 * Locks down every web contents and session the app creates, whichever window they
 * belong to: no pop-ups, no navigation away from our own pages, no <webview>, no
 * permissions, and links to the web open in the user's browser instead.
 * Must run before the app is ready, so the default session is covered too.
 */
export function hardenWebContents(trustedOrigins: readonly string[]): void {
  app.on('session-created', denyPermissions);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url);
      return { action: 'deny' };
    });
    const blockForeignNavigation = (event: Electron.Event<Electron.WebContentsWillNavigateEventParams>) => {
      if (!isTrustedOrigin(event.url, trustedOrigins)) {
        event.preventDefault();
        openInBrowser(event.url);
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

function openInBrowser(url: string): void {
  // Only plain web links leave the app; never file:, custom schemes or javascript:.
  if (url.startsWith('https://')) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (https only)
}
