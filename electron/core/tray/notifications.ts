import { bookkeepingDate, formatDate } from '../../shared/format.ts';
import type { Language } from '../../shared/models.ts';
import type { SyncEvent } from '../sync/sync-engine.ts';
import { missingProducts } from './product-words.ts';

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
    partialTitle: (bank: string) => `${bank}: atualização incompleta`,
    partialBody: (missing: string) =>
      missing ? `Faltou: ${missing}. Veja em Conexões.` : 'Parte dos dados não veio. Veja em Conexões.',
    linkFailedTitle: (bank: string) => `${bank} não foi conectado`,
    linkFailedBody: 'Nada ficou guardado. Abra a janela Conectar banco para ver por quê e tentar de novo.',
    duplicateTitle: (bank: string) => `${bank} já está no Balancete`,
    duplicateBody: 'Abra o Balancete para escolher: reconectar a conexão que já existe ou manter as duas.',
    consentEndingTitle: (bank: string, days: number) =>
      days === 0
        ? `O consentimento de ${bank} termina hoje`
        : `O consentimento de ${bank} termina em ${days === 1 ? '1 dia' : `${days} dias`}`,
    consentEndingBody: (day: string) =>
      `Depois de ${day} o banco deixa de enviar seus dados. Em Conexões, escolha Renovar consentimento.`,
    consentEndedTitle: (bank: string) => `${bank} parou de atualizar`,
    consentEndedBody: 'O consentimento do Open Finance terminou. Em Conexões, escolha Renovar consentimento.',
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
    partialTitle: (bank: string) => `${bank}: update incomplete`,
    partialBody: (missing: string) =>
      missing ? `Missing: ${missing}. See Connections.` : 'Part of the data did not come. See Connections.',
    linkFailedTitle: (bank: string) => `${bank} was not connected`,
    linkFailedBody: 'Nothing was kept. Open the Connect a bank window to see why and try again.',
    duplicateTitle: (bank: string) => `${bank} is already in Balancete`,
    duplicateBody: 'Open Balancete to choose: reconnect the connection you have, or keep both.',
    consentEndingTitle: (bank: string, days: number) =>
      days === 0
        ? `Your consent for ${bank} ends today`
        : `Your consent for ${bank} ends in ${days === 1 ? '1 day' : `${days} days`}`,
    consentEndingBody: (day: string) =>
      `After ${day} the bank stops sharing your data. In Connections, choose Renew consent.`,
    consentEndedTitle: (bank: string) => `${bank} stopped updating`,
    consentEndedBody: 'Its Open Finance consent ended. In Connections, choose Renew consent.',
  },
} as const;

/**
 * Whether a sync event deserves a desktop notification, and its words. Only what needs
 * the user (an MFA code, a refused login, an action at the bank, an Open Finance consent
 * ending or ended) or news they are not
 * looking at (new transactions, an update that brought only part of the data, what became
 * of a new link, while no window of Balancete is in front); transient trouble never does,
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
      if (context.windowFocused) return null;
      if (event.partial) {
        return {
          title: words.partialTitle(bank),
          body: words.partialBody(missingProducts(event.partial, context.language)),
        };
      }
      return event.counts.created > 0
        ? { title: words.newTitle(bank), body: words.newBody(event.counts.created) }
        : null;
    // What became of a new link, for a user no longer looking at the Connect window.
    case 'link-failed':
      return context.windowFocused ? null : { title: words.linkFailedTitle(bank), body: words.linkFailedBody };
    case 'duplicate-found':
      return context.windowFocused ? null : { title: words.duplicateTitle(bank), body: words.duplicateBody };
    // Each told once (the engine keeps what it told): the user has to act, looking or not.
    case 'consent-expiring':
      return {
        title: words.consentEndingTitle(bank, event.consent.daysLeft),
        body: words.consentEndingBody(formatDate(bookkeepingDate(event.consent.expiresAt))),
      };
    case 'consent-expired':
      return { title: words.consentEndedTitle(bank), body: words.consentEndedBody };
    default:
      return null;
  }
}
