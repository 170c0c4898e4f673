/**
 * Balancete's deep links (design.md §6). The operating system hands `balancete://…` URLs
 * to the app; the only one it acts on is where Pluggy sends the user back after logging in
 * to an Open Finance bank in the browser: the connect token's `oauthRedirectUri`. Any web
 * page or program can open a balancete:// link, so everything else is refused.
 */
export const deepLinkScheme = 'balancete';

/** Given to Pluggy with every connect token (pluggy-api.md: https, or an app deep link). */
export const oauthRedirectUri = `${deepLinkScheme}://oauth-callback`;

export interface OAuthCallbackLink {
  /** The item Pluggy says the login was for, when it passes one (`?itemId=`); never trusted as it is. */
  itemId: string | null;
}

/** Far longer than any link Pluggy sends; a longer one is not ours. */
const maxLength = 2048;
/** Pluggy's item ids are UUIDs; letters, digits and dashes leave room for other id shapes and nothing else. */
const itemIdPattern = /^[A-Za-z0-9-]{1,100}$/;

/**
 * The OAuth callback link, or null for anything else: another scheme, host or path, user
 * info or a port, more than one item id, or one that is not an id. Other query parameters
 * are ignored (Pluggy may add some; none is acted on).
 */
export function parseDeepLink(raw: unknown): OAuthCallbackLink | null {
  if (typeof raw !== 'string' || raw.length > maxLength) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:`) return null;
  if (url.username || url.password || url.port) return null;
  // The host of a non-special URL keeps its case; operating systems differ in what they pass on.
  if (url.hostname.toLowerCase() !== 'oauth-callback') return null;
  if (url.pathname !== '' && url.pathname !== '/') return null;
  const itemIds = url.searchParams.getAll('itemId');
  if (itemIds.length > 1) return null;
  const itemId = itemIds[0] ?? null;
  if (itemId !== null && !itemIdPattern.test(itemId)) return null;
  return { itemId };
}
