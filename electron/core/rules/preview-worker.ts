/**
 * Worker-thread entry of the rule editor's preview (see worker-client.ts): opens its own
 * read-only connection to the database file, scans the live transactions, posts what the
 * rule would match, and exits. Not db/open.ts: drizzle and the schema would add most of a
 * second to the start of every preview, and this connection only reads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { RulePreview } from '../../shared/rules.ts';
import { previewRule } from './preview.ts';
import type { PreviewWorkerData, RulesWorkerMessage } from './worker-client.ts';

const { file, conditions } = workerData as PreviewWorkerData;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  sqlite.pragma('busy_timeout = 5000');
  const result = previewRule(sqlite, conditions);
  parentPort?.postMessage({ type: 'done', result } satisfies RulesWorkerMessage<RulePreview>);
} finally {
  sqlite.close();
}
