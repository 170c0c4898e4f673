/**
 * An export's worker starts while the save dialog is open (issue 8: the file follows the
 * click on Save): it writes only once told where, is stopped when no path is chosen, and a
 * cancel while the dialog is open leaves nothing behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { Exporter } from '../../electron/core/exports/exporter.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let exporter: Exporter;

beforeEach(() => {
  temp = makeTempDir('balancete-destination-');
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  const { checking } = seedTwoAccounts(database.db);
  new ProviderTransactionWriter(database.sqlite).write(
    generateProviderTransactions({ count: 300, accountId: checking }),
  );
  exporter = new Exporter(database.sqlite, () => {});
});
afterEach(() => {
  database.close();
  temp.remove();
});

/** The save dialog's stand-in: answered when the test says. */
function dialog() {
  let answer: (path: string | null) => void = () => {};
  const chosen = new Promise<string | null>((resolve) => (answer = resolve));
  return { chosen, answer };
}

const files = () => readdirSync(temp.path).filter((name) => !name.startsWith('balancete.sqlite'));

describe('an export and its save dialog', () => {
  it('writes once the dialog answers, and only then (a row the user adds meanwhile is in the file)', async () => {
    const { chosen, answer } = dialog();
    const exporting = exporter.csv({ dialect: 'en' }, chosen);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(files()).toEqual([]);
    new ProviderTransactionWriter(database.sqlite).write(
      generateProviderTransactions({ count: 1, accountId: 'acc-checking', idPrefix: 'late' }),
    );
    const path = join(temp.path, 'transactions.csv');
    answer(path);
    expect(await exporting).toEqual({ path, rows: 301 });
    expect(readFileSync(path, 'utf8')).toContain('late-000000');
    expect(files()).toEqual(['transactions.csv']);
  });

  it('stops the worker and writes nothing when the dialog is closed without a path', async () => {
    const { chosen, answer } = dialog();
    const exporting = exporter.xlsx({}, chosen, 'pt-BR');
    answer(null);
    expect(await exporting).toBeNull();
    expect(files()).toEqual([]);
    expect(exporter.cancel()).toEqual({ cancelled: 0 });
  });

  it('is cancelled while the dialog is open: the answer that follows writes nothing', async () => {
    const { chosen, answer } = dialog();
    const exporting = exporter.csv({ dialect: 'pt-BR' }, chosen);
    expect(exporter.cancel()).toEqual({ cancelled: 1 });
    answer(join(temp.path, 'late.csv'));
    await expect(exporting).rejects.toMatchObject({ code: 'EXPORT_CANCELLED' });
    expect(files()).toEqual([]);
  });
});
