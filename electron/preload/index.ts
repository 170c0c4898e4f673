import { contextBridge, ipcRenderer } from 'electron';
import { type BalanceteBridge, bridgeGlobalName, eventChannel } from '../shared/bridge.ts';
import { isChannel, isEventName } from '../shared/contract.ts';
import type { IpcResult } from '../shared/errors.ts';

/**
 * The renderer's only door to main: invoke a contract channel, or listen to a contract
 * event. No ipcRenderer, no Node, nothing else crosses.
 */
const bridge: BalanceteBridge = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    // Typed loosely on purpose: the check below must hold whatever main sends.
    const forward = (_event: unknown, envelope: { event: string; payload: unknown }) => {
      if (envelope.event === event) listener(envelope.payload);
    };
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
