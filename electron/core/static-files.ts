import { isAbsolute, join, normalize, relative } from 'node:path';

/**
 * The file a URL path names below `root`, or null when it would leave `root` (`..`,
 * absolute paths, encoded tricks) or cannot be decoded. Used by main's app:// handler and
 * by the E2E server, so both serve exactly the same files.
 */
export function resolveStaticFile(root: string, urlPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const candidate = normalize(join(root, pathname));
  const inside = relative(root, candidate);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : candidate;
}

export const staticContentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
