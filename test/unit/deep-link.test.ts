import { describe, expect, it } from 'vitest';
import { oauthCallbackUrl, parseDeepLink } from '../../electron/core/connect/deep-link.ts';

const state = 'Xq3v8kP0aZ_r-7Lw2mNbYg';

describe('balancete:// deep links', () => {
  it('accepts the OAuth callback connect tokens name, with or without a state', () => {
    expect(oauthCallbackUrl).toBe('balancete://oauth-callback');
    expect(parseDeepLink(oauthCallbackUrl)).toEqual({ state: null });
    expect(parseDeepLink('balancete://oauth-callback/')).toEqual({ state: null });
    expect(parseDeepLink(`balancete://oauth-callback?state=${state}`)).toEqual({ state });
  });

  it('takes the scheme and host in any case, and ignores other parameters (an item id too) and the fragment', () => {
    expect(parseDeepLink(`BALANCETE://OAuth-Callback?state=${state}`)).toEqual({ state });
    expect(
      parseDeepLink(`balancete://oauth-callback?state=${state}&itemId=5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f#done`),
    ).toEqual({ state });
    expect(parseDeepLink('balancete://oauth-callback?status=success&itemId=abc')).toEqual({ state: null });
  });

  it.each([
    ['another scheme', `https://oauth-callback/?state=${state}`],
    ['a look-alike scheme', 'balancetex://oauth-callback'],
    ['another host', 'balancete://settings'],
    ['a host that only starts right', 'balancete://oauth-callback.evil.example'],
    ['a percent-encoded host', 'balancete://oauth%2Dcallback'],
    ['a path', 'balancete://oauth-callback/../../etc/passwd'],
    ['no host', 'balancete:oauth-callback'],
    ['an empty host', 'balancete:///oauth-callback'],
    ['user info', 'balancete://user:secret@oauth-callback'],
    ['a port', 'balancete://oauth-callback:8080'],
    ['two states', `balancete://oauth-callback?state=${state}&state=${state}`],
    ['a state that is a path', 'balancete://oauth-callback?state=%2e%2e%2F%2e%2e%2Fitems%2Fabcdefgh'],
    ['a state with spaces', 'balancete://oauth-callback?state=abcdefgh%20ijklmnop'],
    ['an empty state', 'balancete://oauth-callback?state='],
    ['a state too short to be ours', 'balancete://oauth-callback?state=abc'],
    ['a state too long', `balancete://oauth-callback?state=${'a'.repeat(129)}`],
    ['a link too long', `balancete://oauth-callback?pad=${'x'.repeat(3000)}`],
    ['not a URL', 'balancete'],
    ['javascript', 'javascript:alert(1)'],
    ['an empty string', ''],
  ])('refuses %s', (_what, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: oauthCallbackUrl }, [oauthCallbackUrl]]) {
      expect(parseDeepLink(value)).toBeNull();
    }
  });
});
