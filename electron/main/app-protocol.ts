import { statSync } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/csp.ts';

/**
 * Balancete's pages are served from `app://balancete/…` rather than file://: a real,
 * unique origin for the IPC sender check and the CSP, and no access to the rest of the
 * file system.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://balancete`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files below `rendererDir`; anything else is a 404. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = resolveInside(rendererDir, decodeURIComponent(url.pathname));
    if (url.host !== 'balancete' || !file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function resolveInside(root: string, pathname: string): string | null {
  const candidate = normalize(join(root, pathname));
  const rel = relative(root, candidate);
  return rel.startsWith('..') || isAbsolute(rel) ? null : candidate;
}
