import { join } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { ProviderTransactionWriter } from '../electron/core/books/provider-transactions.ts';
import { startReconciliation, tickLines } from '../electron/core/books/reconciliation/drafts.ts';
import { finishReconciliation, undoLastReconciliation } from '../electron/core/books/reconciliation/finishing.ts';
import { reconciliationHelp } from '../electron/core/books/reconciliation/help.ts';
import { generateProviderTransactions } from '../test/fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../test/fixtures/seed.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { type Benchmark, median, timeMs } from './harness.ts';

/** A busy freelancer's checking account over three years, all reconciled at once the first time. */
const lineCount = 20_000;
const ticks = 200;

/**
 * The reconciliation screen's round trips on the worst draft a user meets: the first
 * reconciliation of an account with years of history, every line listed. A tick writes
 * and returns the new standing; the helper reads the whole draft and searches sets over
 * its uncleared lines. No design target: a keystroke should be answered well inside
 * 100 ms; the helper, finish and undo are single actions.
 */
export const reconciliationBenchmark: Benchmark = {
  name: 'reconciliation',
  description: `draft of ${lineCount.toLocaleString('en-US')} lines: tick round trip, helper, finish, undo`,
  run() {
    const temp = makeTempDir();
    const database = openDatabase(join(temp.path, 'bench.sqlite'));
    try {
      const { checking } = seedTwoAccounts(database.db);
      const rows = generateProviderTransactions({ count: lineCount, accountId: checking });
      new ProviderTransactionWriter(database.sqlite).write(rows);
      const movement = rows.reduce((sum, row) => sum + row.amountCents, 0);
      const now = new Date();
      const draft = startReconciliation(
        database.db,
        { accountId: checking, statementDate: '2099-12-31', statementBalanceCents: movement, openingBalanceCents: 0 },
        now,
      );
      const ids = draft.lines.map((line) => line.id);
      const tickTimes = ids
        .slice(0, ticks)
        .map((id) => timeMs(() => tickLines(database.db, draft.id, [id], true, now)));
      const sorted = [...tickTimes].sort((a, b) => a - b);
      const tickAll = timeMs(() => tickLines(database.db, draft.id, ids.slice(0, -3), true, now));
      const help = timeMs(() => reconciliationHelp(database.db, draft.id));
      tickLines(database.db, draft.id, ids, true, now);
      const options = { adjustmentCents: null, adjustmentDescription: 'Ajuste', finishedBy: 'bench', now };
      const finish = timeMs(() => finishReconciliation(database.db, draft.id, options));
      const undo = timeMs(() => undoLastReconciliation(database.db, checking, now));
      return [
        { name: `tick one line of ${lineCount}, median`, value: median(tickTimes), unit: 'ms' },
        { name: 'tick one line, p95', value: sorted[Math.floor(sorted.length * 0.95)] ?? 0, unit: 'ms' },
        { name: 'tick all but three', value: tickAll, unit: 'ms' },
        { name: 'helper (3 lines uncleared)', value: help, unit: 'ms' },
        { name: `finish (lock ${lineCount} lines)`, value: finish, unit: 'ms' },
        { name: 'undo it', value: undo, unit: 'ms' },
      ];
    } finally {
      database.close();
      temp.remove();
    }
  },
};
