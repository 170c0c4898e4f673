import type { Channel, EventName } from './contract.ts';
import type { IpcResult } from './errors.ts';

/**
 * The object the preload puts on `window.balancete`. It is deliberately untyped at the
 * boundary (the renderer's client adds the types) and tiny, so the E2E bridge can
 * provide the very same shape.
 */
export interface BalanceteBridge {
  invoke(channel: Channel, input?: unknown): Promise<IpcResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Where the renderer finds the bridge. */
export const bridgeGlobalName = 'balancete';

/** Channel on which main sends every event; the payload carries the event name. */
export const eventChannel = 'balancete:event';

export interface EventEnvelope {
  event: EventName;
  payload: unknown;
}
