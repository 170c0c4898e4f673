import { BrowserWindow, ipcMain } from 'electron';
import { channels, type EventName, type EventPayload } from '../shared/contract.ts';
import { type EventEnvelope, eventChannel } from '../shared/bridge.ts';
import { dispatch } from '../core/ipc/dispatch.ts';
import type { HandlerMap } from '../core/ipc/handler-map.ts';
import { isTrustedOrigin } from '../core/ipc/trusted-origin.ts';
import type { Logger } from '../core/log.ts';

/**
 * Registers one ipcMain handler per contract channel. Each call is answered only for
 * frames of our own origin, and its input is validated before the handler runs.
 */
export function registerIpc(handlers: HandlerMap, trustedOrigins: readonly string[], log: Logger): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedOrigin(event.senderFrame?.url, trustedOrigins)) {
        log.warn('ipc.forbidden-sender', { channel, url: event.senderFrame?.url });
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This page may not talk to Balancete.' } };
      }
      return dispatch(handlers, channel, input, {
        onInternalError: (failed, error) => log.error('ipc.handler-failed', { channel: failed, error }),
      });
    });
  }
}

/** Sends an event to every window showing one of our pages. */
export function broadcast<E extends EventName>(
  trustedOrigins: readonly string[],
  event: E,
  payload: EventPayload<E>,
): void {
  const envelope: EventEnvelope = { event, payload };
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (isTrustedOrigin(contents.getURL(), trustedOrigins)) contents.send(eventChannel, envelope);
  }
}
