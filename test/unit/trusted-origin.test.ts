import { describe, expect, it } from 'vitest';
import { isTrustedOrigin, originOf } from '../../electron/core/ipc/trusted-origin.ts';

describe('originOf', () => {
  it('keeps scheme, host and port, including for the app scheme', () => {
    expect(originOf('app://balancete/index.html#/accounts')).toBe('app://balancete');
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(originOf('https://balancete.test/connect.html?x=1')).toBe('https://balancete.test');
  });

  it('has no origin for opaque or host-less URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'data:text/html,hi',
      'about:blank',
      'blob:app://balancete/1',
      'not a url',
      '',
    ]) {
      expect(originOf(url)).toBeNull();
    }
    expect(originOf(undefined)).toBeNull();
  });
});

describe('isTrustedOrigin', () => {
  const trusted = ['app://balancete'];

  it('accepts our own pages', () => {
    expect(isTrustedOrigin('app://balancete/index.html', trusted)).toBe(true);
    expect(isTrustedOrigin('app://balancete/connect.html#/x', trusted)).toBe(true);
  });

  it('rejects look-alikes and everything else', () => {
    for (const url of [
      'app://balancete.evil/index.html',
      'app://evil/index.html',
      'https://balancete/index.html',
      'app://user@evil/index.html',
      'file:///work/out/renderer/index.html',
      'https://connect.pluggy.ai/',
    ]) {
      expect(isTrustedOrigin(url, trusted), url).toBe(false);
    }
  });
});
