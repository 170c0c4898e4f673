import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type OAuthCallbackLink, oauthCallbackUrl } from './deep-link.ts';
import { oauthPageHost } from './external-links.ts';

/** What becomes of a balancete://oauth-callback link (see ConnectFlow.check). */
export type CallbackVerdict = 'accepted' | 'no-open-flow' | 'no-state' | 'wrong-state';

/**
 * The Connect window's flow, as far as Open Finance logins go. Each flow (one Connect
 * window, one thing linked or reconnected) has a random state of its own, which every
 * connect token made meanwhile carries in its `oauthRedirectUri`; Pluggy sends the user
 * back to exactly that address. A callback link is acted on only while that flow is
 * open and only with its state: any web page or program can open balancete:// links,
 * and none of them knows the state. Even then the link only brings the Connect window
 * forward; the connection itself is taken in from the widget's own report, never from
 * a link.
 */
export class ConnectFlow {
  private state: string | null = null;
  /** Hosts of the OAuth pages Pluggy named during this flow (external-links.ts). */
  private readonly oauthHosts = new Set<string>();

  /** The Connect window opened, or now shows something else: a new flow, with a new state. */
  begin(): void {
    // 128 random bits, base64url: what deep-link.ts lets through as a state.
    this.state = randomBytes(16).toString('base64url');
    this.oauthHosts.clear();
  }

  /** The Connect window closed: no callback is expected any more. */
  end(): void {
    this.state = null;
    this.oauthHosts.clear();
  }

  /**
   * Pluggy handed over an OAuth page for a login of this flow (an item's parameter, as the
   * sync engine reads it): its host may open in the browser without asking, until the flow
   * ends. Outside a flow nothing is learnt.
   */
  allowOAuthPage(data: string | null | undefined): void {
    const host = oauthPageHost(data);
    if (host !== null && this.state !== null) this.oauthHosts.add(host);
  }

  knownOAuthHosts(): ReadonlySet<string> {
    return this.oauthHosts;
  }

  /**
   * The `oauthRedirectUri` for a connect token: the open flow's callback with its state.
   * Outside a flow (a token made with no Connect window open) the bare callback, which
   * no flow accepts.
   */
  redirectUri(): string {
    return this.state === null ? oauthCallbackUrl : `${oauthCallbackUrl}?state=${this.state}`;
  }

  check(link: OAuthCallbackLink): CallbackVerdict {
    if (this.state === null) return 'no-open-flow';
    if (link.state === null) return 'no-state';
    const expected = Buffer.from(this.state);
    const given = Buffer.from(link.state);
    return expected.length === given.length && timingSafeEqual(expected, given) ? 'accepted' : 'wrong-state';
  }
}
