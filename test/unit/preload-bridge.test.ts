import { describe, expect, it } from 'vitest';
import { createBridge, type RendererIpc } from '../../electron/preload/bridge.ts';
import { eventChannel } from '../../electron/shared/bridge.ts';
import { windowScopes } from '../../electron/shared/window-scopes.ts';

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
    const bridge = createBridge(ipc, windowScopes.main);
    expect(await bridge.invoke('settings:update', { language: 'en' })).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['settings:update', { language: 'en' }]]);
  });

  it('refuses channels outside the contract without reaching main', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, windowScopes.main);
    for (const channel of ['balancete:event', 'ELECTRON_BROWSER_WINDOW', '__proto__']) {
      expect(await bridge.invoke(channel as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(invoked).toEqual([]);
  });

  it('refuses channels outside its window’s scope without reaching main', async () => {
    const { ipc, invoked } = fakeIpc();
    const connect = createBridge(ipc, windowScopes.connect);
    for (const channel of ['transactions:list', 'settings:update', 'exports:csv'] as const) {
      expect(await connect.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'CHANNEL_NOT_ALLOWED' } });
    }
    expect(await createBridge(ipc, windowScopes.main).invoke('connect-token:create', {})).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_NOT_ALLOWED' },
    });
    expect(invoked).toEqual([]);
    expect(await connect.invoke('connect-token:create', {})).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['connect-token:create', {}]]);
  });

  it('delivers only the event listened to, until unsubscribed', () => {
    const { ipc, listeners, send } = fakeIpc();
    const bridge = createBridge(ipc, windowScopes.connect);
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

  it('refuses to listen to an event outside the contract, or outside its window’s scope', () => {
    const { ipc, listeners } = fakeIpc();
    expect(() => createBridge(ipc, windowScopes.main).on('ipc:anything' as never, () => {})).toThrow(/Unknown event/);
    expect(() => createBridge(ipc, windowScopes.report).on('exports:progress', () => {})).toThrow(
      /not sent to this window/,
    );
    expect(listeners.size).toBe(0);
  });
});
