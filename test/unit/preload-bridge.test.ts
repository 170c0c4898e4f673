import { describe, expect, it } from 'vitest';
import { createBridge, type RendererIpc } from '../../electron/preload/bridge.ts';
import { eventChannel } from '../../electron/shared/bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Set<Listener>();
  const ipc: RendererIpc = {
    invoke: (...args) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from main' });
    },
    on: (channel, listener) => {
      expect(channel).toBe(eventChannel);
      listeners.add(listener);
    },
    removeListener: (_channel, listener) => listeners.delete(listener),
  };
  const send = (envelope: unknown) => {
    for (const listener of listeners) listener({}, envelope);
  };
  return { ipc, invoked, listeners, send };
}

describe('preload bridge', () => {
  it('passes contract channels to main as they are', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('settings:update', { language: 'en' })).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['settings:update', { language: 'en' }]]);
  });

  it('refuses channels outside the contract without reaching main', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const channel of ['balancete:event', 'ELECTRON_BROWSER_WINDOW', '__proto__']) {
      expect(await bridge.invoke(channel as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(invoked).toEqual([]);
  });

  it('delivers only the event listened to, until unsubscribed', () => {
    const { ipc, listeners, send } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[] = [];
    const stop = bridge.on('settings:changed', (payload) => received.push(payload));
    send({ event: 'settings:changed', payload: { language: 'en' } });
    send({ event: 'something:else', payload: 1 });
    send(null);
    send('settings:changed');
    expect(received).toEqual([{ language: 'en' }]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('refuses to listen to an event outside the contract', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(() => bridge.on('ipc:anything' as never, () => {})).toThrow(/Unknown event/);
  });
});
