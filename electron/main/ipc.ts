import { BrowserWindow, ipcMain } from 'electron';
import { channels, type EventName, type EventPayload } from '../shared/contract.ts';
import { type EventEnvelope, eventChannel } from '../shared/bridge.ts';
import type { IpcResult } from '../shared/errors.ts';
import type { WindowKind } from '../shared/window-scopes.ts';
import { isTrustedOrigin } from '../core/ipc/trusted-origin.ts';
import { mayReceive } from '../core/ipc/window-access.ts';
import type { Logger } from '../core/log.ts';
import { windowKindOf } from './app-window.ts';

/** Answers a window's request: the books worker's dispatch (core/books-host), which never throws. */
export type Answer = (channel: string, input: unknown, window: WindowKind | null) => Promise<IpcResult<unknown>>;

/**
 * Registers one ipcMain handler per contract channel. Each call is answered only for
 * frames of our own origin, only on the channels of the sending window's kind (whatever
 * its preload may say), and its input is validated before the handler runs (both in the
 * books worker's dispatch, to which main passes the window kind it knows).
 */
export function registerIpc(answer: Answer, trustedOrigins: readonly string[], log: Logger): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedOrigin(event.senderFrame?.url, trustedOrigins)) {
        log.warn('ipc.forbidden-sender', { channel, url: event.senderFrame?.url });
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This page may not talk to Balancete.' } };
      }
      const window = windowKindOf(event.sender);
      const result = await answer(channel, input, window);
      if (!result.ok && result.error.code === 'CHANNEL_NOT_ALLOWED') {
        log.warn('ipc.channel-not-allowed', { channel, window: window ?? 'unknown' });
      }
      return result;
    });
  }
}

/** Sends an event to every window showing one of our pages whose kind listens to it. */
export function broadcast<E extends EventName>(
  trustedOrigins: readonly string[],
  event: E,
  payload: EventPayload<E>,
): void {
  const envelope: EventEnvelope = { event, payload };
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (isTrustedOrigin(contents.getURL(), trustedOrigins) && mayReceive(windowKindOf(contents), event)) {
      contents.send(eventChannel, envelope);
    }
  }
}
