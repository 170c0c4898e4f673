/**
 * Every date the contract takes is a day that exists (issue 17): an impossible one is
 * refused as INVALID_INPUT through dispatch, before any handler sees it, and a leap day is
 * taken. The date fields are found by walking the contract's schemas, by their check (a
 * date format or a date-shaped pattern) and by their name, so a date field added later is
 * tested without anyone listing it, and one added as a bare string fails here.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { type Channel, channels, contract } from '../../electron/shared/contract.ts';
import { type Field, fieldsOf, isDateSchema, plainValue, withValue } from '../support/contract-inputs.ts';
import { handlerSession } from '../support/handler-session.ts';

const impossibleDays = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31'];
const leapDay = '2024-02-29';

/** Named like a date, but not one: `categories:merge` moves a category `from` one `into` another (ids). */
const notDates: Partial<Record<Channel, readonly string[]>> = { 'categories:merge': ['from'] };

function namedLikeADate(channel: Channel, field: Field): boolean {
  const key = String(field.path.at(-1));
  if (notDates[channel]?.includes(key)) return false;
  return /(date|day)$/i.test(key) || /At$/.test(key) || key === 'from' || key === 'to';
}

/** An instant field takes the leap day at noon UTC, as the books write instants. */
function asField(field: Field, day: string): string {
  return (field.schema as unknown as { _zod: { def: { format?: string } } })._zod.def.format === 'datetime'
    ? `${day}T12:00:00.000Z`
    : day;
}

const dateFields = channels.flatMap((channel) =>
  fieldsOf(contract[channel].input)
    .filter((field) => field.kind === 'string' && (isDateSchema(field.schema) || namedLikeADate(channel, field)))
    .map((field) => ({ channel, field })),
);

describe('dates in the contract', () => {
  const session = handlerSession();

  it('finds the date fields by walking the contract', () => {
    const found = dateFields.map(({ channel, field }) => `${channel} ${field.path.join('.')}`);
    // The walk reaches the ones known today (and any added since).
    expect(found).toEqual(
      expect.arrayContaining([
        'transactions:list filters.from',
        'transactions:totals to',
        'reconciliation:start statementDate',
        'reconciliation:update statementDate',
        'reconciliation:resolve detectedAt',
        'reports:dashboard from',
        'exports:pdf query.to',
        'exports:csv filters.from',
      ]),
    );
    // A date inside a union's option would need that option chosen: extend the test first.
    expect(dateFields.filter(({ field }) => field.inUnion)).toEqual([]);
  });

  it.each(channels.filter((channel) => dateFields.some((each) => each.channel === channel)))(
    '%s refuses impossible days as INVALID_INPUT and takes 29/02/2024',
    async (channel) => {
      const fields = dateFields.filter((each) => each.channel === channel).map(({ field }) => field);
      // Every date field on the leap day: the input the contract takes.
      const valid = fields.reduce<unknown>(
        (input, field) => withValue(input, field.path, asField(field, leapDay)),
        plainValue(contract[channel].input),
      );
      expect(contract[channel].input.safeParse(valid).error?.issues ?? [], channel).toEqual([]);
      const taken = await dispatch(session.handlers, channel, valid);
      if (!taken.ok) expect(taken.error.code, `${channel} on ${leapDay}`).not.toBe('INVALID_INPUT');

      for (const field of fields) {
        for (const day of impossibleDays) {
          const answer = await dispatch(session.handlers, channel, withValue(valid, field.path, asField(field, day)));
          expect(answer, `${channel} ${field.path.join('.')} = ${day}`).toMatchObject({
            ok: false,
            error: { code: 'INVALID_INPUT' },
          });
        }
      }
    },
  );
});
