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

export function createRedactingLogger(base: Logger, secrets: SecretRegistry): Logger {
  const clean = (fields: Record<string, unknown> = {}) =>
    JSON.parse(
      secrets.redact(
        JSON.stringify(fields, (key, value: unknown) =>
          secretFieldNames.test(key) && value !== undefined && value !== null ? '[redacted]' : errorAsObject(value),
        ),
      ),
    ) as Record<string, unknown>;
  return {
    info: (event, fields) => base.info(event, clean(fields)),
    warn: (event, fields) => base.warn(event, clean(fields)),
    error: (event, fields) => base.error(event, clean(fields)),
  };
}

/** Errors serialise as `{}` by default: keep their name, message and own fields (such as a code). */
function errorAsObject(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { ...Object.fromEntries(Object.entries(value)), name: value.name, message: value.message };
}
