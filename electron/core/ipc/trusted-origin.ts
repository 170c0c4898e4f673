/**
 * Whether a request comes from one of our own pages. Main checks the sender frame's URL
 * on every IPC call; the E2E bridge applies the same check to the page's frame.
 */
export function isTrustedOrigin(frameUrl: string | undefined, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(frameUrl);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * `scheme://host[:port]` of a URL, or null when it has none. WHATWG's `URL.origin` is
 * "null" for schemes it does not know, such as the app's own `app://` scheme, which
 * Chromium treats as a standard scheme with a real origin; so it is derived here.
 * file:, data:, blob: and about: URLs have no host and are never trusted.
 */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.protocol === 'file:' || parsed.protocol === 'blob:') return null;
  return `${parsed.protocol}//${parsed.host}`;
}
