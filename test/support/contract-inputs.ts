/**
 * Inputs made from the contract's own schemas (zod's definitions, walked), so the tests
 * that use them cover every channel, and every field a channel gains later, by themselves.
 */
import type { z } from 'zod';

export type Path = readonly (string | number)[];

/** The parts of zod's internal definition the walk reads. */
interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; value?: number; inclusive?: boolean } } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under optional, nullable, default and pipe wrappers: what a value there is checked as. */
export function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return unwrapped(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrapped(def.in);
  return schema;
}

function minimum(def: Def, check: string): number | undefined {
  return def.checks?.map((each) => each._zod.def).find((each) => each.check === check)?.minimum;
}

/**
 * The plainest value the schema's shape takes: required fields only, the shortest strings
 * and arrays allowed (a leap day for a date), the smallest allowed number, the first of an
 * enum or union. Object refinements (a rule needs an action, say) are the caller's: check
 * the value with safeParse.
 */
export function plainValue(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'void':
    case 'undefined':
      return undefined;
    case 'nullable':
    case 'null':
      return null;
    case 'pipe':
      return plainValue(def.in as z.ZodType);
    case 'string':
      if (def.format === 'date') return '2024-02-29';
      if (def.format === 'datetime') return '2024-02-29T12:00:00.000Z';
      return 'a'.repeat(Math.max(1, minimum(def, 'min_length') ?? 1));
    case 'number': {
      const bound = def.checks?.map((each) => each._zod.def).find((each) => each.check === 'greater_than');
      return bound?.value === undefined ? 1 : bound.value + (bound.inclusive ? 0 : 1);
    }
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array':
      return Array.from({ length: minimum(def, 'min_length') ?? 0 }, () => plainValue(def.element as z.ZodType));
    case 'union':
      return plainValue(def.options?.[0] as z.ZodType);
    case 'record':
      return {};
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([key, field]) => [key, plainValue(field)] as const)
          .filter(([, value]) => value !== undefined),
      );
    default:
      throw new Error(`contract-inputs: no plain value for a ${def.type} schema`);
  }
}

export interface Field {
  path: Path;
  /** The field's own schema, wrappers removed. */
  schema: z.ZodType;
  kind: string;
  /** Reached through a union: which option a value takes decides whether the field is there. */
  inUnion: boolean;
}

/**
 * Every field of an input, down to its leaves (strings, numbers, booleans, enums…), with
 * its path: array elements at index 0, union options' fields each at their own path.
 */
export function fieldsOf(schema: z.ZodType, path: Path = [], inUnion = false): Field[] {
  const own = unwrapped(schema);
  const def = defOf(own);
  const field: Field = { path, schema: own, kind: def.type, inUnion };
  switch (def.type) {
    case 'object':
      return [
        ...(path.length > 0 ? [field] : []),
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => fieldsOf(child, [...path, key], inUnion)),
      ];
    case 'array':
      return [field, ...fieldsOf(def.element as z.ZodType, [...path, 0], inUnion)];
    case 'union':
      return [field, ...(def.options ?? []).flatMap((option) => fieldsOf(option, path, true))];
    default:
      return path.length > 0 ? [field] : [];
  }
}

/** Whether a string field is a calendar date or an instant by its own check (a date format, or a date-shaped pattern). */
export function isDateSchema(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'string') return false;
  if (def.format === 'date' || def.format === 'datetime') return true;
  return (def.checks ?? []).some((check) => {
    const pattern = (check._zod.def as { pattern?: RegExp }).pattern;
    return pattern !== undefined && pattern.test('2024-02-29');
  });
}

/** A copy of `value` with `path` set (objects made on the way; arrays of one element). */
export function withValue(value: unknown, path: Path, leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = withValue(list[head], rest, leaf);
    return list;
  }
  const object: Record<string, unknown> =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  object[head] = withValue(object[head], rest, leaf);
  return object;
}

/** A copy of `value` without the last key of `path`. */
export function without(value: unknown, path: Path): unknown {
  const [head, ...rest] = path;
  if (typeof value !== 'object' || value === null || head === undefined) return value;
  if (Array.isArray(value)) {
    return (value as unknown[]).map((each, index) => (index === head ? without(each, rest) : each));
  }
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, child]) =>
      key !== String(head) ? [[key, child]] : rest.length === 0 ? [] : [[key, without(child, rest)]],
    ),
  );
}
