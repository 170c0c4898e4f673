import type { SplitPart } from '../../../../electron/shared/categories.ts';
import { parseAmountInput } from '../../components/money-text.ts';

/** A part as the editor holds it: the category chosen ('' for none yet) and the amount as typed. */
export interface DraftPart {
  categoryId: string;
  amountText: string;
}

export interface SplitCheck {
  /** What the parts still have to cover, in cents of the transaction's size (negative: they go over). */
  remainingCents: number;
  /** The parts to save, in the transaction's sign; only when every part is complete and they add up exactly. */
  parts: SplitPart[] | null;
  /** Indexes of parts whose amount is not a positive amount of money. */
  invalidAmounts: number[];
}

/**
 * Checks a split being edited against the transaction. Amounts are typed as sizes (no sign:
 * "150,00" of an expense is R$ 150,00 out of it) and saved in the transaction's sign, as the
 * contract wants; a blank amount counts as nothing yet.
 */
export function checkSplit(amountCents: number, draft: readonly DraftPart[]): SplitCheck {
  const sign = amountCents < 0 ? -1 : 1;
  const invalidAmounts: number[] = [];
  let covered = 0;
  const sizes = draft.map((part, index) => {
    if (part.amountText.trim() === '') return undefined;
    const cents = parseAmountInput(part.amountText);
    if (cents === undefined || cents <= 0) {
      invalidAmounts.push(index);
      return undefined;
    }
    covered += cents;
    return cents;
  });
  const remainingCents = Math.abs(amountCents) - covered;
  const complete =
    draft.length >= 2 &&
    invalidAmounts.length === 0 &&
    remainingCents === 0 &&
    draft.every((part, index) => part.categoryId !== '' && sizes[index] !== undefined);
  const parts = complete
    ? draft.map((part, index) => ({ categoryId: part.categoryId, amountCents: sign * (sizes[index] ?? 0) }))
    : null;
  return { remainingCents, parts, invalidAmounts };
}
