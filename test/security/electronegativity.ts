/**
 * Runs Doyensec's Electronegativity over electron/, and its CSP check over the built
 * pages (out/renderer/*.html: `npm run build` first), and fails on any finding.
 * `npm run lint:security`; part of `npm test`.
 *
 * Three things differ from its plain CLI:
 * - At start-up it downloads fresh translations with `got`; offline, got's retry timer
 *   throws an uncaught error that kills the process after the scan. The request is
 *   answered locally with a network error, which the tool already handles (it falls
 *   back to its bundled English texts).
 * - Checks excluded over electron/ below, each with its reason.
 * - The CSP check's "may be weak" note is accepted only for findings reviewed in
 *   test/security/csp-review.ts (the same list test/unit/csp.test.ts holds the policy to).
 *
 * Every `eng-disable` in electron/ must say why, in a comment at most four lines above it
 * (checked below): a disabled check is a decision someone has to be able to review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { unreviewedCspFindings } from './csp-review.ts';

const excludedChecks: Record<string, string> = {
  // Compares the Electron version against GitHub's release feed: needs the internet.
  // The project follows Electron's current major through npm instead.
  AvailableSecurityFixesGlobalCheck: 'needs network access to GitHub',
  // Looks for a CSP it can read literally; in electron/ ours is built by code
  // (electron/shared/csp.ts), so it can only say "none detected" there. It runs over the
  // built pages instead, which carry the policy in a <meta> tag (below).
  CSPGlobalCheck: 'run over the built pages instead',
};

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
  /** The policy, for CSP findings. */
  sample?: string;
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: unknown[];
  issues: Issue[];
}

const require = createRequire(import.meta.url);
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const got = require(require.resolve('got', { paths: [toolDir] })) as { default: unknown };
got.default = () => Promise.reject(new Error('Balancete runs Electronegativity offline'));
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<RunResult>;
const electronVersion = (require('electron/package.json') as { version: string }).version;
const common = { isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] };

const source = await run({ ...common, input: resolve('electron'), excludeFromScan: Object.keys(excludedChecks) });
console.log(
  `Electronegativity: ${source.atomicChecks} atomic + ${source.globalChecks} global checks over electron/ (Electron ${electronVersion}); excluded: ${Object.keys(excludedChecks).join(', ')}`,
);
const problems = [...source.errors.map((error) => ({ error })), ...source.issues];

// The built pages one by one (the bundles beside them are not for this check, and their syntax
// is newer than the tool's parser): each must carry a policy with no finding beyond the reviewed.
const pagesDir = resolve('out', 'renderer');
const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.html'));
if (pages.length === 0) problems.push({ error: `no built pages in ${pagesDir}: run \`npm run build\` first` });
for (const page of pages) {
  const result = await run({ ...common, input: join(pagesDir, page), customScan: ['CSPGlobalCheck'] });
  problems.push(...result.errors.map((error) => ({ error })));
  for (const issue of result.issues) {
    const reviewedOnly =
      issue.id === 'CSP_GLOBAL_CHECK' && issue.sample && unreviewedCspFindings(issue.sample).length === 0;
    if (!reviewedOnly) problems.push({ ...issue, file: `out/renderer/${page}` });
  }
}
console.log(`Electronegativity: CSP check over the built pages (${pages.join(', ')})`);

// Each disabled check is explained: a comment line (not prettier-ignore) among the four above it.
for (const file of readdirSync('electron', { recursive: true, encoding: 'utf8' }).filter((name) =>
  name.endsWith('.ts'),
)) {
  const lines = readFileSync(join('electron', file), 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line.includes('eng-disable')) return;
    const explained = lines
      .slice(Math.max(0, index - 4), index)
      .some((above) => /^\s*\/\/ (?!prettier-ignore)/.test(above) && !above.includes('eng-disable'));
    if (!explained)
      problems.push({ error: `electron/${file}:${index + 1}: an eng-disable without a comment saying why` });
  });
}

for (const problem of problems) {
  if ('error' in problem) console.error('could not analyse:', problem.error);
  else {
    console.error(
      `${problem.id} ${problem.file}:${problem.location.line}:${problem.location.column} [${problem.severity.name}/${problem.confidence.name}] ${problem.description}${problem.sample ? ` — ${problem.sample}` : ''}`,
    );
  }
}
if (problems.length > 0) {
  console.error(`Electronegativity: ${problems.length} finding(s) or file(s) not analysed`);
  process.exit(1);
}
console.log('Electronegativity: no findings');
