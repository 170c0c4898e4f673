import { Agent, fetch } from 'undici';
import { type SandboxHandle, type SandboxOptions, startSandbox } from '../../electron/core/sandbox/server.ts';
import { makeTempDir } from './temp-dir.ts';

export interface SandboxClient {
  sandbox: SandboxHandle;
  /** JSON request to the sandbox over real HTTPS, trusting only its certificate. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; key?: string | null },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** A fresh API key for the demo credentials. */
  apiKey(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a sandbox on a free port with its certificate in a temp folder, and a client for it. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxClient> {
  const temp = makeTempDir('balancete-sandbox-');
  const sandbox = await startSandbox({ certificateDir: temp.path, stepMs: 0, ...options });
  const dispatcher = new Agent({ connect: { ca: sandbox.ca } });
  let cachedKey: string | undefined;
  const client: SandboxClient = {
    sandbox,
    async call(method, path, { body, key } = {}) {
      const apiKey = key === undefined ? await client.apiKey() : key;
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        dispatcher,
        headers: {
          ...(apiKey ? { 'X-API-KEY': apiKey } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        headers: response.headers as unknown as Headers,
      };
    },
    async apiKey() {
      if (!cachedKey) {
        const response = await client.call('POST', '/auth', { body: sandbox.credentials, key: null });
        cachedKey = (response.body as { apiKey: string }).apiKey;
      }
      return cachedKey;
    },
    async stop() {
      await sandbox.stop();
      await dispatcher.close();
      temp.remove();
    },
  };
  return client;
}
