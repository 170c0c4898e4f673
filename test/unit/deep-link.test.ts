import { describe, expect, it } from 'vitest';
import { oauthRedirectUri, parseDeepLink } from '../../electron/core/connect/deep-link.ts';

describe('balancete:// deep links', () => {
  it('accepts the OAuth callback that connect tokens name, with or without an item id', () => {
    expect(oauthRedirectUri).toBe('balancete://oauth-callback');
    expect(parseDeepLink(oauthRedirectUri)).toEqual({ itemId: null });
    expect(parseDeepLink('balancete://oauth-callback/')).toEqual({ itemId: null });
    expect(parseDeepLink('balancete://oauth-callback?itemId=5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f')).toEqual({
      itemId: '5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f',
    });
  });

  it('takes the scheme and host in any case, and ignores other parameters and the fragment', () => {
    expect(parseDeepLink('BALANCETE://OAuth-Callback?itemId=abc-123')).toEqual({
      itemId: 'abc-123',
    });
    expect(parseDeepLink('balancete://oauth-callback?status=success&itemId=abc#done')).toEqual({
      itemId: 'abc',
    });
  });

  it.each([
    ['another scheme', 'https://oauth-callback/?itemId=abc'],
    ['a look-alike scheme', 'balancetex://oauth-callback'],
    ['another host', 'balancete://settings'],
    ['a host that only starts right', 'balancete://oauth-callback.evil.example'],
    ['a percent-encoded host', 'balancete://oauth%2Dcallback'],
    ['a path', 'balancete://oauth-callback/../../etc/passwd'],
    ['no host', 'balancete:oauth-callback'],
    ['an empty host', 'balancete:///oauth-callback'],
    ['user info', 'balancete://user:secret@oauth-callback'],
    ['a port', 'balancete://oauth-callback:8080'],
    ['two item ids', 'balancete://oauth-callback?itemId=a&itemId=b'],
    ['an item id that is a path', 'balancete://oauth-callback?itemId=%2e%2e%2Fitems'],
    ['an item id with spaces', 'balancete://oauth-callback?itemId=a%20b'],
    ['an empty item id', 'balancete://oauth-callback?itemId='],
    ['an item id too long', `balancete://oauth-callback?itemId=${'a'.repeat(101)}`],
    ['a link too long', `balancete://oauth-callback?pad=${'x'.repeat(3000)}`],
    ['not a URL', 'balancete'],
    ['javascript', 'javascript:alert(1)'],
    ['an empty string', ''],
  ])('refuses %s', (_what, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: oauthRedirectUri }, [oauthRedirectUri]]) {
      expect(parseDeepLink(value)).toBeNull();
    }
  });
});
