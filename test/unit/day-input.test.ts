import { describe, expect, it } from 'vitest';
import { parseDayInput } from '../../renderer/src/features/reconciliation/day-input.ts';

describe('a statement date typed as dd/mm/yyyy', () => {
  it('reads days that exist, leap days included', () => {
    expect(parseDayInput('29/02/2024')).toBe('2024-02-29');
    expect(parseDayInput(' 5.3.2026 ')).toBe('2026-03-05');
    expect(parseDayInput('31-12-2026')).toBe('2026-12-31');
  });

  it('reads nothing main would refuse: impossible days and years out of the books', () => {
    for (const text of [
      '30/02/2026',
      '29/02/2025',
      '01/13/2026',
      '31/04/2026',
      '15/01/0202',
      '31/12/1899',
      '2026-02-01',
    ]) {
      expect(parseDayInput(text), text).toBeUndefined();
    }
  });
});
