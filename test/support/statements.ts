import { readFileSync } from 'node:fs';
import { StatementError } from '../../electron/core/imports/statement-errors.ts';
import type { StatementRow } from '../../electron/core/imports/statement-rows.ts';

/** A statement file of test/fixtures/statements, as its bytes. */
export const statementFixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/statements/${name}`, import.meta.url)));

/** The rows' amounts added up, in cents. */
export const sumOf = (rows: readonly StatementRow[]) => rows.reduce((total, row) => total + row.amountCents, 0);

/** The StatementError `run` throws (any other outcome fails the test). */
export function statementFailure(run: () => unknown): StatementError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementError) return error;
    throw error;
  }
  throw new Error('expected a StatementError');
}
