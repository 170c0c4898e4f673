import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../electron/core/static-files.ts';

const root = '/app/out/renderer';

describe('resolveStaticFile', () => {
  it('maps URL paths to files below the root', () => {
    expect(resolveStaticFile(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticFile(root, '/assets/caf%C3%A9.png')).toBe(join(root, 'assets/café.png'));
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/%2e%2e/etc/passwd'],
    ['/..%2fsecret'],
    ['/'],
    ['/%E0%A4%A'], // not decodable
    ['/index.html%00.png'],
  ])('refuses %s', (pathname) => {
    expect(resolveStaticFile(root, pathname)).toBeNull();
  });
});
