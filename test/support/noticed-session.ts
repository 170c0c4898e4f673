import type { HandlerDeps } from '../../electron/core/handlers.ts';
import { handlerSession, type HandlerSession } from './handler-session.ts';
import { NoticeRecorder } from './ipc-session.ts';

export interface NoticedSession {
  session: HandlerSession;
  call: HandlerSession['call'];
  /** The sync notices main sent this test's windows. */
  notices: () => NoticeRecorder;
  /** Links a sandbox bank through the handlers, as the Connect window does, and waits for its first sync; its connection's id. */
  linkSandboxBank: (options?: { connectorId?: number; user?: string }) => Promise<string>;
}

/** A `handlerSession` whose windows' sync notices are recorded, anew for each test of the file. */
export function noticedSession(options: { deps?: () => Partial<HandlerDeps> } = {}): NoticedSession {
  let recorder = new NoticeRecorder();
  const session = handlerSession({
    deps: () => {
      recorder = new NoticeRecorder();
      return { ...options.deps?.(), emit: recorder.emit };
    },
  });
  return {
    session,
    call: session.call,
    notices: () => recorder,
    linkSandboxBank: async ({ connectorId = 0, user = 'user-ok' } = {}) => {
      const created = await session.call<{ id: string }>('connections:create', {
        connectorId,
        parameters: { user, password: 'password-ok' },
      });
      await recorder.next('item-updated', created.id);
      return created.id;
    },
  };
}
