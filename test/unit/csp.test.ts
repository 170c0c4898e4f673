import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspPageOf, pluggyConnectOrigin } from '../../electron/shared/csp.ts';

interface Finding {
  type: number;
  description: string;
  severity: number;
  directive: string;
  value?: string;
}
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: number) => { evaluate(): Finding[] };
  Version: { CSP3: number };
}

// The evaluator Electronegativity's CSP check is built on (a port of Google's).
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;

function evaluate(policy: string): Finding[] {
  const parsed = new cspEvaluator.CspParser(policy);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
}

/**
 * Findings reviewed and accepted. The evaluator warns that `'self'` scripts can be abused
 * where the origin also hosts JSONP, Angular templates or user uploads; app://balancete
 * serves only the files Balancete's build produced, none of those.
 */
const reviewed = [{ directive: 'script-src', value: "'self'" }];

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
    const findings = evaluate(contentSecurityPolicy()).filter(
      (finding) => !reviewed.some((ok) => ok.directive === finding.directive && ok.value === finding.value),
    );
    expect(findings).toEqual([]);
  });

  it('the evaluator does flag a weak policy (so the test above can fail)', () => {
    expect(evaluate("script-src 'self' 'unsafe-inline' https:").length).toBeGreaterThan(0);
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
    const findings = evaluate(contentSecurityPolicy({ page: 'connect' })).filter(
      (finding) => !reviewed.some((ok) => ok.directive === finding.directive && ok.value === finding.value),
    );
    expect(findings).toEqual([]);
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
