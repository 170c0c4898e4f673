import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The `.js` suffix matters: ajv has no `exports` map, so Node's ESM loader needs the full file name.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validates JSON bodies against Pluggy's OpenAPI 3.1 spec, so fixtures and fakes can be checked
 * against the documented contract instead of against our own idea of it.
 *
 * The spec is Pluggy's own, copied unchanged into test/fixtures/pluggy/ from the project's shared
 * folder so the suite runs from any clone; PLUGGY_OAS_PATH points at another copy (say, a newer one).
 */

type Validator = (value: unknown) => string[];

interface SpecResponse {
  $ref?: string;
  content?: Record<string, { schema?: unknown } | undefined>;
}
interface SpecOperation {
  responses?: Record<string, SpecResponse | undefined>;
}
interface Spec {
  paths?: Record<string, Record<string, SpecOperation | undefined> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

// A made-up URI: it only has to be stable so `pluggy-oas3#/components/...` pointers resolve.
const specId = 'pluggy-oas3';
const maxListedErrors = 10;

let loaded: { spec: Spec; ajv: Ajv2020 } | undefined;
const schemaCache = new Map<string, Validator>();
const responseCache = new Map<string, Validator>();

export function specPath(): string {
  // Relative to the cwd, which is the repo root under Vitest and npm scripts.
  return process.env.PLUGGY_OAS_PATH ?? resolve('test', 'fixtures', 'pluggy', 'pluggy-oas3.json');
}

function load(): { spec: Spec; ajv: Ajv2020 } {
  if (loaded) return loaded;
  const file = specPath();
  let spec: Spec;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  } catch (error) {
    throw new Error(`Cannot read Pluggy's OpenAPI spec at ${file} (set PLUGGY_OAS_PATH to override)`, {
      cause: error,
    });
  }
  const ajv = new Ajv2020({
    // OpenAPI sprinkles its own keywords (example, discriminator, xml, externalDocs…) through schemas.
    strict: false,
    allErrors: true,
    validateFormats: true,
    // The whole OpenAPI document is registered as one "schema"; it is not meant to pass the meta-schema.
    validateSchema: false,
  });
  addFormats(ajv);
  // Not a JSON Schema or OpenAPI registry format, but the spec uses it on `type: number` fields
  // (Connector.id, Transaction.order…) to mean "whole number". Enforce that rather than ignore it.
  ajv.addFormat('integer', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(spec, specId);
  loaded = { spec, ajv };
  return loaded;
}

function readable(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (Array.isArray(params.allowedValues)) detail = `: ${JSON.stringify(params.allowedValues)}`;
  else if (typeof params.additionalProperty === 'string') detail = `: '${params.additionalProperty}'`;
  return `${where} ${error.message ?? error.keyword}${detail} (${error.schemaPath})`;
}

function wrap(validate: ValidateFunction): Validator {
  return (value) => {
    if (validate(value)) return [];
    // anyOf/oneOf branches often report the same failure more than once.
    return [...new Set((validate.errors ?? []).map(readable))];
  };
}

function compileRef(ref: string): Validator {
  const validate = load().ajv.getSchema(`${specId}${ref}`);
  if (!validate) throw new Error(`Pluggy spec: cannot compile ${ref}`);
  return wrap(validate);
}

/** A validator for `#/components/schemas/<schemaName>`. */
export function schemaValidator(schemaName: string): Validator {
  const cached = schemaCache.get(schemaName);
  if (cached) return cached;
  if (load().spec.components?.schemas?.[schemaName] === undefined) {
    throw new Error(`Pluggy spec has no schema components.schemas.${schemaName}`);
  }
  const validator = compileRef(`#/components/schemas/${encodePointer(schemaName)}`);
  schemaCache.set(schemaName, validator);
  return validator;
}

/**
 * A validator for the `application/json` body of `method path` answering `status` (falling back
 * to the operation's `default` response). `path` is the template as written in the spec.
 */
export function responseValidator(method: string, path: string, status: number): Validator {
  const verb = method.toLowerCase();
  const key = `${verb} ${path} ${status}`;
  const cached = responseCache.get(key);
  if (cached) return cached;

  const { spec } = load();
  const operation = spec.paths?.[path]?.[verb];
  if (!operation?.responses) throw new Error(`Pluggy spec has no operation ${verb.toUpperCase()} ${path}`);
  const statusKey = String(status) in operation.responses ? String(status) : 'default';
  const pointer = `#/paths/${encodePointer(path)}/${verb}/responses/${statusKey}`;
  const found = operation.responses[statusKey];
  if (!found) throw new Error(`Pluggy spec: ${verb.toUpperCase()} ${path} documents no ${status} or default response`);
  const [response, responsePointer] = followResponseRefs(spec, found, pointer);
  if (response.content?.['application/json']?.schema === undefined) {
    throw new Error(`Pluggy spec: ${responsePointer} has no application/json body to validate`);
  }
  // Compile through the document (not a copy of the schema) so its internal $refs keep resolving.
  const validator = compileRef(`${responsePointer}/content/application~1json/schema`);
  responseCache.set(key, validator);
  return validator;
}

/** Throws, listing the first few problems, when `value` does not match. */
export function assertMatchesSpec(validate: Validator, value: unknown, label = 'value'): void {
  const errors = validate(value);
  if (errors.length === 0) return;
  const shown = errors.slice(0, maxListedErrors).map((error) => `  - ${error}`);
  const more = errors.length > maxListedErrors ? [`  … and ${errors.length - maxListedErrors} more`] : [];
  throw new Error([`${label} does not match Pluggy's OpenAPI spec:`, ...shown, ...more].join('\n'));
}

/** Responses may be `$ref: '#/components/responses/X'`; chase them to the real object. */
function followResponseRefs(spec: Spec, response: SpecResponse, pointer: string): [SpecResponse, string] {
  let current = response;
  let at = pointer;
  for (let hops = 0; current.$ref !== undefined; hops++) {
    if (hops > 10 || !current.$ref.startsWith('#/'))
      throw new Error(`Pluggy spec: cannot follow ${at} → ${current.$ref}`);
    at = current.$ref;
    const target = resolvePointer(spec, at);
    if (typeof target !== 'object' || target === null) throw new Error(`Pluggy spec: ${at} does not exist`);
    current = target;
  }
  return [current, at];
}

function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      document,
    );
}

/** One JSON Pointer segment, URI-encoded too because Ajv treats the pointer as a URI fragment. */
function encodePointer(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}
