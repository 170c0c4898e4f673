import { type PluggyClientOptions, PluggyClient } from '../../electron/core/pluggy/client.ts';
import type { PluggyError } from '../../electron/core/pluggy/errors.ts';
import type { SandboxClient } from './sandbox.ts';

/** A real Pluggy client pointed at a test sandbox, with short retry delays. */
export function clientFor(sandbox: SandboxClient, overrides: Partial<PluggyClientOptions> = {}): PluggyClient {
  return new PluggyClient({
    baseUrl: sandbox.sandbox.url,
    sandboxCa: sandbox.sandbox.ca,
    ...sandbox.sandbox.credentials,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

/** Resolves once the item has left UPDATING (the sandbox runs with no step delay in tests). */
export async function settledItem(client: PluggyClient, id: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const item = await client.item(id);
    if (item.status !== 'UPDATING') return item;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`item ${id} never settled`);
}

/** The error a promise rejects with (a test failure if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<PluggyError> {
  try {
    await promise;
  } catch (error) {
    return error as PluggyError;
  }
  throw new Error('expected a failure');
}
