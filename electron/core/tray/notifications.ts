import type { Language } from '../../shared/models.ts';
import type { SyncEvent } from '../sync/sync-engine.ts';

export interface DesktopNotification {
  title: string;
  body: string;
}

export interface NotificationContext {
  language: Language;
  /** The connection's institution, as the user knows it. */
  institution: string;
  /** The user is looking at Balancete already: the screen shows what happened. */
  windowFocused: boolean;
}

const texts = {
  'pt-BR': {
    mfaTitle: (bank: string) => `${bank} pede um código`,
    mfaBody: (label: string) => `Abra o Balancete e informe: ${label}.`,
    reconnectTitle: (bank: string) => `Reconecte ${bank}`,
    reconnectBody: 'O banco recusou o acesso. Abra Conexões e escolha Reconectar; seus dados continuam aqui.',
    bankTitle: (bank: string) => `${bank} precisa de uma ação sua`,
    bankBody: 'Entre no site ou app do banco para resolver; depois atualize a conexão no Balancete.',
    newTitle: (bank: string) => `Novidades de ${bank}`,
    newBody: (count: number) => (count === 1 ? '1 transação nova.' : `${count} transações novas.`),
  },
  en: {
    mfaTitle: (bank: string) => `${bank} asks for a code`,
    mfaBody: (label: string) => `Open Balancete and enter: ${label}.`,
    reconnectTitle: (bank: string) => `Reconnect ${bank}`,
    reconnectBody: 'The bank refused the login. Open Connections and choose Reconnect; your data is still here.',
    bankTitle: (bank: string) => `${bank} needs you to act`,
    bankBody: "Sign in to the bank's site or app to sort it out, then refresh the connection in Balancete.",
    newTitle: (bank: string) => `New from ${bank}`,
    newBody: (count: number) => (count === 1 ? '1 new transaction.' : `${count} new transactions.`),
  },
} as const;

/**
 * Whether a sync event deserves a desktop notification, and its words. Only what needs
 * the user (an MFA code, a refused login, an action at the bank) or news they are not
 * looking at (new transactions while the window is hidden); transient trouble never does,
 * since sync retries it quietly.
 */
export function notificationFor(event: SyncEvent, context: NotificationContext): DesktopNotification | null {
  const words = texts[context.language];
  const bank = context.institution;
  switch (event.kind) {
    case 'waiting-user-input':
      return { title: words.mfaTitle(bank), body: words.mfaBody(event.parameter.label) };
    case 'item-error':
      if (event.error.fixableBy === 'app') return { title: words.reconnectTitle(bank), body: words.reconnectBody };
      if (event.error.fixableBy === 'bank') return { title: words.bankTitle(bank), body: words.bankBody };
      return null;
    case 'item-updated':
      return event.counts.created > 0 && !context.windowFocused
        ? { title: words.newTitle(bank), body: words.newBody(event.counts.created) }
        : null;
    default:
      return null;
  }
}
