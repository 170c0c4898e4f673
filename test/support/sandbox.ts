import { Agent, fetch } from 'undici';
import { type SandboxHandle, type SandboxOptions, startSandbox } from '../../electron/core/sandbox/server.ts';
import { makeTempDir } from './temp-dir.ts';

export interface SandboxResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface SandboxClient {
  sandbox: SandboxHandle;
  /**
   * A JSON request over real HTTPS, trusting only the sandbox's certificate. Without `key`
   * it uses a cached API key (renewed once if the sandbox clock expired it); `null` sends none.
   */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; key?: string | null; rawBody?: string },
  ): Promise<SandboxResponse>;
  /** A fresh API key for the demo credentials. */
  newApiKey(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a sandbox on a free port with its certificate in a temp folder, and a client for it. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxClient> {
  const temp = makeTempDir('balancete-sandbox-');
  let sandbox: SandboxHandle;
  try {
    sandbox = await startSandbox({ certificateDir: temp.path, stepMs: 0, ...options });
  } catch (error) {
    temp.remove();
    throw error;
  }
  const dispatcher = new Agent({ connect: { ca: sandbox.ca } });
  let cachedKey: string | undefined;

  async function send(
    method: string,
    path: string,
    body: unknown,
    apiKey: string | null,
    rawBody?: string,
  ): Promise<SandboxResponse> {
    const text = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      dispatcher,
      headers: {
        ...(apiKey ? { 'X-API-KEY': apiKey } : {}),
        ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(text === undefined ? {} : { body: text }),
    });
    const answer = await response.text();
    return {
      status: response.status,
      body: answer ? (JSON.parse(answer) as unknown) : undefined,
      headers: response.headers as unknown as Headers,
    };
  }

  async function newApiKey(): Promise<string> {
    const response = await send('POST', '/auth', sandbox.credentials, null);
    return (response.body as { apiKey: string }).apiKey;
  }

  return {
    sandbox,
    newApiKey,
    async call(method, path, { body, key, rawBody } = {}) {
      if (key !== undefined) return send(method, path, body, key, rawBody);
      cachedKey ??= await newApiKey();
      const response = await send(method, path, body, cachedKey, rawBody);
      if (response.status !== 403) return response;
      cachedKey = await newApiKey();
      return send(method, path, body, cachedKey, rawBody);
    },
    async stop() {
      await sandbox.stop();
      await dispatcher.close();
      temp.remove();
    },
  };
}
