import { type BalanceteBridge, eventChannel } from '../shared/bridge.ts';
import { isChannel, isEventName } from '../shared/channels.ts';
import type { IpcResult } from '../shared/errors.ts';
import type { WindowScope } from '../shared/window-scopes.ts';

/** The part of Electron's ipcRenderer the bridge uses; a fake stands in for it in tests. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The renderer's only door to main: invoke a channel of this window's scope, or listen to
 * one of its events. No ipcRenderer, no Node, nothing else crosses. Names outside the
 * contract or the scope are refused here already, before anything reaches main (which
 * checks the scope again by the sender's window: a preload is no security boundary).
 */
export function createBridge(ipc: RendererIpc, scope: WindowScope): BalanceteBridge {
  return {
    invoke(channel, input) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` },
        });
      }
      if (!scope.channels.includes(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'CHANNEL_NOT_ALLOWED', message: `${channel} is not open to this window` },
        });
      }
      return ipc.invoke(channel, input) as Promise<IpcResult<unknown>>;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      if (!scope.events.includes(event)) throw new Error(`Event ${event} is not sent to this window`);
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
