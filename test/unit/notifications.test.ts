import { describe, expect, it } from 'vitest';
import { itemError, PluggyError } from '../../electron/core/pluggy/errors.ts';
import { notificationFor, type NotificationContext } from '../../electron/core/tray/notifications.ts';

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

  it('not for progress or a login that worked', () => {
    expect(notificationFor({ kind: 'sync-started', itemId: 'a', trigger: 'poll' }, away)).toBeNull();
    expect(notificationFor({ kind: 'login-succeeded', itemId: 'a' }, away)).toBeNull();
  });
});
