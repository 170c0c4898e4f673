/**
 * The arithmetic of reconciling an account to a statement (design.md §8, issue 7), in
 * integer cents: the statement's ending balance must equal the opening balance plus every
 * transaction the user ticked as cleared. Finishing is allowed exactly when it does.
 */

export interface StatementCheck {
  /** The balance the previous reconciliation ended on (or the account's start). */
  openingCents: number;
  /** The ending balance printed on the statement. */
  statementCents: number;
  /** The signed amounts of the transactions ticked as cleared. */
  clearedCents: readonly number[];
}

export interface StatementStanding {
  clearedTotalCents: number;
  /** What the statement says minus what the cleared transactions explain: 0 to finish. */
  differenceCents: number;
  balanced: boolean;
}

export function statementStanding(check: StatementCheck): StatementStanding {
  const cents = [check.openingCents, check.statementCents, ...check.clearedCents];
  // Money is whole cents: a fraction here is a bug upstream, not something to round away.
  if (!cents.every(Number.isSafeInteger)) throw new RangeError('Reconciliation amounts must be whole cents');
  const clearedTotalCents = check.clearedCents.reduce((sum, amount) => sum + amount, 0);
  const differenceCents = check.statementCents - (check.openingCents + clearedTotalCents);
  if (!Number.isSafeInteger(clearedTotalCents) || !Number.isSafeInteger(differenceCents))
    throw new RangeError('Reconciliation amounts beyond what cents can hold exactly');
  return { clearedTotalCents, differenceCents, balanced: differenceCents === 0 };
}
