import { describe, expect, it } from 'vitest';
import { descriptionSimilarity, matchDuplicates } from '../../electron/core/imports/import-duplicates.ts';

const held = (
  id: string,
  date: string,
  amountCents: number,
  description: string,
  externalId: string | null = null,
) => ({
  id,
  date,
  amountCents,
  description,
  externalId,
});
const incoming = (line: number, date: string, amountCents: number, description: string, externalId?: string) => ({
  line,
  date,
  amountCents,
  description,
  externalId,
});

describe('matching a statement against the books', () => {
  it("tells a bank's description and a statement's apart from unrelated ones", () => {
    expect(descriptionSimilarity('PIX ENVIADO STUDIO IPE', 'Studio Ipê')).toBe(1);
    expect(descriptionSimilarity('UBER *TRIP 1234', 'Uber Trip')).toBeGreaterThan(0.45);
    expect(descriptionSimilarity('Padaria Pão Quente', 'Posto Shell')).toBeLessThan(0.45);
    expect(descriptionSimilarity('', 'Posto')).toBe(0);
  });

  it('skips a statement id seen before, but not a reused one on another amount or month', () => {
    const books = [held('a', '2026-10-03', -1_000, 'TARIFA', '0000001')];
    const verdicts = matchDuplicates(
      [incoming(1, '2026-10-03', -1_000, 'TARIFA', '0000001'), incoming(2, '2026-11-03', -5_000, 'ALUGUEL', '0000001')],
      books,
    );
    expect(verdicts).toEqual([{ kind: 'seen', existingId: 'a' }, { kind: 'new' }]);
  });

  it("matches a FITID that is a row's own id (Balancete's OFX export)", () => {
    expect(
      matchDuplicates([incoming(1, '2026-10-03', -1_000, 'x', 'tx-1')], [held('tx-1', '2026-10-03', -1_000, 'y')]),
    ).toEqual([{ kind: 'seen', existingId: 'tx-1' }]);
  });

  it('matches each held row once: two equal coffees in the file against one in the books leave one new', () => {
    const verdicts = matchDuplicates(
      [incoming(1, '2026-11-10', -750, 'Café Ipê'), incoming(2, '2026-11-10', -750, 'Café Ipê')],
      [held('c', '2026-11-12', -750, 'CAFE IPE LTDA')],
    );
    expect(verdicts).toEqual([{ kind: 'likely', existingId: 'c', similarity: 1 }, { kind: 'new' }]);
  });

  it('needs the same amount and at most three days apart', () => {
    const books = [held('d', '2026-11-01', -2_000, 'Mercado Bom Preço')];
    expect(matchDuplicates([incoming(1, '2026-11-05', -2_000, 'Mercado Bom Preço')], books)).toEqual([{ kind: 'new' }]);
    expect(matchDuplicates([incoming(1, '2026-11-04', -2_001, 'Mercado Bom Preço')], books)).toEqual([{ kind: 'new' }]);
    expect(matchDuplicates([incoming(1, '2026-11-04', -2_000, 'Mercado Bom Preço')], books)).toMatchObject([
      { kind: 'likely', existingId: 'd' },
    ]);
  });
});
