/**
 * Errors in Pluggy's shape (`GlobalErrorResponse`: code, message, codeDescription?, data?),
 * thrown by route handlers and turned into responses by the server's error handler.
 */
export class PluggyError extends Error {
  readonly status: number;
  readonly codeDescription: string | undefined;
  readonly data: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { codeDescription?: string; data?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.codeDescription = options.codeDescription;
    this.data = options.data;
    this.headers = options.headers ?? {};
  }

  body(): Record<string, unknown> {
    return {
      code: this.status,
      message: this.message,
      ...(this.codeDescription ? { codeDescription: this.codeDescription } : {}),
      ...(this.data === undefined ? {} : { data: this.data }),
    };
  }
}

/** Pluggy answers a bad or expired key on any call but /auth with this exact body. */
export const invalidToken = () => new PluggyError(403, 'Missing or invalid authorization token');

export const notFound = (resource: string, codeDescription: string) =>
  new PluggyError(404, `${resource} not found`, { codeDescription });

export const badRequest = (message: string, data?: unknown) =>
  new PluggyError(400, message, { codeDescription: 'INVALID_REQUEST', data });
