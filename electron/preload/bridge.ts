import { type BalanceteBridge, eventChannel } from '../shared/bridge.ts';
import { isChannel, isEventName } from '../shared/channels.ts';
import type { IpcResult } from '../shared/errors.ts';

/** The part of Electron's ipcRenderer the bridge uses; a fake stands in for it in tests. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The renderer's only door to main: invoke a contract channel, or listen to a contract
 * event. No ipcRenderer, no Node, nothing else crosses. Names outside the contract are
 * refused here already, before anything reaches main.
 */
export function createBridge(ipc: RendererIpc): BalanceteBridge {
  return {
    invoke(channel, input) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` },
        });
      }
      return ipc.invoke(channel, input) as Promise<IpcResult<unknown>>;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      const forward = (_event: unknown, envelope: unknown) => {
        // Checked at run time whatever the types say: one channel carries every event.
        if (typeof envelope === 'object' && envelope !== null && (envelope as { event?: unknown }).event === event) {
          listener((envelope as { payload?: unknown }).payload);
        }
      };
      ipc.on(eventChannel, forward);
      return () => {
        ipc.removeListener(eventChannel, forward);
      };
    },
  };
}
