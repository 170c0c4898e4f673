import { createRequire } from 'node:module';

/** A finding of @doyensec/csp-evaluator (the evaluator Electronegativity's CSP check is built on, a port of Google's). */
export interface CspFinding {
  type: number;
  description: string;
  severity: number;
  directive: string;
  value?: string;
}
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: number) => { evaluate(): CspFinding[] };
  Version: { CSP3: number };
}

const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;

export function evaluateCsp(policy: string): CspFinding[] {
  const parsed = new cspEvaluator.CspParser(policy);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
}

/**
 * Findings reviewed and accepted. The evaluator warns that `'self'` scripts can be abused
 * where the origin also hosts JSONP, Angular templates or user uploads; app://balancete
 * serves only the files Balancete's build produced, none of those.
 */
export const reviewedCspFindings = [{ directive: 'script-src', value: "'self'" }];

/** What the evaluator finds in a policy beyond the reviewed findings. */
export function unreviewedCspFindings(policy: string): CspFinding[] {
  return evaluateCsp(policy).filter(
    (finding) => !reviewedCspFindings.some((ok) => ok.directive === finding.directive && ok.value === finding.value),
  );
}
