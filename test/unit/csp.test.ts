import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/shared/csp.ts';

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

  it('relaxes only what Vite needs in development', () => {
    const policy = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
  });
});
