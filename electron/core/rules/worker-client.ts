import { Worker } from 'node:worker_threads';
import type { RuleApplyProgress, RuleApplyResult } from '../../shared/rules.ts';

export interface ApplyWorkerData {
  file: string;
  ruleIds?: readonly number[];
}

export type ApplyWorkerMessage =
  { type: 'progress'; progress: RuleApplyProgress } | { type: 'done'; result: RuleApplyResult };

/** The worker's entry next to this module: the .ts source when run from source, the built .js in the app bundle. */
const workerUrl = new URL(`./apply-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The apply running now: the next waits for it rather than for its write lock (busy_timeout is 5 s). */
let running: Promise<unknown> = Promise.resolve();

/**
 * Applies the rules to every live transaction in a worker thread (design.md §1: re-applying
 * to 100k rows must not block main's event loop), with progress as it goes. Resolves with
 * the counts and the undo id once the worker committed; rejects if it failed (nothing was
 * written then: its work is one transaction). One apply at a time.
 */
export function applyRulesInWorker(
  file: string,
  options: { ruleIds?: readonly number[]; onProgress?: (progress: RuleApplyProgress) => void } = {},
): Promise<RuleApplyResult> {
  const data: ApplyWorkerData = { file, ...(options.ruleIds ? { ruleIds: options.ruleIds } : {}) };
  const run = running.then(() => runWorker(data, options.onProgress));
  running = run.catch(() => undefined);
  return run;
}

function runWorker(
  data: ApplyWorkerData,
  onProgress: ((progress: RuleApplyProgress) => void) | undefined,
): Promise<RuleApplyResult> {
  const worker = new Worker(workerUrl, { workerData: data });
  return new Promise((resolve, reject) => {
    let result: RuleApplyResult | null = null;
    worker.on('message', (message: ApplyWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else result = message.result;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The rules worker stopped (exit code ${code}) before it finished`));
    });
  });
}
