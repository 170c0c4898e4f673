import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The design target, when there is one, and whether this run met it. */
  target?: string;
  met?: boolean;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Metric[]> | Metric[];
}

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Median of repeated timings, in milliseconds. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function formatTable(results: { benchmark: string; metrics: Metric[] }[]): string {
  const rows = results.flatMap(({ benchmark, metrics }) =>
    metrics.map((metric) => [
      benchmark,
      metric.name,
      `${metric.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${metric.unit}`,
      metric.target ?? '',
      metric.met === undefined ? '' : metric.met ? 'met' : 'MISSED',
    ]),
  );
  const header = ['benchmark', 'metric', 'value', 'target', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * A benchmark whose work runs in a process of its own (`entry`), so that its resident
 * memory and its main thread are the app's, not this runner's: the process sends
 * `{ metrics }` and exits.
 */
export function forkedBenchmark(name: string, description: string, entry: URL): Benchmark {
  return {
    name,
    description,
    run: () =>
      new Promise<Metric[]>((resolve, reject) => {
        const child = fork(entry, { stdio: 'inherit' });
        let metrics: Metric[] | undefined;
        child.on('message', (message: { metrics: Metric[] }) => (metrics = message.metrics));
        child.on('error', reject);
        child.on('exit', (code) =>
          metrics
            ? resolve(metrics)
            : reject(new Error(`${name}: its process stopped (exit ${code}) before its figures`)),
        );
      }),
  };
}

/** Main's worst event-loop block during some work, against issue 18's target. */
export function mainBlock(name: string, ms: number): Metric {
  return { name: `main's worst block: ${name}`, value: ms, unit: 'ms', target: '≤ 50', met: ms <= 50 };
}
