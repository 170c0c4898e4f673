/**
 * A minimal structured logger: one JSON line per entry on stderr. Kept behind an
 * interface so the main process, tests and scripts can route entries where they need.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createConsoleLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const entry =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      const serialised = Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? describeError(value) : value]),
      );
      write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...serialised })}\n`);
    };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** A logger that writes nothing (tests, scripts that want silence). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function describeError(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}

/**
 * Secrets that must never reach a log line: the Pluggy client secret, API keys and
 * connect tokens. Whoever handles one registers it here; the redacting logger then
 * blanks it wherever it appears, in any field, however deeply nested or quoted.
 */
export class SecretRegistry {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short strings would blank ordinary words; no real secret is that short.
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('[redacted]');
    return result;
  }
}

/** Fields whose values are secrets by their name alone, whoever logs them. */
const secretFieldNames =
  /^(client_?secret|api_?key|x-api-key|access_?token|connect_?token|password|token|authorization)$/i;

/**
 * A logger that blanks secrets before anything is written: registered secret values
 * wherever they appear (in any string, key or error, before any JSON escaping) and the
 * values of fields named like secrets. It never throws, whatever it is given (cycles,
 * BigInts): a log call inside an error handler must not become a new failure.
 */
export function createRedactingLogger(base: Logger, secrets: SecretRegistry): Logger {
  const clean = (fields: Record<string, unknown> = {}): Record<string, unknown> => {
    try {
      return scrub(fields, secrets, new WeakSet()) as Record<string, unknown>;
    } catch {
      return { unloggable: true };
    }
  };
  return {
    info: (event, fields) => base.info(event, clean(fields)),
    warn: (event, fields) => base.warn(event, clean(fields)),
    error: (event, fields) => base.error(event, clean(fields)),
  };
}

function scrub(value: unknown, secrets: SecretRegistry, seen: WeakSet<object>, key?: string): unknown {
  if (key !== undefined && secretFieldNames.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string') return secrets.redact(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, seen));
  // Errors serialise as `{}` by default: keep their name, message, own fields (such as a code) and cause.
  const entries = Object.entries(value);
  if (value instanceof Error) {
    entries.push(['name', value.name], ['message', value.message]);
    if (value.cause !== undefined) entries.push(['cause', value.cause]);
  }
  return Object.fromEntries(
    entries.map(([field, child]) => [secrets.redact(field), scrub(child, secrets, seen, field)]),
  );
}
