import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspPageOf, pluggyConnectOrigin } from '../../electron/shared/csp.ts';
import { evaluateCsp, unreviewedCspFindings } from '../security/csp-review.ts';

/** Each directive's sources, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name = '', ...values] = directive.split(' ');
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('has no findings in the evaluator Electronegativity uses, beyond the reviewed one', () => {
    expect(unreviewedCspFindings(contentSecurityPolicy())).toEqual([]);
  });

  it('the evaluator does flag a weak policy (so the test above can fail)', () => {
    expect(evaluateCsp("script-src 'self' 'unsafe-inline' https:").length).toBeGreaterThan(0);
    expect(unreviewedCspFindings("script-src 'self' 'unsafe-inline' https:").length).toBeGreaterThan(0);
  });

  it('allows nothing inline or remote in production', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:|ws:/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
  });

  it("the Connect window's page: Pluggy's widget may be framed and style itself, nothing else changes", () => {
    const main = directives(contentSecurityPolicy());
    const connect = directives(contentSecurityPolicy({ page: 'connect' }));
    expect(pluggyConnectOrigin).toBe('https://connect.pluggy.ai');
    expect(connect['frame-src']).toEqual(['https://connect.pluggy.ai']);
    expect(connect['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect({ ...connect, 'frame-src': main['frame-src'], 'style-src': main['style-src'] }).toEqual(main);
    // Scripts stay our own: the widget's code runs in its own cross-origin frame.
    expect(connect['script-src']).toEqual(["'self'"]);
    expect(connect['connect-src']).toEqual(["'self'"]);
  });

  it("the Connect window's page has no findings beyond the reviewed one either", () => {
    expect(unreviewedCspFindings(contentSecurityPolicy({ page: 'connect' }))).toEqual([]);
  });

  it("the main window's page stays as strict, and only connect.html is the Connect window's page", () => {
    expect(contentSecurityPolicy({ page: 'main' })).toBe(contentSecurityPolicy());
    expect(directives(contentSecurityPolicy())['frame-src']).toEqual(["'none'"]);
    expect(cspPageOf('/connect.html')).toBe('connect');
    for (const path of ['/index.html', '/', '/connect.html/', '/assets/connect.js', '/CONNECT.HTML']) {
      expect(cspPageOf(path), path).toBe('main');
    }
  });

  it('relaxes only what Vite needs in development', () => {
    const policy = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
  });
});
