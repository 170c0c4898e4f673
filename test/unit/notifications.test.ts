import { describe, expect, it } from 'vitest';
import { itemError, PluggyError } from '../../electron/core/pluggy/errors.ts';
import { notificationFor, type NotificationContext } from '../../electron/core/tray/notifications.ts';
import type { SyncEvent } from '../../electron/core/sync/sync-engine.ts';

const away: NotificationContext = { language: 'pt-BR', institution: 'Pluggy Bank', windowFocused: false };
const looking: NotificationContext = { ...away, windowFocused: true };

describe('desktop notifications', () => {
  it('an MFA question always: the bank waits on the user, window or not', () => {
    const event = {
      kind: 'waiting-user-input',
      itemId: 'a',
      parameter: { name: 'token', label: 'Token do app', type: 'number' },
    } as const;
    expect(notificationFor(event, away)).toEqual({
      title: 'Pluggy Bank pede um código',
      body: 'Abra o Balancete e informe: Token do app.',
    });
    expect(notificationFor(event, { ...looking, language: 'en' })).toEqual({
      title: 'Pluggy Bank asks for a code',
      body: 'Open Balancete and enter: Token do app.',
    });
  });

  it('a login the bank refused: reconnect; an action at the bank: go to the bank', () => {
    expect(
      notificationFor({ kind: 'item-error', itemId: 'a', error: itemError('INVALID_CREDENTIALS', 'x') }, away),
    ).toMatchObject({ title: 'Reconecte Pluggy Bank' });
    expect(
      notificationFor({ kind: 'item-error', itemId: 'a', error: itemError('ACCOUNT_LOCKED', 'x') }, away),
    ).toMatchObject({ title: 'Pluggy Bank precisa de uma ação sua' });
  });

  it('never for trouble that sync retries by itself', () => {
    for (const code of ['SITE_NOT_AVAILABLE', 'CONNECTION_ERROR', 'SOME_CODE_PLUGGY_ADDS_LATER']) {
      expect(notificationFor({ kind: 'item-error', itemId: 'a', error: itemError(code, 'x') }, away)).toBeNull();
    }
    const network = new PluggyError('PLUGGY_NETWORK', 'offline');
    expect(notificationFor({ kind: 'item-error', itemId: 'a', error: network }, away)).toBeNull();
  });

  it('new transactions only when the user is not looking, and only when there are some', () => {
    const updated = (created: number) =>
      ({ kind: 'item-updated', itemId: 'a', trigger: 'poll', counts: { created, updated: 2, removed: 1 } }) as const;
    expect(notificationFor(updated(3), away)).toEqual({
      title: 'Novidades de Pluggy Bank',
      body: '3 transações novas.',
    });
    expect(notificationFor(updated(1), { ...away, language: 'en' })).toEqual({
      title: 'New from Pluggy Bank',
      body: '1 new transaction.',
    });
    expect(notificationFor(updated(3), looking)).toBeNull();
    expect(notificationFor(updated(0), away)).toBeNull();
  });

  it('an update that brought only part of the data, with what is missing, when the user is not looking', () => {
    const partly: SyncEvent = {
      kind: 'item-updated',
      itemId: 'a',
      trigger: 'poll',
      counts: { created: 4, updated: 0, removed: 0 },
      partial: { products: [{ product: 'transactions', warnings: ['Poupança indisponível'] }] },
    };
    expect(notificationFor(partly, away)).toEqual({
      title: 'Pluggy Bank: atualização incompleta',
      body: 'Faltou: transações. Veja em Conexões.',
    });
    expect(notificationFor(partly, { ...away, language: 'en' })).toEqual({
      title: 'Pluggy Bank: update incomplete',
      body: 'Missing: transactions. See Connections.',
    });
    expect(notificationFor({ ...partly, partial: { products: [] } }, away)).toMatchObject({
      body: 'Parte dos dados não veio. Veja em Conexões.',
    });
    expect(notificationFor(partly, looking)).toBeNull();
  });

  it('what became of a new link, when the user is not looking at the Connect window', () => {
    const failed = { kind: 'link-failed', itemId: 'a', error: itemError('INVALID_CREDENTIALS', 'x') } as const;
    expect(notificationFor(failed, away)).toEqual({
      title: 'Pluggy Bank não foi conectado',
      body: 'Nada ficou guardado. Abra a janela Conectar banco para ver por quê e tentar de novo.',
    });
    expect(notificationFor(failed, looking)).toBeNull();
    const twice = { kind: 'duplicate-found', itemId: 'b', existingId: 'a' } as const;
    expect(notificationFor(twice, { ...away, language: 'en' })).toEqual({
      title: 'Pluggy Bank is already in Balancete',
      body: 'Open Balancete to choose: reconnect the connection you have, or keep both.',
    });
    expect(notificationFor(twice, looking)).toBeNull();
  });

  it('not for progress or a login that worked', () => {
    expect(notificationFor({ kind: 'sync-started', itemId: 'a', trigger: 'poll' }, away)).toBeNull();
    expect(notificationFor({ kind: 'login-succeeded', itemId: 'a' }, away)).toBeNull();
  });

  it('an Open Finance consent ending, and ended: the user must renew it, looking or not', () => {
    const consent = { expiresAt: '2026-12-15T02:00:00.000Z', state: 'expiring', daysLeft: 15 } as const;
    expect(notificationFor({ kind: 'consent-expiring', itemId: 'a', consent }, looking)).toEqual({
      title: 'O consentimento de Pluggy Bank termina em 15 dias',
      body: 'Depois de 14/12/2026 o banco deixa de enviar seus dados. Em Conexões, escolha Renovar consentimento.',
    });
    expect(
      notificationFor({ kind: 'consent-expiring', itemId: 'a', consent: { ...consent, daysLeft: 0 } }, away),
    ).toMatchObject({ title: 'O consentimento de Pluggy Bank termina hoje' });
    expect(
      notificationFor(
        { kind: 'consent-expired', itemId: 'a', consent: { ...consent, state: 'expired', daysLeft: 0 } },
        {
          ...away,
          language: 'en',
        },
      ),
    ).toEqual({
      title: 'Pluggy Bank stopped updating',
      body: 'Its Open Finance consent ended. In Connections, choose Renew consent.',
    });
  });
});
