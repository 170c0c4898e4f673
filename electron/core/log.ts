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

function describeError(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}
