/**
 * Every channel of the contract, fed malformed and odd inputs through the real dispatch
 * and the real handlers over a real SQLite file of books: no failure may come back as
 * the untyped INTERNAL ("something went wrong"), each must carry a code the screen can say
 * (issue 17). Inputs come from a seeded generator that walks each channel's own schema:
 * values of the right shape with odd contents (unknown ids, ids of the books, edge numbers,
 * long and strange text, impossible days), then the same with one part broken (a wrong
 * type, NaN, Infinity, a huge string, a deep object, a field missing or one too many).
 */
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../db/open.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { HandlerMap } from '../../electron/core/ipc/handler-map.ts';
import { hash32, randomStream } from '../../electron/core/sandbox/data/random.ts';
import { type Channel, channels, contract } from '../../electron/shared/contract.ts';
import type { IpcResult } from '../../electron/shared/errors.ts';
import { generateBookRows, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { type Path, withValue, without } from '../support/contract-inputs.ts';
import { handlerSession, type HandlerSession } from '../support/handler-session.ts';
import { ownPluggySession } from '../support/own-pluggy-session.ts';

/** Inputs per channel: each one that passes the contract runs the real handler. */
const casesPerChannel = 30;
/** No handler may hang on an input either. */
const callTimeoutMs = 30_000;

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

/** Ids and numbers the books hold, so that inputs reach real rows as well as missing ones. */
interface Pools {
  strings: string[];
  numbers: number[];
}

/** An object nested `depth` levels. */
const deep = (depth: number): unknown => {
  let value: unknown = { leaf: true };
  for (let level = 0; level < depth; level += 1) value = { nested: value };
  return value;
};

/** What a window could send in place of any value (Electron's IPC clones Dates, Maps, BigInts…). */
const junk: readonly (() => unknown)[] = [
  () => undefined,
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 0.5,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => -1e308,
  () => '',
  () => 'x'.repeat(200_000),
  () => '\u0000\uFFFF\uD800',
  () => "'; DROP TABLE transactions; --",
  () => '2026-02-30',
  () => [],
  () => [null, {}],
  () => ({}),
  () => deep(500),
  () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => 1n,
  () => new Uint8Array(3),
];

const oddTexts = [
  '',
  ' ',
  'a',
  'ção 💸',
  '%',
  '_',
  "' OR 1=1 --",
  '"quoted"',
  '\\',
  '../../etc/passwd',
  '\n\t',
  '*',
  '(',
  '[a-',
  'NaN',
  '-1',
  'null',
  'undefined',
  '0',
];

interface Bounds {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

/** The bounds zod's checks put on a string's length, an array's length or a number. */
function boundsOf(schema: z.ZodType): Bounds {
  const checks =
    (schema as unknown as { _zod: { def: { checks?: { _zod: { def: Record<string, unknown> } }[] } } })._zod.def
      .checks ?? [];
  const bounds: Bounds = {};
  for (const { _zod } of checks) {
    const check = _zod.def;
    if (check.check === 'min_length') bounds.min = check.minimum as number;
    if (check.check === 'max_length') bounds.max = check.maximum as number;
    if (check.check === 'greater_than') {
      bounds.min = check.value as number;
      bounds.exclusiveMin = !check.inclusive;
    }
    if (check.check === 'less_than') {
      bounds.max = check.value as number;
      bounds.exclusiveMax = !check.inclusive;
    }
  }
  return bounds;
}

function randomDay(random: Random): string {
  if (random() < 0.15) return pick(random, ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '1899-12-31']);
  const year = 1990 + Math.floor(random() * 45);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Characters that trip text handling: accents, emoji, joiners, right-to-left, NUL, a lone surrogate, quotes, wildcards. */
const oddCharacters = [
  'a',
  'Z',
  '0',
  ' ',
  'ç',
  'ã',
  '💸',
  '👩‍💻',
  '\u200b',
  '\u202e',
  '\u0000',
  '\ud800',
  '"',
  "'",
  '%',
  '_',
  '*',
  '^',
  ':',
  '(',
  ']',
  '{',
  '\\',
  '/',
  '.',
  '-',
  ',',
  ';',
  '\n',
];

function randomText(random: Random, bounds: Bounds, pools: Pools): string {
  const min = bounds.min ?? 0;
  const max = bounds.max ?? 500;
  const roll = random();
  let text: string;
  if (roll < 0.35 && pools.strings.length > 0) text = pick(random, pools.strings);
  else if (roll < 0.45) text = 'x'.repeat(max);
  else if (roll < 0.55) text = String(Math.floor(random() * 100_000));
  else if (roll < 0.75) text = pick(random, oddTexts);
  else {
    const length = min + Math.floor(random() * (Math.min(max, min + 40) - min + 1));
    text = Array.from({ length }, () => pick(random, oddCharacters)).join('');
  }
  return text.length >= min ? text.slice(0, max) : text.padEnd(min, 'z');
}

function randomNumber(random: Random, bounds: Bounds, pools: Pools, integer: boolean): number {
  const low = bounds.min === undefined ? Number.MIN_SAFE_INTEGER : bounds.min + (bounds.exclusiveMin ? 1 : 0);
  const high = bounds.max === undefined ? Number.MAX_SAFE_INTEGER : bounds.max - (bounds.exclusiveMax ? 1 : 0);
  const candidates = [
    low,
    high,
    0,
    1,
    -1,
    2,
    Math.floor(random() * 1000),
    Math.floor((random() - 0.5) * 2 ** 53),
    ...(pools.numbers.length > 0 ? [pick(random, pools.numbers)] : []),
  ];
  const value = pick(random, candidates);
  const inRange = Math.min(high, Math.max(low, value));
  return integer ? Math.round(inRange) : inRange + (random() < 0.5 ? 0.25 : 0);
}

/**
 * A value of the schema's shape with odd contents, made by walking its definition: optional
 * fields now there and now not, any option of a union, lengths and numbers anywhere within
 * the bounds (and their edges), strings from the books' ids or odd texts.
 */
function randomValue(schema: z.ZodType, random: Random, pools: Pools): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return random() < 0.5 ? undefined : randomValue(def.innerType as z.ZodType, random, pools);
    case 'nullable':
      return random() < 0.2 ? null : randomValue(def.innerType as z.ZodType, random, pools);
    case 'void':
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'pipe':
      return randomValue(def.in as z.ZodType, random, pools);
    case 'string':
      if (def.format === 'date') return randomDay(random);
      if (def.format === 'datetime') return `${randomDay(random)}T12:00:00.000Z`;
      return randomText(random, boundsOf(schema), pools);
    case 'number': {
      const integer = ((def.checks ?? []) as { _zod: { def: { format?: string } } }[]).some(
        (check) => check._zod.def.format === 'safeint',
      );
      return randomNumber(random, boundsOf(schema), pools, integer);
    }
    case 'boolean':
      return random() < 0.5;
    case 'enum':
      return pick(random, Object.values(def.entries as Record<string, string>));
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      const { min = 0, max = 50 } = boundsOf(schema);
      const length = min + Math.floor(random() * (Math.min(max, min + 4) - min + 1));
      return Array.from({ length }, () => randomValue(def.element as z.ZodType, random, pools));
    }
    case 'union':
      return randomValue(pick(random, def.options as z.ZodType[]), random, pools);
    case 'record':
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 3) }, () => [
          randomText(random, {}, pools),
          randomValue(def.valueType as z.ZodType, random, pools),
        ]),
      );
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>)
          .map(([key, field]) => [key, randomValue(field, random, pools)] as const)
          .filter(([, value]) => value !== undefined),
      );
    default:
      throw new Error(`ipc-fuzz: no value for a ${def.type} schema`);
  }
}

/** Every path inside a value (its own fields, array elements, nested), for one to be broken. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((child, index) => [index, child] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...path, key], ...pathsIn(child, [...path, key])]);
}

/** The same value with one part broken: a junk value anywhere, a field gone, one field too many, or junk outright. */
function broken(value: unknown, random: Random): unknown {
  const paths = pathsIn(value);
  const roll = random();
  if (paths.length === 0 || roll < 0.15) return pick(random, junk)();
  const path = pick(random, paths);
  if (roll < 0.3) return without(value, path);
  if (roll < 0.4) return withValue(value, [...path.slice(0, -1), 'unexpected'], pick(random, junk)());
  return withValue(value, path, pick(random, junk)());
}

/** Books to act on: accounts, a few hundred transactions, a rule, a draft reconciliation and an undoable change. */
async function seedBooks(session: { database: OpenedDatabase; call: HandlerSession['call'] }): Promise<Pools> {
  const { db, sqlite } = session.database;
  const accounts = seedReportBooks(db);
  writeBookRows(db, generateBookRows({ count: 400, seed: 4, ...accounts }));
  const some = (sql: string) => sqlite.prepare(sql).pluck().all() as (string | number)[];
  const transactionIds = some('SELECT id FROM transactions ORDER BY id LIMIT 20') as string[];
  await session.call('rules:save', {
    name: 'Uber',
    conditions: [{ field: 'description', operator: 'contains', value: 'MOV' }],
    actions: { usage: 'business' },
  });
  await session.call('transactions:bulk-categorize', { ids: transactionIds.slice(0, 5), categoryId: 'user:misc' });
  await session.call('reconciliation:start', {
    accountId: accounts.checking,
    statementDate: '2026-06-30',
    statementBalanceCents: 100_000,
  });
  return {
    strings: [
      ...(some('SELECT id FROM accounts') as string[]),
      ...(some('SELECT id FROM connections') as string[]),
      ...transactionIds,
      ...(some('SELECT id FROM categories ORDER BY id LIMIT 30') as string[]),
      'missing-id',
    ],
    numbers: [
      ...(some('SELECT id FROM rules') as number[]),
      ...(some('SELECT id FROM reconciliations') as number[]),
      ...(some('SELECT id FROM undo_actions') as number[]),
      999_999,
    ],
  };
}

function withTimeout(answer: Promise<IpcResult<unknown>>): Promise<IpcResult<unknown> | 'timed out'> {
  return Promise.race([
    answer,
    new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), callTimeoutMs).unref()),
  ]);
}

/**
 * Sends a channel its fuzz inputs (the same on every run: a failure can be replayed) and
 * checks the answers: none INTERNAL, none hanging, and some past the contract, so that the
 * handler itself was tested.
 */
async function fuzz(handlers: HandlerMap, channel: Channel, pools: Pools): Promise<void> {
  const schema = contract[channel].input;
  const random = randomStream(hash32('ipc-fuzz', channel));
  const untyped: string[] = [];
  let reachedHandler = 0;
  for (let index = 0; index < casesPerChannel; index += 1) {
    const shaped = randomValue(schema, random, pools);
    const input = index % 2 === 0 ? shaped : broken(shaped, random);
    if (schema.safeParse(input).success) reachedHandler += 1;
    const answer = await withTimeout(dispatch(handlers, channel, input, { validateOutput: true }));
    if (answer === 'timed out' || (!answer.ok && answer.error.code === 'INTERNAL')) {
      untyped.push(`${answer === 'timed out' ? 'timed out' : 'INTERNAL'} for ${describeInput(input)}`);
    }
  }
  expect(untyped).toEqual([]);
  expect(reachedHandler, 'inputs the contract took').toBeGreaterThan(0);
}

const title = '%s answers malformed and odd inputs with typed errors, never INTERNAL';

describe('IPC fuzz, in demo mode', () => {
  const session = handlerSession();

  it.each(channels)(
    title,
    async (channel: Channel) => fuzz(session.handlers, channel, await seedBooks(session)),
    300_000,
  );
});

describe("IPC fuzz, with the user's own Pluggy application", () => {
  const own = ownPluggySession();
  /** The channels that go to Pluggy, or to the keys: the rest do not depend on the mode. */
  const pluggyChannels = channels.filter((channel) => /^(pluggy-account|demo-data|connect)/.test(channel));

  it.each(pluggyChannels)(
    title,
    async (channel: Channel) => {
      const pools = await seedBooks(own);
      await own.call('pluggy-account:save', own.pluggy.sandbox.credentials);
      // A bank linked at Pluggy (as the widget would), for inputs to name.
      const created = await own.pluggy.call('POST', '/items', {
        body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
      });
      pools.strings.push((created.body as { id: string }).id);
      await fuzz(own.handlers, channel, pools);
    },
    300_000,
  );
});

/** An input, short enough to read in a failure message. */
function describeInput(input: unknown): string {
  if (input === undefined) return 'undefined';
  const text = JSON.stringify(input, (_key, value: unknown) =>
    typeof value === 'bigint'
      ? `${value}n`
      : typeof value === 'string' && value.length > 80
        ? `${value.slice(0, 20)}…(${value.length})`
        : value,
  );
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
