/**
 * Balancete's deep links (design.md §6). The operating system hands `balancete://…` URLs
 * to the app; the only one it looks at is where Pluggy sends the user back after logging in
 * to an Open Finance bank in the browser: the connect token's `oauthRedirectUri`. Any web
 * page or program can open a balancete:// link, so everything else is refused, and even
 * that one is acted on only for the Connect flow whose state it carries (oauth-flow.ts).
 */
export const deepLinkScheme = 'balancete';

/** The callback's address; each connect token gets it with its flow's state (oauth-flow.ts). */
export const oauthCallbackUrl = `${deepLinkScheme}://oauth-callback`;

export interface OAuthCallbackLink {
  /** The state of the Connect flow the link claims to end (`?state=`); null when it carries none. */
  state: string | null;
}

/** Far longer than any link Pluggy sends; a longer one is not ours. */
const maxLength = 2048;
/** Our states are base64url (oauth-flow.ts); room for a longer one, nothing else. */
const statePattern = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The OAuth callback link, or null for anything else: another scheme, host or path, user
 * info or a port, more than one state, or one that is not ours in shape. Other query
 * parameters are ignored (Pluggy may add some, such as the item's id; none is acted on).
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
  const states = url.searchParams.getAll('state');
  if (states.length > 1) return null;
  const state = states[0] ?? null;
  if (state !== null && !statePattern.test(state)) return null;
  return { state };
}
