import { Worker } from 'node:worker_threads';
import { type RuleApplyProgress, type RuleApplyResult, RuleConditions, type RulePreview } from '../../shared/rules.ts';
import { usable } from './engine.ts';

export interface ApplyWorkerData {
  file: string;
  ruleIds?: readonly number[];
}

export interface PreviewWorkerData {
  file: string;
  conditions: RuleConditions;
}

/** What a rules worker posts: progress as it goes (apply only), then its result. */
export type RulesWorkerMessage<Result> =
  { type: 'progress'; progress: RuleApplyProgress } | { type: 'done'; result: Result };

/** A worker's entry next to this module: the .ts source when run from source, the built .js in the app bundle. */
const entry = (name: string) => new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
const applyWorker = entry('apply-worker');
const previewWorker = entry('preview-worker');

/** The apply running now: the next waits for it rather than for its write lock (busy_timeout is 5 s). */
let applying: Promise<unknown> = Promise.resolve();
/** The preview running now: previews take turns, so quick typing never has several scans compete for the cores. */
let previewing: Promise<unknown> = Promise.resolve();

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
  const run = applying.then(() => runWorker<RuleApplyResult>(applyWorker, data, options.onProgress));
  applying = run.catch(() => undefined);
  return run;
}

/**
 * The rule editor's preview (see previewRule), scanned in a worker thread: the editor asks
 * as the user types, and no pattern's scan of 100k rows may hold main's event loop. The
 * patterns are checked here first, so an unusable one is refused at once with its issues
 * (RULE_INVALID), as on save. One preview at a time.
 */
export function previewRuleInWorker(file: string, input: RuleConditions): Promise<RulePreview> {
  const data: PreviewWorkerData = { file, conditions: usable(RuleConditions.parse(input)) };
  const run = previewing.then(() => runWorker<RulePreview>(previewWorker, data));
  previewing = run.catch(() => undefined);
  return run;
}

function runWorker<Result>(
  url: URL,
  data: ApplyWorkerData | PreviewWorkerData,
  onProgress?: (progress: RuleApplyProgress) => void,
): Promise<Result> {
  const worker = new Worker(url, { workerData: data });
  return new Promise((resolve, reject) => {
    let done: { result: Result } | null = null;
    worker.on('message', (message: RulesWorkerMessage<Result>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else done = { result: message.result };
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (done) resolve(done.result);
      else reject(new Error(`The rules worker stopped (exit code ${code}) before it finished`));
    });
  });
}
