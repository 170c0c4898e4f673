import { describe, expect, it } from 'vitest';
import { checkSplit } from '../../renderer/src/features/transactions/split-draft.ts';

describe('checking a split being edited', () => {
  it('gives the parts of an expense in its negative sign once they cover it to the cent', () => {
    const check = checkSplit(-15_000, [
      { categoryId: 'software', amountText: '100,00' },
      { categoryId: 'food', amountText: '50' },
    ]);
    expect(check).toEqual({
      remainingCents: 0,
      invalidAmounts: [],
      parts: [
        { categoryId: 'software', amountCents: -10_000 },
        { categoryId: 'food', amountCents: -5_000 },
      ],
    });
  });

  it('keeps income positive, and reads pt-BR thousands', () => {
    const check = checkSplit(123_456, [
      { categoryId: 'a', amountText: '1.000,00' },
      { categoryId: 'b', amountText: 'R$ 234,56' },
    ]);
    expect(check.parts).toEqual([
      { categoryId: 'a', amountCents: 100_000 },
      { categoryId: 'b', amountCents: 23_456 },
    ]);
  });

  it('says what is left or how far over the parts go, and offers nothing to save', () => {
    const short = checkSplit(-15_000, [
      { categoryId: 'a', amountText: '100,00' },
      { categoryId: 'b', amountText: '49,99' },
    ]);
    expect(short).toMatchObject({ remainingCents: 1, parts: null });
    expect(
      checkSplit(-15_000, [
        { categoryId: 'a', amountText: '100,00' },
        { categoryId: 'b', amountText: '60' },
      ]),
    ).toMatchObject({ remainingCents: -1_000, parts: null });
  });

  it('refuses a part without category, a blank or negative amount, and a single part', () => {
    expect(
      checkSplit(-1_000, [
        { categoryId: '', amountText: '5' },
        { categoryId: 'b', amountText: '5' },
      ]).parts,
    ).toBeNull();
    const negative = checkSplit(-1_000, [
      { categoryId: 'a', amountText: '-5' },
      { categoryId: 'b', amountText: '5' },
      { categoryId: 'c', amountText: 'abc' },
    ]);
    expect(negative).toMatchObject({ invalidAmounts: [0, 2], remainingCents: 500, parts: null });
    expect(
      checkSplit(-1_000, [
        { categoryId: 'a', amountText: '10' },
        { categoryId: 'b', amountText: '' },
      ]),
    ).toMatchObject({ remainingCents: 0, parts: null });
    expect(checkSplit(-1_000, [{ categoryId: 'a', amountText: '10' }]).parts).toBeNull();
  });
});
