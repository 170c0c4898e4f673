/**
 * Worker-thread entry of "apply rules to existing transactions" (see worker-client.ts): opens
 * its own connection to the database file (WAL lets it write while main keeps reading),
 * applies, reports progress and the result, and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/open.ts';
import { applyRulesToExisting } from './apply.ts';
import type { RuleApplyResult } from '../../shared/rules.ts';
import type { ApplyWorkerData, RulesWorkerMessage } from './worker-client.ts';

const { file, ruleIds } = workerData as ApplyWorkerData;
const post = (message: RulesWorkerMessage<RuleApplyResult>) => parentPort?.postMessage(message);
const database = openDatabase(file, { migrate: false });
try {
  const result = applyRulesToExisting(database, {
    ...(ruleIds ? { ruleIds } : {}),
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', result });
} finally {
  database.close();
}
