import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../electron/core/connect/deep-link.ts';
import { ConnectFlow } from '../../electron/core/connect/oauth-flow.ts';
import type { ConnectToken } from '../../electron/shared/models.ts';
import { ownPluggySession } from '../support/own-pluggy-session.ts';

/**
 * The balancete://oauth-callback link end to end in own mode, as main wires it: connect
 * tokens made while a Connect flow is open send Pluggy (the sandbox, over HTTPS) the flow's
 * callback with its state, and the link Pluggy opens with that address is the only one
 * the flow acts on. No link ever takes a connection in: that is the widget's report.
 */
const flow = new ConnectFlow();
const own = ownPluggySession({ oauthRedirectUri: () => flow.redirectUri() });

/** The callback address Pluggy keeps for a connect token (what it redirects the browser to). */
const redirectOf = (token: ConnectToken) =>
  (decodeJwt(token.connectToken) as { options: { oauthRedirectUri: string } }).options.oauthRedirectUri;

describe('the OAuth callback of a Connect flow', () => {
  it('tokens of an open flow carry its state; Pluggy takes the address, and its link is accepted while the flow is open', async () => {
    await own.call('pluggy-account:save', own.pluggy.sandbox.credentials);
    flow.begin();
    const token = await own.call<ConnectToken>('connect-token:create', {});
    const redirect = redirectOf(token);
    expect(redirect).toBe(flow.redirectUri());
    expect(redirect).toMatch(/^balancete:\/\/oauth-callback\?state=[A-Za-z0-9_-]{22}$/);
    // Pluggy (the sandbox) accepts the token for the widget's work.
    expect((await own.pluggy.call('GET', '/connectors?sandbox=true', { key: token.connectToken })).status).toBe(200);

    const link = parseDeepLink(`${redirect}&itemId=5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f`);
    expect(link && flow.check(link)).toBe('accepted');
    // The same flow's later tokens carry the same state: a token refreshed mid-login still matches.
    expect(redirectOf(await own.call<ConnectToken>('connect-token:create', {}))).toBe(redirect);

    flow.end();
    expect(link && flow.check(link)).toBe('no-open-flow');
    expect(own.database.sqlite.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });
  });

  it('a new flow (another link or reconnection) refuses the callback of the one before', async () => {
    await own.call('pluggy-account:save', own.pluggy.sandbox.credentials);
    flow.begin();
    const before = parseDeepLink(redirectOf(await own.call<ConnectToken>('connect-token:create', {})));
    flow.begin();
    const now = parseDeepLink(redirectOf(await own.call<ConnectToken>('connect-token:create', {})));
    expect(before && flow.check(before)).toBe('wrong-state');
    expect(now && flow.check(now)).toBe('accepted');
    flow.end();
  });
});
