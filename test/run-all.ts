/**
 * `npm test`: every check that can run on this machine, in order, then one summary.
 * typecheck → lint → unit + integration (Vitest) → build → security lint (it checks
 * the built pages' CSP too) → E2E (Playwright + Chromium) → Electron shell (Playwright
 * _electron; skips itself, saying why, where there is no Electron binary). A failing step does not hide the others;
 * steps that need the build are skipped when it fails. Run directly by Node 24.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
  needsBuild?: boolean;
  /** JSON results this step leaves behind, to count tests across runners. */
  report?: { file: string; count: (json: unknown) => Counts };
}
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const reports = 'test-results/reports';
const vitestReport = `${reports}/vitest.json`;
const e2eReport = `${reports}/e2e.json`;
const electronReport = `${reports}/electron.json`;

const countVitest = (json: unknown): Counts => {
  const report = json as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
};
const countPlaywright = (json: unknown): Counts => {
  const { stats } = json as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
};

const steps: Step[] = [
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  {
    name: 'unit + integration',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    report: { file: vitestReport, count: countVitest },
  },
  { name: 'build', command: ['npm', 'run', 'build'] },
  { name: 'security lint', command: ['npm', 'run', 'lint:security'], needsBuild: true },
  {
    name: 'e2e (Chromium)',
    command: ['npx', 'playwright', 'test', '--config', 'playwright.config.ts', '--reporter=list,json'],
    needsBuild: true,
    report: { file: e2eReport, count: countPlaywright },
  },
  {
    name: 'electron shell',
    command: ['npx', 'playwright', 'test', '--config', 'playwright.electron.config.ts', '--reporter=list,json'],
    needsBuild: true,
    report: { file: electronReport, count: countPlaywright },
  },
];

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const outcomes: { name: string; status: 'passed' | 'FAILED' | 'not run'; seconds: number }[] = [];
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
let buildFailed = false;

for (const step of steps) {
  if (step.needsBuild && buildFailed) {
    outcomes.push({ name: step.name, status: 'not run', seconds: 0 });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.command.join(' ')}`);
  const started = performance.now();
  const [command, ...args] = step.command as [string, ...string[]];
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: step.report?.file };
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const passed = result.status === 0;
  outcomes.push({
    name: step.name,
    status: passed ? 'passed' : 'FAILED',
    seconds: (performance.now() - started) / 1000,
  });
  if (step.name === 'build' && !passed) buildFailed = true;
  if (step.report && existsSync(step.report.file)) {
    const counts = step.report.count(JSON.parse(readFileSync(step.report.file, 'utf8')));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
}

console.log('\n━━ summary');
for (const outcome of outcomes) {
  console.log(`${outcome.status.padEnd(8)} ${outcome.name.padEnd(20)} ${outcome.seconds.toFixed(1)} s`);
}
const failedSteps = outcomes.filter((outcome) => outcome.status !== 'passed');
console.log(`steps: ${outcomes.length - failedSteps.length} passed, ${failedSteps.length} failed`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
