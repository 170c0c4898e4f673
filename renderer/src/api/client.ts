import type { BalanceteBridge } from '../../../electron/shared/bridge.ts';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../../electron/shared/contract.ts';
import { AppError, isErrorCode } from '../../../electron/shared/errors.ts';

declare global {
  interface Window {
    balancete?: BalanceteBridge;
  }
}

/** Channels whose input is optional can be called without one. */
type InvokeArgs<C extends Channel> =
  undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface ApiClient {
  invoke<C extends Channel>(channel: C, ...args: InvokeArgs<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The renderer's typed view of `window.balancete`, derived from the contract. A failed
 * call rejects with an AppError carrying the code the UI translates.
 */
export function createApiClient(bridge: BalanceteBridge): ApiClient {
  return {
    async invoke(channel, ...args) {
      const result = await bridge.invoke(channel, args[0]);
      if (result.ok) return result.value as never;
      const { code, message, details } = result.error;
      throw new AppError(isErrorCode(code) ? code : 'INTERNAL', message, details);
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as never));
    },
  };
}

/** The client for this page, or null when the page was opened outside Balancete. */
export function connectToMain(): ApiClient | null {
  return window.balancete ? createApiClient(window.balancete) : null;
}
