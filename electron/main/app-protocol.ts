import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { resolveStaticFile, staticContentTypes } from '../core/static-files.ts';
import { contentSecurityPolicy, cspPageOf } from '../shared/csp.ts';

/**
 * Balancete's pages are served from `app://balancete/…` rather than file://: a real,
 * unique origin for the IPC sender check and the CSP, and no access to the rest of the
 * file system.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://balancete`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves files below `rendererDir` in a session (the default one unless given); anything
 * else is a 404. Each page's CSP also goes out as a header, and Chromium enforces both it
 * and the page's <meta> tag: only the Connect window's session sends the Connect page's
 * policy (the one that may frame Pluggy's widget). Loaded in any other session that page
 * gets the main window's policy, and the widget cannot load there.
 */
export function serveAppScheme(
  rendererDir: string,
  options: { session?: Session; connectWindow?: boolean } = {},
): void {
  (options.session?.protocol ?? protocol).handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (url.host !== 'balancete' || !file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Type', staticContentTypes[extname(file)] ?? 'application/octet-stream');
    const page = options.connectWindow ? cspPageOf(url.pathname) : 'main';
    headers.set('Content-Security-Policy', contentSecurityPolicy({ page }));
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
