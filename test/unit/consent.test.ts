import { describe, expect, it } from 'vitest';
import { consentNoticeKey, consentStanding, consentWarningDays } from '../../electron/core/sync/consent.ts';

const day = 24 * 3600 * 1000;
const end = '2027-03-10T15:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(end) - ms);

describe('an Open Finance consent’s standing', () => {
  it('is valid until 15 days before its end, then ending, counted in São Paulo calendar days', () => {
    expect(consentWarningDays).toBe(15);
    expect(consentStanding(end, before(16 * day))).toEqual({ expiresAt: end, state: 'valid', daysLeft: 16 });
    expect(consentStanding(end, before(15 * day))).toEqual({ expiresAt: end, state: 'expiring', daysLeft: 15 });
    // The last day, to the hour: "ends today".
    expect(consentStanding(end, before(60 * 60 * 1000))).toEqual({ expiresAt: end, state: 'expiring', daysLeft: 0 });
  });

  it('is over from its end on', () => {
    expect(consentStanding(end, new Date(end))).toEqual({ expiresAt: end, state: 'expired', daysLeft: 0 });
    expect(consentStanding(end, new Date(Date.parse(end) + 40 * day))).toMatchObject({ state: 'expired', daysLeft: 0 });
  });

  it('counts the bank’s days: late evening in São Paulo is already the next day in UTC', () => {
    // 01:30 UTC on the 11th is 22:30 on the 10th in São Paulo: one day to go, not zero.
    const late = '2027-03-11T01:30:00.000Z';
    expect(consentStanding(late, new Date('2027-03-09T16:00:00.000Z'))).toMatchObject({ daysLeft: 1 });
  });

  it('is none without an end (not Open Finance, or a consent that never ends)', () => {
    expect(consentStanding(null, new Date())).toBeNull();
    expect(consentStanding('not a date', new Date())).toBeNull();
  });

  it('is told once per state and end: a renewal (a new end) starts afresh', () => {
    const key = (expiresAt: string, now: Date) => {
      const standing = consentStanding(expiresAt, now);
      return standing && consentNoticeKey(standing);
    };
    expect(key(end, before(10 * day))).toBe(key(end, before(9 * day)));
    expect(key(end, before(10 * day))).not.toBe(key(end, before(-day)));
    expect(key('2028-03-10T15:00:00.000Z', before(10 * day))).not.toBe(key(end, before(10 * day)));
  });
});
