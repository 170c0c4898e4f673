import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../electron/core/connect/deep-link.ts';
import { ConnectFlow } from '../../electron/core/connect/oauth-flow.ts';

/** A callback link as Pluggy would open it, parsed as main parses it. */
function callback(url: string) {
  const link = parseDeepLink(url);
  if (!link) throw new Error(`not a callback: ${url}`);
  return link;
}

describe('the Connect flow and the OAuth callback', () => {
  it('with no Connect window open, tokens get the bare callback and no link is acted on', () => {
    const flow = new ConnectFlow();
    expect(flow.redirectUri()).toBe('balancete://oauth-callback');
    expect(flow.check(callback('balancete://oauth-callback'))).toBe('no-open-flow');
    expect(flow.check(callback('balancete://oauth-callback?state=AAAAAAAAAAAAAAAAAAAAAA'))).toBe('no-open-flow');
  });

  it('an open flow’s tokens carry its state, and only a link with that state is accepted', () => {
    const flow = new ConnectFlow();
    flow.begin();
    const redirectUri = flow.redirectUri();
    expect(redirectUri).toMatch(/^balancete:\/\/oauth-callback\?state=[A-Za-z0-9_-]{22}$/);
    // Pluggy sends the user back to the address as given, perhaps with parameters of its own.
    expect(flow.check(callback(`${redirectUri}&itemId=5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f`))).toBe('accepted');
    expect(flow.check(callback(redirectUri))).toBe('accepted');
    expect(flow.check(callback('balancete://oauth-callback'))).toBe('no-state');
    expect(flow.check(callback('balancete://oauth-callback?itemId=5e9f8f8f'))).toBe('no-state');
    const guessed = redirectUri.replace(/state=./, (kept) => `${kept.slice(0, -1)}${kept.endsWith('A') ? 'B' : 'A'}`);
    expect(flow.check(callback(guessed))).toBe('wrong-state');
    expect(flow.check(callback(`${redirectUri}A`))).toBe('wrong-state');
  });

  it('each flow has a state of its own: a link of an earlier flow, or of a closed one, is not acted on', () => {
    const flow = new ConnectFlow();
    flow.begin();
    const first = flow.redirectUri();
    flow.begin();
    const second = flow.redirectUri();
    expect(second).not.toBe(first);
    expect(flow.check(callback(first))).toBe('wrong-state');
    expect(flow.check(callback(second))).toBe('accepted');
    flow.end();
    expect(flow.check(callback(second))).toBe('no-open-flow');
    expect(flow.redirectUri()).toBe('balancete://oauth-callback');
  });

  it('states are random, not counted', () => {
    const flow = new ConnectFlow();
    const states = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      flow.begin();
      states.add(flow.redirectUri());
    }
    expect(states.size).toBe(200);
  });

  it('learns the host of an OAuth page Pluggy names during the flow, until the flow ends', () => {
    const flow = new ConnectFlow();
    flow.allowOAuthPage('https://auth.banco.example/authorize');
    expect([...flow.knownOAuthHosts()]).toEqual([]);
    flow.begin();
    flow.allowOAuthPage('https://auth.banco.example/authorize?client_id=1');
    flow.allowOAuthPage('data:image/png;base64,iVBORw0KGgo=');
    flow.allowOAuthPage('iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB');
    flow.allowOAuthPage('http://plain.example/authorize');
    flow.allowOAuthPage(null);
    expect([...flow.knownOAuthHosts()]).toEqual(['auth.banco.example']);
    flow.begin();
    expect([...flow.knownOAuthHosts()]).toEqual([]);
    flow.allowOAuthPage('https://login.outro.example/');
    flow.end();
    expect([...flow.knownOAuthHosts()]).toEqual([]);
  });
});
