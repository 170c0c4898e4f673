/**
 * `npm run bench [name…]`: runs the benchmarks (all, or those named) on this machine and
 * prints a table, then the same results as JSON. Targets come from design.md §10; a
 * missed target is reported, not failed: benchmarks measure, tests assert.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { type Benchmark, formatTable, machine, type Metric } from './harness.ts';
import { accountRegisterBenchmark } from './account-register.bench.ts';
import { exportsBenchmark } from './exports.bench.ts';
import { mainThreadBenchmark } from './main-thread.bench.ts';
import { pdfReportBenchmark } from './pdf-report.bench.ts';
import { reconciliationBenchmark } from './reconciliation.bench.ts';
import { regexRulesBenchmark } from './regex-rules.bench.ts';
import { reportsBenchmark } from './reports.bench.ts';
import { rulesBenchmark, syncWithRulesBenchmark } from './rules.bench.ts';
import { rendererTransactionsBenchmark } from './renderer-transactions.bench.ts';
import { sandboxThroughputBenchmark } from './sandbox-throughput.bench.ts';
import { statementImportBenchmark } from './statement-import.bench.ts';
import { syncBenchmark, syncIncrementalBenchmark, syncMillionBenchmark } from './sync.bench.ts';
import { transactionsQueryBenchmark } from './transactions-query.bench.ts';
import { writePathBenchmark } from './write-path.bench.ts';

const benchmarks: Benchmark[] = [
  writePathBenchmark,
  sandboxThroughputBenchmark,
  syncBenchmark,
  syncIncrementalBenchmark,
  syncMillionBenchmark,
  syncWithRulesBenchmark,
  rulesBenchmark,
  regexRulesBenchmark,
  mainThreadBenchmark,
  transactionsQueryBenchmark,
  accountRegisterBenchmark,
  rendererTransactionsBenchmark,
  reconciliationBenchmark,
  reportsBenchmark,
  exportsBenchmark,
  pdfReportBenchmark,
  statementImportBenchmark,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const results: { benchmark: string; description: string; metrics: Metric[] }[] = [];
for (const benchmark of benchmarks) {
  if (wanted.length > 0 && !wanted.includes(benchmark.name)) continue;
  console.error(`running ${benchmark.name}: ${benchmark.description}`);
  results.push({ benchmark: benchmark.name, description: benchmark.description, metrics: await benchmark.run() });
}

const report = { date: new Date().toISOString(), machine: machine(), results };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const host = report.machine;
console.log(`\n${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}\n`);
console.log(formatTable(results));
console.log(`\n${JSON.stringify(report)}`);
