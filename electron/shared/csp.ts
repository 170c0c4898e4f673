/** Balancete's pages, each with its own policy. */
export type CspPage = 'main' | 'connect';

/**
 * Where Pluggy's Connect widget is served from: pluggy-connect-sdk's default `url`
 * (pluggy-api.md, Connect Widget). The Connect window frames it and nothing else.
 */
export const pluggyConnectOrigin = 'https://connect.pluggy.ai';

/**
 * The Content-Security-Policy of Balancete's own pages. Built pages carry it in a
 * <meta> tag (injected at build time) and main also sends it as a response header.
 * Nothing inline, nothing remote: the renderer talks to main only through the bridge.
 *
 * The Connect window's page (`page: 'connect'`) differs in two things only, both for
 * Pluggy's widget: it may frame the widget's origin, and it allows inline styles, because
 * the widget's SDK (zoid underneath) builds its modal with <style> elements at run time.
 * Scripts stay `'self'` only; the widget's own code runs inside its cross-origin frame.
 */
export function contentSecurityPolicy(options: { devServerOrigin?: string; page?: CspPage } = {}): string {
  const dev = options.devServerOrigin;
  const connect = options.page === 'connect';
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Vite's dev server injects an inline React-refresh preamble and <style> tags and
    // talks over a websocket; the production build needs none of that.
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': dev || connect ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", dev.replace(/^http/, 'ws')] : ["'self'"],
    'object-src': ["'none'"],
    'frame-src': connect ? [pluggyConnectOrigin] : ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Which page a path of ours is (`/connect.html` is the Connect window's; everything else the main window's). */
export function cspPageOf(pathname: string): CspPage {
  return pathname === '/connect.html' ? 'connect' : 'main';
}
